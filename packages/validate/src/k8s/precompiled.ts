import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runValidatorCode, storeValidatorCode, validatorCacheDir, validatorSourceCode } from '@aks-hybrid/spec';
import type { Ajv, ValidateFunction } from 'ajv';
import { standaloneHelpers } from './ajv-instance.js';
import type { ResourceScope } from './types.js';

/**
 * Precompiled validators: ajv standalone code for each kind, generated the first time the kind is
 * compiled and reused by every later process, so a daily command skips ajv's compile (the largest
 * start-up cost: about 1 s for the kinds of one cluster).
 *
 * Where: a git-ignored cache, node_modules/.cache/aks-hybrid-kit/validators/<version>-<key>/
 * (docs/decisions/0009). The key is a hash of every input of the generated code: the vendored
 * OpenAPI set, the CRDs, the converter and keyword modules and the ajv version. A changed input is
 * a new key, so a stale validator is never loaded: the runtime compiles again and stores the result.
 */
export interface PrecompiledStore {
  /** The stored validator of a kind, or undefined when there is none for these inputs. */
  get(apiVersion: string, kind: string): { validate: ValidateFunction; scope: ResourceScope } | undefined;
  /** Stores the standalone code of a compiled validator (best effort: a read-only disk is fine). */
  put(apiVersion: string, kind: string, scope: ResourceScope, validate: ValidateFunction, ajv: Ajv): void;
  /** The cache folder, for messages and tests. */
  readonly dir: string;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Modules whose code shapes the generated validators (source or compiled form, whichever is here). */
const GENERATOR_MODULES = ['openapi-convert', 'ajv-instance', 'list-type', 'cel-rules', 'definitions', 'kind-registry', 'precompiled'];
const requireHere = createRequire(import.meta.url);

/** Hash of everything the generated code depends on. */
export function precompiledKey(builtinDir: string, crdDir: string): string {
  const hash = createHash('sha256');
  const add = (label: string, path: string) => {
    hash.update(`${label}\n`);
    hash.update(readFileSync(path));
  };
  for (const f of readdirSync(builtinDir).sort()) if (f.endsWith('.json')) add(f, join(builtinDir, f));
  for (const f of readdirSync(crdDir).sort()) if (/\.ya?ml$/.test(f)) add(f, join(crdDir, f));
  for (const m of GENERATOR_MODULES) {
    const file = [`${m}.ts`, `${m}.js`].map((f) => join(here, f)).find((f) => existsSync(f));
    if (file) add(m, file);
  }
  hash.update(`ajv ${(requireHere('ajv/package.json') as { version: string }).version}`);
  return hash.digest('hex').slice(0, 16);
}

const fileName = (apiVersion: string, kind: string) => `${apiVersion.replace(/[^A-Za-z0-9.-]/g, '_')}__${kind}.cjs`;

/** A store for one schema set, or undefined when caching is off (KIT_VALIDATOR_CACHE=off). */
export function openPrecompiledStore(
  schemaVersion: string,
  builtinDir: string,
  crdDir: string,
  cacheRoot = validatorCacheDir('validators'),
): PrecompiledStore | undefined {
  if (!cacheRoot) return undefined;
  const dir = join(cacheRoot, `${schemaVersion}-${precompiledKey(builtinDir, crdDir)}`);
  const helpers = standaloneHelpers();
  return {
    dir,
    get(apiVersion, kind) {
      const file = join(dir, fileName(apiVersion, kind));
      let code: string;
      try {
        code = readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      // Function keywords are called with `self` (ajv's context); ours do not use it.
      const exports = runValidatorCode(code, requireHere, { helpers, self: {} }, file);
      const validate = exports?.default as ValidateFunction | undefined;
      const scope = exports?.scope as ResourceScope | undefined;
      return validate && scope ? { validate, scope } : undefined;
    },
    put(apiVersion, kind, scope, validate, ajv) {
      storeValidatorCode(join(dir, fileName(apiVersion, kind)), `${validatorSourceCode(ajv, validate)}\nmodule.exports.scope = ${JSON.stringify(scope)};\n`);
    },
  };
}
