import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, LockTimeoutError, readRepoLock, withRepoLock } from './lock.js';

let root: string;
let messages: string[];
const log = (line: string) => messages.push(line);
const holdAs = (holder: object) => {
  mkdirSync(join(root, LOCK_FILE, '..'), { recursive: true });
  writeFileSync(join(root, LOCK_FILE), JSON.stringify(holder));
};
/** The PID of a process that has exited: a holder that crashed. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kit-lock-'));
  messages = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('withRepoLock', () => {
  it('GIVEN a free repository WHEN locked THEN the lock names this PID, host, time and command, and is gone afterwards', async () => {
    const seen = await withRepoLock(root, 'kit render demo', () => readRepoLock(root));
    expect(seen).toMatchObject({ pid: process.pid, hostname: hostname(), command: 'kit render demo' });
    expect(Number.isNaN(Date.parse(seen!.startedAt))).toBe(false);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('releases the lock when the work throws', async () => {
    await expect(withRepoLock(root, 'kit render demo', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('is re-entrant within one process', async () => {
    const inner = await withRepoLock(root, 'outer', () => withRepoLock(root, 'inner', () => readRepoLock(root)?.command));
    expect(inner).toBe('outer');
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('GIVEN a live holder WHEN the wait runs out THEN it fails with a message naming the holder PID, command and age, and leaves the lock', async () => {
    const holder = { pid: process.ppid, hostname: hostname(), startedAt: minutesAgo(1), command: 'kit render weu-prod' };
    holdAs(holder);
    const attempt = withRepoLock(root, 'kit render neu-prod', () => 'ran', { timeoutMs: 300, log });
    await expect(attempt).rejects.toThrow(LockTimeoutError);
    await expect(withRepoLock(root, 'x', () => 'ran', { timeoutMs: 0 })).rejects.toThrow(
      new RegExp(`PID ${process.ppid} on ${hostname()} \\(kit render weu-prod\\), held for \\d+ s`),
    );
    expect(messages.join('\n')).toMatch(/waiting for the repository lock: PID \d+/);
    expect(readRepoLock(root)).toEqual(holder);
  });

  it('GIVEN a holder on another host WHEN recent THEN it is not judged by PID (waits, then fails)', async () => {
    holdAs({ pid: deadPid(), hostname: 'build-agent-7', startedAt: minutesAgo(1), command: 'kit render weu-prod' });
    await expect(withRepoLock(root, 'x', () => 'ran', { timeoutMs: 0 })).rejects.toThrow(/on build-agent-7/);
  });

  it.each([
    [
      'a holder PID that is no longer running on this host',
      () => ({ pid: deadPid(), hostname: hostname(), startedAt: minutesAgo(1), command: 'kit render weu-prod' }),
      /is no longer running/,
    ],
    [
      'a holder older than the bound (any host)',
      () => ({ pid: process.ppid, hostname: 'build-agent-7', startedAt: minutesAgo(90), command: 'kit render weu-prod' }),
      /older than 30 minutes/,
    ],
  ])('GIVEN %s WHEN locking THEN the stale lock is recovered with a message and the work runs', async (_name, holder, reason) => {
    holdAs(holder());
    expect(await withRepoLock(root, 'kit render neu-prod', () => readRepoLock(root)?.command, { timeoutMs: 0, log })).toBe('kit render neu-prod');
    expect(messages.join('\n')).toMatch(/recovered a stale repository lock \(PID \d+/);
    expect(messages.join('\n')).toMatch(reason);
  });
});
