// Runs a workspace TypeScript entry point as compiled JavaScript, from a cache that is rebuilt when a
// source it was built from changes (docs/decisions/0010-compiled-runtime-and-precompiled-validators.md).
//
// - One esbuild bundle per entry, as one CommonJS file: the workspace packages (resolved through the
//   `@aks-hybrid/source` condition) and the packages they import, so that no module is resolved or
//   loaded one by one at start-up. `await import()` stays lazy: esbuild runs a lazily imported module's
//   code only when it is imported. The few large packages only some commands need (the Azure SDK for
//   verify/preflight, the Bicep language-server client, esbuild) and Nx stay outside, required by
//   absolute path (LEFT_OUT below).
// - The bundle runs through `vm.Script` with V8's code cache kept beside it, so a daily command does not
//   compile it again (Node 20 has no module compile cache). The cache file is headed by SHA-256 digests
//   of the bundle and of the cache: V8 itself accepts a cache of other code of the same length and
//   crashes on a damaged one (measured, see @aks-hybrid/spec validator-cache.ts).
// - `import.meta.url` in a bundled file becomes that file's own URL, so data files found relative to a
//   module (schemas, templates) are found from the bundle too.
// - The cache lives in node_modules/.cache/aks-hybrid-kit/<name>-<hash of the entry path>/ (git-ignored with node_modules),
//   keyed by a hash of every workspace input esbuild read plus pnpm-lock.yaml (which pins the bundled
//   packages): any edit rebuilds (~1 s).
// - No child process and no Node option is needed, whichever way the command was started.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

/** Bumped when the build options below change, so older caches are not reused. */
const BUILD_FORMAT = 3;
const SOURCE_CONDITION = '@aks-hybrid/source';
/** Builds older than this are removed (a process may still be running from a recent one). */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

function workspaceRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** One cache folder per entry file: two checkouts sharing node_modules do not evict each other. */
function cacheDirFor(root, entry, name) {
  const key = createHash('sha256').update(entry).digest('hex').slice(0, 8);
  return join(root, 'node_modules', '.cache', 'aks-hybrid-kit', `${name}-${key}`);
}

/** Hash of the inputs of a build: their paths and contents, the lockfile and the build format. */
export function hashInputs(root, inputs) {
  const hash = createHash('sha256').update(`format ${BUILD_FORMAT}\n`);
  for (const file of [...inputs, join(root, 'pnpm-lock.yaml')]) {
    hash.update(`${file}\n`);
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('(missing)');
    }
  }
  return hash.digest('hex');
}

function readRecord(cacheDir) {
  try {
    return JSON.parse(readFileSync(join(cacheDir, 'current.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Whether the cached build of `name` is missing or older than its sources: the reason, or undefined
 * when it is fresh.
 */
export function staleReason(entry, name) {
  const root = workspaceRoot(dirname(entry));
  if (!root) return 'not in a workspace';
  const cacheDir = cacheDirFor(root, entry, name);
  const record = readRecord(cacheDir);
  if (!record || record.entry !== entry || !existsSync(join(cacheDir, record.dir, record.output))) return 'no build';
  return hashInputs(root, record.inputs.map((f) => join(root, f))) === record.hash ? undefined : 'sources changed';
}

/** Bundles `entry` when the cache is stale, then runs it (once per process) and returns its exports. */
export async function importCompiled(entry, name) {
  const bundle = await ensureCompiled(entry, name);
  let exports = loaded.get(bundle);
  if (!exports) {
    exports = runBundle(bundle);
    loaded.set(bundle, exports);
  }
  return exports;
}

const loaded = new Map();

/** Runs a CommonJS bundle with V8's code cache (`<bundle>.v8-<V8 version>.bin`), written at exit when missing or stale. */
function runBundle(bundle) {
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const sourceDigest = sha256(source);
  const cacheFile = `${bundle}.v8-${process.versions.v8}.bin`;
  let cachedData;
  try {
    cachedData = checkedCodeCache(readFileSync(cacheFile), sourceDigest);
  } catch {
    // no cache yet
  }
  const script = new Script(source, { filename: bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) {
    // At exit the cache holds every function the command compiled, not only the top level.
    process.once('exit', () => {
      try {
        const payload = script.createCachedData();
        const tmp = `${cacheFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        writeFileSync(tmp, Buffer.concat([sourceDigest, sha256(payload), payload]));
        renameSync(tmp, cacheFile);
      } catch {
        // A cache that cannot be written costs the next run a compile.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports;
}

const sha256 = (data) => createHash('sha256').update(data).digest();

/** The code cache in `stored` when it was made from this very source and arrived whole, else undefined. */
function checkedCodeCache(stored, sourceDigest) {
  if (stored.length <= 64 || !stored.subarray(0, 32).equals(sourceDigest)) return undefined;
  const payload = stored.subarray(64);
  return stored.subarray(32, 64).equals(sha256(payload)) ? payload : undefined;
}

/** Path of a fresh compiled build of `entry` (building it when needed). */
export async function ensureCompiled(entry, name) {
  const root = workspaceRoot(dirname(entry));
  if (!root) throw new Error(`${entry} is not inside a pnpm workspace`);
  const cacheDir = cacheDirFor(root, entry, name);
  const record = readRecord(cacheDir);
  if (
    record &&
    record.entry === entry &&
    existsSync(join(cacheDir, record.dir, record.output)) &&
    hashInputs(root, record.inputs.map((f) => join(root, f))) === record.hash
  ) {
    return join(cacheDir, record.dir, record.output);
  }
  return build(root, cacheDir, entry);
}

async function build(root, cacheDir, entry) {
  const esbuild = await import('esbuild');
  const dir = `b-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const outdir = join(cacheDir, dir);
  mkdirSync(outdir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { main: entry },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir,
    conditions: [SOURCE_CONDITION],
    mainFields: ['main'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [bundlePlugin(root)],
    // import() of a left-out package becomes a require in a promise: code run by vm.Script has no ESM loader.
    supported: { 'dynamic-import': false },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((f) => resolve(process.cwd(), f))
    .filter((f) => !f.includes(`${'/'}node_modules${'/'}`) && !f.startsWith('('))
    .map((f) => f.slice(root.length + 1))
    .sort();
  const record = { entry, dir, output: 'main.js', inputs, hash: hashInputs(root, inputs.map((f) => join(root, f))) };
  // Publish atomically: a concurrent run reads either the old record or the new one.
  const tmp = join(cacheDir, `current.${process.pid}.${randomBytes(4).toString('hex')}.json`);
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(tmp, join(cacheDir, 'current.json'));
  removeOldBuilds(cacheDir, dir);
  return join(outdir, record.output);
}

function removeOldBuilds(cacheDir, keep) {
  for (const name of readdirSync(cacheDir)) {
    if (!name.startsWith('b-') || name === keep) continue;
    const path = join(cacheDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/**
 * Left out of the bundle, required by absolute path when used: packages only some commands need and large
 * enough to cost start-up (the Azure SDK, the Bicep language-server client, esbuild), and Nx, whose objects
 * (the generator's Tree) must come from the very modules the running Nx loaded (and which has native parts).
 */
const LEFT_OUT = /^(@azure\/|vscode-jsonrpc(\/|$)|esbuild(\/|$)|nx(\/|$)|@nx\/)/;

/** Bundles everything but Node's built-ins and LEFT_OUT; gives each bundled file its own `import.meta.url`. */
function bundlePlugin(root) {
  return {
    name: 'kit-bundle',
    setup(build) {
      build.onResolve({ filter: LEFT_OUT }, async (args) => {
        if (args.pluginData?.inner) return undefined;
        // Their CommonJS entry: a dynamic import() would need a loader that vm.Script code does not have.
        const resolved = await build.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, external: true };
      });
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const inWorkspace = args.path.startsWith(root) && !args.path.includes('/node_modules/');
        if (!inWorkspace && !text.includes('import.meta')) return undefined;
        const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
        return { contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader };
      });
    },
  };
}
