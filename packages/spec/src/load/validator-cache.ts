import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

/**
 * The file handling shared by the kit's two caches of precompiled ajv validators (ajv standalone
 * code): the spec's shapes (load/shape-cache.ts) and the Kubernetes kinds (@aks-hybrid/validate,
 * k8s/precompiled.ts). Each cache decides its own keys; this module only says where the cache lives,
 * writes a file so that no reader sees half of it, and runs stored code (docs/decisions/0010).
 */

const here = dirname(fileURLToPath(import.meta.url));

/** ajv's standalone module is CommonJS: its function is the module itself and its `default`. */
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv, validate: ValidateFunction) => string;

/** The standalone JavaScript of a validator `ajv` compiled (created with `code: { source: true }`). */
export function validatorSourceCode(ajv: Ajv, validate: ValidateFunction): string {
  return standaloneCode(ajv, validate);
}

/**
 * The folder of the cache `name`, or undefined when caching is off: `KIT_VALIDATOR_CACHE=off` turns every
 * cache off, `KIT_VALIDATOR_CACHE=<dir>` puts them under `<dir>/<name>`; by default they live in the
 * git-ignored node_modules/.cache/aks-hybrid-kit/<name>/ nearest to this package.
 */
export function validatorCacheDir(name: string): string | undefined {
  const configured = process.env.KIT_VALIDATOR_CACHE;
  if (configured === 'off') return undefined;
  if (configured) return join(configured, name);
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'aks-hybrid-kit', name);
  }
  return undefined;
}

/** Stores `code` as `file`, best effort: written beside it and renamed, so a concurrent reader sees all of it or nothing. */
export function storeValidatorCode(file: string, code: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs the next run a compile.
  }
}

/**
 * Runs stored standalone code as a CommonJS module and returns its exports, or undefined when the code
 * throws (a damaged file: the caller compiles instead and overwrites it). The code requires ajv's runtime
 * helpers (ucs2length, equal, ...) through `requireFn`: pass a require that resolves them from the caller.
 * `globals` are further names the code may use (e.g. the Kubernetes validators' keyword helpers).
 */
export function runValidatorCode(
  code: string,
  requireFn: NodeJS.Require,
  globals: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> | undefined {
  const module = { exports: {} as Record<string, unknown> };
  const names = Object.keys(globals);
  try {
    new Function('require', 'module', 'exports', ...names, code)(requireFn, module, module.exports, ...names.map((n) => globals[n]));
  } catch {
    return undefined;
  }
  return module.exports;
}
