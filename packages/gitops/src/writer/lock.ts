import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TXN_DIR } from './transaction.js';

/**
 * One writer at a time per repository: `kit render` (all clusters, also under `nx run-many`), the
 * team generator's flush, and the readers that must not see a half-applied transaction (`--check`,
 * `--dry-run`). The lock sits next to the staging area (git-ignored, never committed, writable even
 * when gitops/ is not) and is created atomically (O_CREAT|O_EXCL).
 */
export const LOCK_FILE = `${TXN_DIR}/.lock`;

export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** ISO time the holder took the lock. */
  readonly startedAt: string;
  readonly command: string;
}

export interface LockOptions {
  /** How long to wait for another holder before failing. Default 120 s, or KIT_LOCK_TIMEOUT_SECONDS. */
  readonly timeoutMs?: number;
  /** A lock older than this is stale whatever its PID (a hung or remote holder). Default 30 minutes. */
  readonly staleAfterMs?: number;
  /** Progress for a person: waiting for a holder, recovering a stale lock. */
  readonly log?: (line: string) => void;
}

/** Another process held the lock for longer than the caller was willing to wait: a runtime error (exit 2). */
export class LockTimeoutError extends Error {
  readonly exitCode = 2;
}

const POLL_MS = 100;
const held = new Map<string, number>();

/**
 * Runs `fn` holding the repository lock; waits (bounded) while another process holds it, recovers a
 * stale lock (holder dead on this host, or older than staleAfterMs) with a message, and releases the
 * lock however `fn` ends. Re-entrant within one process.
 */
export async function withRepoLock<T>(root: string, command: string, fn: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireRepoLock(root, command, options);
  try {
    return await fn();
  } finally {
    release();
  }
}

/**
 * Takes the repository lock and returns the function that releases it (idempotent; also called on
 * process exit). For callers whose critical section ends in someone else's code, such as the Nx
 * generator whose Tree is flushed after it returns.
 */
export async function acquireRepoLock(root: string, command: string, options: LockOptions = {}): Promise<() => void> {
  const path = join(root, LOCK_FILE);
  const depth = held.get(path) ?? 0;
  if (depth > 0) {
    held.set(path, depth + 1);
    return once(() => held.set(path, (held.get(path) ?? 1) - 1));
  }
  const timeoutMs = options.timeoutMs ?? Number(process.env.KIT_LOCK_TIMEOUT_SECONDS ?? 120) * 1000;
  const staleAfterMs = options.staleAfterMs ?? 30 * 60_000;
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    const me: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), command };
    if (tryCreate(path, me)) break;
    const holder = readHolder(path);
    if (holder === undefined) continue; // released between our attempt and the read: try again at once
    const stale = staleReason(holder, staleAfterMs);
    if (stale) {
      if (breakStaleLock(path, holder)) options.log?.(`recovered a stale repository lock (${describeHolder(holder)}; ${stale})`);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new LockTimeoutError(
        `another kit process holds the repository lock (${LOCK_FILE}): ${describeHolder(holder)}. ` +
          `Wait for it to finish and run again; if that process no longer exists, delete ${LOCK_FILE}.`,
      );
    }
    if (!announced) options.log?.(`waiting for the repository lock: ${describeHolder(holder)}`);
    announced = true;
    await sleep(POLL_MS);
  }
  held.set(path, 1);
  const onExit = () => removeLock(path);
  process.once('exit', onExit);
  return once(() => {
    const left = (held.get(path) ?? 1) - 1;
    held.set(path, left);
    if (left > 0) return;
    held.delete(path);
    process.removeListener('exit', onExit);
    removeLock(path);
  });
}

/** Who holds the lock now, if anyone (for messages and tests). */
export function readRepoLock(root: string): LockHolder | undefined {
  return readHolder(join(root, LOCK_FILE));
}

function tryCreate(path: string, me: LockHolder): boolean {
  for (let attempt = 0; ; attempt++) {
    mkdirSync(dirname(path), { recursive: true }); // throws (with the path) when a file is in the way
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code === 'ENOENT' && attempt < 10) continue; // the staging folder was removed between mkdir and open
      throw error;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    return true;
  }
}

function readHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as LockHolder;
    if (typeof parsed.pid === 'number' && typeof parsed.startedAt === 'string') return parsed;
  } catch {
    // being written right now, or garbage: judged by the file's age below
  }
  const mtime = fileTime(path);
  return { pid: 0, hostname: '', startedAt: new Date(mtime ?? Date.now()).toISOString(), command: '(unreadable lock file)' };
}

function staleReason(holder: LockHolder, staleAfterMs: number): string | undefined {
  const age = Date.now() - Date.parse(holder.startedAt);
  if (holder.pid === 0) return age > 5_000 ? 'unreadable and older than 5 s' : undefined;
  if (holder.hostname === hostname() && !isAlive(holder.pid)) return `PID ${holder.pid} is no longer running`;
  if (age > staleAfterMs) return `older than ${Math.round(staleAfterMs / 60_000)} minutes`;
  return undefined;
}

/**
 * Removes a stale lock without removing a fresh one that another waiter created meanwhile: the lock
 * is moved aside atomically and checked; if it turns out not to be the stale one it is put back.
 */
function breakStaleLock(path: string, stale: LockHolder): boolean {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return false; // someone else broke it first
  }
  const moved = readHolder(aside);
  if (moved && moved.pid === stale.pid && moved.startedAt === stale.startedAt) {
    unlinkSync(aside);
    return true;
  }
  try {
    linkSync(aside, path); // not the stale one: put it back, unless a new lock took its place meanwhile
  } catch {
    // a third process created a lock in that instant; the one moved aside is lost (documented limit)
  }
  unlinkSync(aside);
  return false;
}

function removeLock(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
  try {
    rmdirSync(dirname(path)); // the staging folder, when nothing else is in it
  } catch {
    // not empty, or gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fileTime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function describeHolder(holder: LockHolder): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(holder.startedAt)) / 1000));
  return `PID ${holder.pid} on ${holder.hostname || 'an unknown host'} (${holder.command}), held for ${seconds} s`;
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
