import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepositoryRoot, type BicepLocation } from '@aks-hybrid/bicep';

/**
 * Compiler results on disk, keyed by everything they depend on: the compiler executable (path, size, mtime),
 * the request and the bytes of every file it can read. A compile is a pure function of those, so a hit is
 * exactly what the compiler would answer; it spares the daily `render --check` the CLI's start-up (~4 s) when
 * no Bicep changed. Lives in the git-ignored node_modules/.cache (or KIT_CACHE_DIR); KIT_NO_CACHE=1 turns it off.
 */
export interface CompileResultCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

const FORMAT = 1;

export function compileResultCache(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): CompileResultCache | undefined {
  if (env.KIT_NO_CACHE === '1') return undefined;
  const dir = cacheDir(env, cwd);
  if (!dir) return undefined;
  return {
    get<T>(key: string): T | undefined {
      try {
        return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as T;
      } catch {
        return undefined; // missing or damaged: compile again
      }
    },
    set(key, value) {
      try {
        mkdirSync(dir, { recursive: true });
        const temp = join(dir, `${key}.${process.pid}.tmp`);
        writeFileSync(temp, JSON.stringify(value));
        renameSync(temp, join(dir, `${key}.json`));
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}

function cacheDir(env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (env.KIT_CACHE_DIR) return join(env.KIT_CACHE_DIR, 'bicep');
  const root = findRepositoryRoot(cwd);
  if (!root || !existsSync(join(root, 'node_modules'))) return undefined;
  return join(root, 'node_modules', '.cache', 'aks-hybrid-kit', 'bicep');
}

/** The cache key of one compiler request over the given sources. */
export function compileResultKey(location: BicepLocation, request: string, sourcesDigest: string): string {
  let compiler = location.path;
  try {
    const stat = statSync(location.path);
    compiler += `\0${stat.size}\0${stat.mtimeMs}`;
  } catch {
    // Not stat-able: the path alone keys it; the compile itself will report the problem.
  }
  return createHash('sha256').update(`${FORMAT}\0${compiler}\0${request}\0${sourcesDigest}`).digest('hex');
}
