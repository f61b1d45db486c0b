import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ValidateFunction } from 'ajv';
import { runKeyedCode, storeKeyedCode, validatorCacheDir, validatorSourceCode } from './validator-cache.js';

/**
 * The spec's JSON Schemas as precompiled ajv validators (ajv standalone code), generated the first
 * time a schema is compiled and reused by every later process: compiling them took about 0.27 s of
 * every command (docs/decisions/0010, the same approach as the Kubernetes validators).
 *
 * Keyed by content, so a stale validator cannot be loaded: the key is a SHA-256 of the schema itself
 * (its JSON), the ajv options and the ajv version. A schema edit is a new key and compiles again; the
 * full hash is also the file's first line and is compared before the code runs. Stored in the
 * git-ignored node_modules/.cache/aks-hybrid-kit/spec-shapes/ (`KIT_VALIDATOR_CACHE=off` turns it off,
 * `KIT_VALIDATOR_CACHE=<dir>` moves it, as for the Kubernetes validators).
 */
const requireHere = createRequire(import.meta.url);
const AJV_VERSION = (requireHere('ajv/package.json') as { version: string }).version;

/** Hash of everything the generated code depends on: the schema's content, ajv's options and version. */
export function shapeCacheKey(schema: unknown, ajvOptions: unknown): string {
  return createHash('sha256')
    .update(`ajv ${AJV_VERSION}\n${JSON.stringify(ajvOptions)}\n${JSON.stringify(schema)}`)
    .digest('hex');
}

/**
 * The validator of `schema`: the stored one when its key matches, otherwise compiled with the ajv
 * `ajvFor()` returns (created with `ajvOptions`, which must hold `code: { source: true }`; only made
 * when a compile is needed, ajv's own start-up costs too) and stored for the next process (best effort).
 */
export function cachedValidator(ajvFor: () => Ajv, ajvOptions: unknown, schema: object, cacheDir = validatorCacheDir('spec-shapes')): ValidateFunction {
  if (!cacheDir) return ajvFor().compile(schema);
  const key = shapeCacheKey(schema, ajvOptions);
  const file = join(cacheDir, `${key.slice(0, 16)}.cjs`);
  const stored = runKeyedCode(file, key, requireHere)?.default;
  if (typeof stored === 'function') return stored as ValidateFunction;
  const ajv = ajvFor();
  const validate = ajv.compile(schema);
  storeKeyedCode(file, key, validatorSourceCode(ajv, validate));
  return validate;
}
