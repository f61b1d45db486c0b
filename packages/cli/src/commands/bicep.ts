import { spawn } from 'node:child_process';
import { BicepNotFoundError, requireBicep, type BicepLocation } from '@aks-hybrid/bicep';

/**
 * `kit bicep <args>`: runs the Bicep CLI the kit itself uses (KIT_BICEP, the pinned copy, PATH, ~/.azure/bin),
 * with the terminal attached and its exit code forwarded, so `pnpm kit bicep build-params ...` is exactly what
 * `validate` checks with.
 */
export async function bicepCommand(args: readonly string[], log: (line: string) => void = (line) => console.error(line)): Promise<number> {
  let location: BicepLocation;
  try {
    location = requireBicep();
  } catch (error) {
    if (!(error instanceof BicepNotFoundError)) throw error;
    log(`kit bicep: ${error.message}`);
    return 2;
  }
  return new Promise((resolve) => {
    const child = spawn(location.path, [...args], { stdio: 'inherit' });
    child.on('error', (error) => {
      log(`kit bicep: could not start ${location.path} (${location.source}): ${error.message}`);
      resolve(2);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 2)));
  });
}
