import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const KIT = fileURLToPath(new URL('../../bin/kit.mjs', import.meta.url));

export interface KitRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `kit` command in a folder, as a separate process (optionally as another user). */
export function runKit(cwd: string, args: readonly string[], options: { uid?: number; gid?: number; env?: Record<string, string> } = {}): Promise<KitRun> {
  const { env, ...user } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KIT, ...args], {
      cwd,
      env: { ...process.env, NODE_OPTIONS: '--conditions=@aks-hybrid/source', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...user,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
