import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The issue 13 targets for the daily commands, wall time of a fresh process as a user starts it. */
export const RENDER_CHECK_TARGET_MS = 1000;
export const NX_GENERATE_TARGET_MS = 3000;

/** One timing of the daily commands; `nxGenerateMs` is absent outside the workspace (no generator). */
export interface DailyTimes {
  readonly renderCheckMs: number;
  readonly nxGenerateMs?: number;
}

const KIT_BIN = fileURLToPath(new URL('../../bin/kit.mjs', import.meta.url));
const TIME_BOX_MS = 120_000;

/**
 * Wall time of `kit render <cluster> --check` and, where the workspace has the generator, of
 * `nx g team-namespace <new team> --dry-run` without the Nx daemon: each a fresh process started
 * the way a user starts it, so Node's start-up, module loading and every cache are included.
 * Neither changes the repository (a check, a dry run). Each must succeed: a failure (a stale tree
 * included: render it first) or a time-out stops the bench with the command's own message.
 */
export function timeDailyCommands(root: string, cluster: string, withGenerator: boolean): DailyTimes {
  const renderCheckMs = timeCommand(root, [KIT_BIN, 'render', cluster, '--check'], `kit render ${cluster} --check`);
  if (!withGenerator) return { renderCheckMs };
  const args = [nxBin(root), 'g', 'team-namespace', 'bench-gen', '--cluster', cluster, '--groupObjectId', '00000000-0000-4000-8000-000000000b01', '--dry-run'];
  return { renderCheckMs, nxGenerateMs: timeCommand(root, args, 'nx g team-namespace --dry-run', { NX_DAEMON: 'false' }) };
}

/** The `nx` command's script in the workspace's node_modules (its package.json `bin`). */
function nxBin(root: string): string {
  const manifest = createRequire(join(root, 'package.json')).resolve('nx/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin.nx!);
}

function timeCommand(root: string, args: readonly string[], what: string, env: NodeJS.ProcessEnv = {}): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: TIME_BOX_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.error || run.signal || run.status !== 0) {
    throw new Error(
      `${what} failed (${run.error?.message ?? run.signal ?? `exit ${run.status}`}):\n${run.stdout?.toString() ?? ''}${run.stderr?.toString() ?? ''}`,
    );
  }
  return elapsed;
}
