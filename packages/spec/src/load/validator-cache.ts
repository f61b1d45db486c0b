import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import type { Ajv, ValidateFunction } from 'ajv';

/**
 * The file handling shared by the kit's two caches of precompiled ajv validators (ajv standalone
 * code): the spec's shapes (load/shape-cache.ts) and the Kubernetes kinds (@aks-hybrid/validate,
 * k8s/precompiled.ts). Each cache decides its own keys; this module only says where the cache lives,
 * writes a file so that no reader sees half of it, and runs stored code (docs/decisions/0010).
 */

const here = dirname(fileURLToPath(import.meta.url));

const requireHere = createRequire(import.meta.url);

/** The standalone JavaScript of a validator `ajv` compiled (created with `code: { source: true }`). */
export function validatorSourceCode(ajv: Ajv, validate: ValidateFunction): string {
  // Loaded here, when something was compiled: not at start-up. A CommonJS module: its function is the
  // module itself and its `default`.
  const standalone = requireHere('ajv/dist/standalone/index.js') as { default?: unknown };
  return ((standalone.default ?? standalone) as (ajv: Ajv, validate: ValidateFunction) => string)(ajv, validate);
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
export function storeValidatorCode(file: string, code: string | Uint8Array): void {
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
 * Stores `code` as `file` under its full content `key` (the file's first line), for runKeyedCode. The file's
 * name holds only part of the key, so another input may land on the same name: the first line tells them apart.
 */
export function storeKeyedCode(file: string, key: string, code: string): void {
  storeValidatorCode(file, `// ${key}\n${code}\n`);
}

/**
 * The exports of the code stored in `file` by storeKeyedCode under this `key` (with V8's code cache), or
 * undefined when there is none, it was stored under another key, or it throws: the caller compiles again.
 */
export function runKeyedCode(file: string, key: string, requireFn: NodeJS.Require): Record<string, unknown> | undefined {
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  if (!code.startsWith(`// ${key}\n`)) return undefined;
  return runValidatorCode(code, requireFn, {}, file);
}

/**
 * Runs stored standalone code as a CommonJS module and returns its exports, or undefined when the code
 * throws (a damaged file: the caller compiles instead and overwrites it). The code requires ajv's runtime
 * helpers (ucs2length, equal, ...) through `requireFn`: pass a require that resolves them from the caller.
 * `globals` are further names the code may use (e.g. the Kubernetes validators' keyword helpers).
 *
 * `sourceFile`, the file the code was read from, turns on V8's code cache for it: the compiled code is
 * kept beside it (`<file>.v8-<V8 version>.bin`) and reused by the next process, so the validators of a
 * daily command are not parsed again (measured: 23 Kubernetes validators, 2.8 MB, 40-65 ms compiled,
 * 11-14 ms from the cache). The cache is used only for the very code it was made from and only when it
 * is whole (SHA-256 digests of the code and of the cache head the file), and V8 rejects one of another V8
 * version or flags (`cachedDataRejected`); otherwise the code is compiled from source and the cache
 * written again, so a stale or damaged cache costs a compile.
 */
export function runValidatorCode(
  code: string,
  requireFn: NodeJS.Require,
  globals: Readonly<Record<string, unknown>> = {},
  sourceFile?: string,
): Record<string, unknown> | undefined {
  const module = { exports: {} as Record<string, unknown> };
  const names = Object.keys(globals);
  try {
    const run: ModuleWrapper = sourceFile
      ? compileWithCodeCache(code, ['require', 'module', 'exports', ...names], sourceFile)
      : (new Function('require', 'module', 'exports', ...names, code) as ModuleWrapper);
    run(requireFn, module, module.exports, ...names.map((n) => globals[n]));
  } catch {
    return undefined;
  }
  return module.exports;
}

/** The V8 code cache file of stored code: per V8 version, so two Node versions sharing node_modules do not thrash. */
export function codeCacheFile(sourceFile: string): string {
  return `${sourceFile}.v8-${process.versions.v8}.bin`;
}

type ModuleWrapper = (...args: unknown[]) => unknown;

function compileWithCodeCache(code: string, parameters: readonly string[], sourceFile: string): ModuleWrapper {
  // Same shape as `new Function`: a sloppy-mode function of the parameters, the code as its body.
  const source = `(function (${parameters.join(', ')}) {\n${code}\n})`;
  const sourceDigest = sha256(source);
  const cacheFile = codeCacheFile(sourceFile);
  let cachedData: Buffer | undefined;
  try {
    cachedData = checkedCodeCache(readFileSync(cacheFile), sourceDigest);
  } catch {
    // No cache yet: compiled from source below and stored.
  }
  const script = new Script(source, { filename: sourceFile, cachedData });
  const wrapper = script.runInThisContext() as ModuleWrapper;
  if (cachedData === undefined || script.cachedDataRejected) {
    const payload = script.createCachedData();
    storeValidatorCode(cacheFile, Buffer.concat([sourceDigest, sha256(payload), payload]));
  }
  return wrapper;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest();
const DIGEST_BYTES = 32;

/**
 * The V8 code cache in `stored` when it was made from this very source and arrived whole, else undefined.
 * Both are checked here because V8 does neither: it compares only the source's length (measured: a cache
 * of other code of the same length runs that other code), and damaged cache data crashes the process
 * (measured on Node 20: a segfault or a fatal CHECK, not a rejection).
 */
function checkedCodeCache(stored: Buffer, sourceDigest: Buffer): Buffer | undefined {
  if (stored.length <= 2 * DIGEST_BYTES || !stored.subarray(0, DIGEST_BYTES).equals(sourceDigest)) return undefined;
  const payload = stored.subarray(2 * DIGEST_BYTES);
  return stored.subarray(DIGEST_BYTES, 2 * DIGEST_BYTES).equals(sha256(payload)) ? payload : undefined;
}
