import { spawn } from 'node:child_process';
import { resolveKustomizeBinary } from './binary.js';

export interface KustomizeBuildResult {
  /** Exit code 0. */
  readonly ok: boolean;
  /** The built multi-document YAML (empty when the build failed). */
  readonly output: string;
  readonly stderr: string;
}

export interface KustomizeBuildOptions {
  /** Extra flags for `kustomize build`, e.g. ['--load-restrictor', 'LoadRestrictionsNone']. */
  readonly args?: readonly string[];
  /** Kill the build after this long (default 120 s); a timeout is reported as a failed build. */
  readonly timeoutMs?: number;
}

/**
 * Run the real `kustomize build <dir>`. A build error is a result (ok: false, with kustomize's
 * stderr), not an exception; a missing binary throws.
 */
export function kustomizeBuild(dir: string, options: KustomizeBuildOptions = {}): Promise<KustomizeBuildResult> {
  const binary = resolveKustomizeBinary();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['build', dir, ...(options.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 120_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${binary}: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8') + (timedOut ? `\nkustomize build timed out after ${options.timeoutMs ?? 120_000} ms` : '');
      const ok = code === 0 && !timedOut;
      resolve({ ok, output: ok ? Buffer.concat(out).toString('utf8') : '', stderr });
    });
  });
}
