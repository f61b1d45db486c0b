import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

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
const here = dirname(fileURLToPath(import.meta.url));
/** ajv's standalone module is CommonJS: its function is the module itself and its `default`. */
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (ajv: Ajv, validate: ValidateFunction) => string;
const AJV_VERSION = (requireHere('ajv/package.json') as { version: string }).version;

export function defaultShapeCacheDir(): string | undefined {
  const configured = process.env.KIT_VALIDATOR_CACHE;
  if (configured === 'off') return undefined;
  if (configured) return join(configured, 'spec-shapes');
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'aks-hybrid-kit', 'spec-shapes');
  }
  return undefined;
}

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
export function cachedValidator(ajvFor: () => Ajv, ajvOptions: unknown, schema: object, cacheDir = defaultShapeCacheDir()): ValidateFunction {
  if (!cacheDir) return ajvFor().compile(schema);
  const key = shapeCacheKey(schema, ajvOptions);
  const file = join(cacheDir, `${key.slice(0, 16)}.cjs`);
  const stored = load(file, key);
  if (stored) return stored;
  const ajv = ajvFor();
  const validate = ajv.compile(schema);
  try {
    const code = `// ${key}\n${standaloneCode(ajv, validate)}\n`;
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file); // atomic: a concurrent reader sees the whole file or none
  } catch {
    // A cache that cannot be written only costs the next run a compile.
  }
  return validate;
}

function load(file: string, key: string): ValidateFunction | undefined {
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (!code.startsWith(`// ${key}\n`)) return undefined; // another schema under the same short name: compile
  const module = { exports: {} as { default?: ValidateFunction } };
  try {
    // The generated code requires ajv's runtime helpers (ucs2length, equal, ...): resolve them from here.
    new Function('require', 'module', 'exports', code)(requireHere, module, module.exports);
  } catch {
    return undefined; // a damaged file: compile instead (and overwrite it)
  }
  return typeof module.exports.default === 'function' ? module.exports.default : undefined;
}
