import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Issue 12: "killing node_modules/.bin/kit kills only the wrapper; the child keeps writing for
 * seconds". `kit` started directly, without the workspace's NODE_OPTIONS, with a command that starts
 * workers of its own (bench runs each size in a child process): a signal to `kit` must end them all.
 */
const KIT = fileURLToPath(new URL('../bin/kit.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every process below `pid`, from `ps` (Linux and macOS). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) for (const c of children.get(queue.pop()!) ?? []) out.push(c), queue.push(c);
  return out;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting until ${what}`);
}

describe('the kit command started directly', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('WHEN it gets %s THEN every process it started ends too', async (signal) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const kit = spawn(process.execPath, [KIT, 'bench', '--teams', '20000', '--runs', '1'], { cwd: ROOT, env, stdio: 'ignore' });
    try {
      await waitUntil(() => descendants(kit.pid!).length > 0, 'kit started a worker');
      const workers = descendants(kit.pid!);
      const closed = once(kit, 'close');
      kit.kill(signal);
      await closed;
      await waitUntil(() => workers.every((pid) => !alive(pid)), `the workers ${workers.join(', ')} ended`);
      expect(workers.filter(alive)).toEqual([]);
    } finally {
      for (const pid of [kit.pid!, ...descendants(kit.pid!)]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
