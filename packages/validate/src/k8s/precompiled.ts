import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
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
/** ajv's standalone module is CommonJS: its function is the module itself and its `default`. */
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv, validate: ValidateFunction) => string;

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

function defaultCacheRoot(): string | undefined {
  const configured = process.env.KIT_VALIDATOR_CACHE;
  if (configured === 'off') return undefined;
  if (configured) return configured;
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'aks-hybrid-kit', 'validators');
  }
  return undefined;
}

const fileName = (apiVersion: string, kind: string) => `${apiVersion.replace(/[^A-Za-z0-9.-]/g, '_')}__${kind}.cjs`;

/** A store for one schema set, or undefined when caching is off (KIT_VALIDATOR_CACHE=off). */
export function openPrecompiledStore(schemaVersion: string, builtinDir: string, crdDir: string, cacheRoot = defaultCacheRoot()): PrecompiledStore | undefined {
  if (!cacheRoot) return undefined;
  const dir = join(cacheRoot, `${schemaVersion}-${precompiledKey(builtinDir, crdDir)}`);
  const helpers = standaloneHelpers();
  return {
    dir,
    get(apiVersion, kind) {
      let code: string;
      try {
        code = readFileSync(join(dir, fileName(apiVersion, kind)), 'utf8');
      } catch {
        return undefined;
      }
      const module = { exports: {} as { default?: ValidateFunction; scope?: ResourceScope } };
      try {
        // The generated code requires ajv's runtime helpers (ucs2length, equal, ...): resolve them from
        // here. Function keywords are called with `self` (ajv's context); ours do not use it.
        new Function('require', 'module', 'exports', 'helpers', 'self', code)(requireHere, module, module.exports, helpers, {});
      } catch {
        return undefined; // a damaged file: compile instead (and overwrite it)
      }
      const { default: validate, scope } = module.exports;
      return validate && scope ? { validate, scope } : undefined;
    },
    put(apiVersion, kind, scope, validate, ajv) {
      try {
        const code = `${standaloneCode(ajv, validate)}\nmodule.exports.scope = ${JSON.stringify(scope)};\n`;
        mkdirSync(dir, { recursive: true });
        const target = join(dir, fileName(apiVersion, kind));
        const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        writeFileSync(tmp, code);
        renameSync(tmp, target); // atomic: a concurrent reader sees the whole file or none
      } catch {
        // A cache that cannot be written only costs the next run a compile.
      }
    },
  };
}
