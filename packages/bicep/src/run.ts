import { spawn } from 'node:child_process';
import { BicepNotFoundError, BicepRunError } from './errors.js';
import { locateBicep, whyNotFound, type BicepLocation } from './locate.js';

export interface RunBicepOptions {
  /** Kill the CLI after this long. @default 120_000 */
  readonly timeoutMs?: number;
  readonly cwd?: string;
  /** Environment for locating and running the CLI. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Use this CLI instead of locating one. */
  readonly location?: BicepLocation;
}

export interface BicepResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const DEFAULT_BICEP_TIMEOUT_MS = 120_000;

/** The located CLI, or a BicepNotFoundError that says how to get one. */
export function requireBicep(env: NodeJS.ProcessEnv = process.env): BicepLocation {
  const location = locateBicep(env);
  if (location === undefined) throw new BicepNotFoundError(whyNotFound(env));
  return location;
}

/** Runs the Bicep CLI once with `args`, capturing its output; rejects on time-out or when it cannot start. */
export function runBicep(args: readonly string[], options: RunBicepOptions = {}): Promise<BicepResult> {
  const env = options.env ?? process.env;
  const location = options.location ?? requireBicep(env);
  const timeoutMs = options.timeoutMs ?? DEFAULT_BICEP_TIMEOUT_MS;
  return new Promise((resolvePromise, reject) => {
    const child = spawn(location.path, [...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new BicepRunError(`bicep ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new BicepRunError(`could not start ${location.path} (${location.source}): ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}
