import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BICEP_CACHE_DIR, BICEP_NUGET_PACKAGE, BICEP_TOOLS_PROJECT, PINNED_BICEP_VERSION } from './version.js';

/** Where a Bicep CLI was found, and by which rule. */
export interface BicepLocation {
  readonly path: string;
  readonly source: 'KIT_BICEP' | 'pinned' | 'PATH' | 'az';
}

export interface LocateOptions {
  /** Directories to search upwards from for the repository that holds tools/bicep. @default [cwd, this package] */
  readonly searchFrom?: readonly string[];
}

const packageDir = dirname(fileURLToPath(import.meta.url));

/**
 * Finds the Bicep CLI: KIT_BICEP, then the pinned copy under .cache/bicep of the repository, then `bicep` on PATH,
 * then ~/.azure/bin/bicep (where `az bicep install` puts it). KIT_BICEP is an explicit choice: when it names
 * no executable file the answer is "not found" rather than a silent fall-back to another version.
 */
export function locateBicep(env: NodeJS.ProcessEnv = process.env, options: LocateOptions = {}): BicepLocation | undefined {
  const explicit = env.KIT_BICEP;
  if (explicit !== undefined && explicit !== '') {
    return isExecutable(explicit) ? { path: resolve(explicit), source: 'KIT_BICEP' } : undefined;
  }
  for (const start of options.searchFrom ?? [process.cwd(), packageDir]) {
    const root = findRepositoryRoot(start);
    const pinned = root === undefined ? undefined : pinnedBicepPath(root);
    if (pinned !== undefined && isExecutable(pinned)) return { path: pinned, source: 'pinned' };
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'bicep');
    if (isExecutable(candidate)) return { path: candidate, source: 'PATH' };
  }
  const azBicep = join(env.HOME ?? homedir(), '.azure', 'bin', 'bicep');
  if (isExecutable(azBicep)) return { path: azBicep, source: 'az' };
  return undefined;
}

/** Why locateBicep found nothing, for the not-found message. */
export function whyNotFound(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KIT_BICEP) return `KIT_BICEP=${env.KIT_BICEP} is not an executable file`;
  return `looked in .cache/bicep, on PATH and in ~/.azure/bin`;
}

/** The path of the pinned executable inside a repository, whether or not it was restored. */
export function pinnedBicepPath(repositoryRoot: string): string {
  return join(repositoryRoot, BICEP_CACHE_DIR, BICEP_NUGET_PACKAGE.toLowerCase(), PINNED_BICEP_VERSION, 'tools', 'bicep');
}

/** The nearest directory at or above `start` that holds tools/bicep/bicep-cli.csproj. */
export function findRepositoryRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, BICEP_TOOLS_PROJECT))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
