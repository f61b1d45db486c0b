// Runs a workspace TypeScript entry point as compiled JavaScript, from a cache that is rebuilt when a
// source it was built from changes (docs/decisions/0009-compiled-runtime-and-precompiled-validators.md).
//
// - One esbuild bundle per entry, with code splitting so `await import()` stays lazy. Workspace
//   packages (resolved through the `@aks-hybrid/source` condition) are bundled; every other package
//   stays external, imported by its absolute resolved path, so it loads from node_modules exactly
//   as before and only when the chunk that needs it runs (the Azure SDK only for verify/preflight).
// - `import.meta.url` in a bundled source becomes that source's own URL, so data files found
//   relative to a module (schemas, templates) are found from the bundle too.
// - The cache lives in node_modules/.cache/aks-hybrid-kit/<name>-<hash of the entry path>/ (git-ignored with node_modules),
//   keyed by a hash of every input esbuild read plus pnpm-lock.yaml: any edit rebuilds (~0.5 s).
// - No child process and no Node option is needed, whichever way the command was started.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bumped when the build options below change, so older caches are not reused. */
const BUILD_FORMAT = 2;
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

/** Bundles `entry` when the cache is stale, then imports it. */
export async function importCompiled(entry, name) {
  return import(pathToFileURL(await ensureCompiled(entry, name)).href);
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
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    conditions: [SOURCE_CONDITION],
    mainFields: ['main'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [workspaceOnlyPlugin(root)],
    // CommonJS packages are loaded with require (see commonJsByRequire): one per output file.
    banner: { js: `import { createRequire as __kitCreateRequire } from 'node:module';\nconst ${REQUIRE_NAME} = __kitCreateRequire(import.meta.url);` },
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((f) => resolve(process.cwd(), f))
    .filter((f) => !f.includes(`${'/'}node_modules${'/'}`))
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

const CJS_NAMESPACE = 'kit-commonjs';
const REQUIRE_NAME = '__kitRequire';
const packageTypes = new Map();

/**
 * Whether Node loads `file` as CommonJS: a .cjs file, or a .js file whose nearest package.json does
 * not say "type": "module". Such a package is loaded with `require` instead of `import`: importing
 * CommonJS from ESM makes Node lex every file it re-exports to find named exports and resolve it the
 * ESM way (measured on `kit render --check`: ~50 ms of cjs-module-lexer and ~50 ms of ESM resolution,
 * mostly for cdk8s-plus-29). esbuild's interop gives the same default (module.exports) and names.
 */
function isCommonJs(file) {
  if (file.endsWith('.cjs')) return true;
  if (!file.endsWith('.js')) return false;
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!packageTypes.has(manifest)) {
      let type;
      try {
        type = JSON.parse(readFileSync(manifest, 'utf8')).type ?? 'commonjs';
      } catch {
        type = undefined; // no package.json here: look further up
      }
      packageTypes.set(manifest, type);
    }
    const type = packageTypes.get(manifest);
    if (type !== undefined) return type !== 'module';
  }
  return true;
}

/** Bundle workspace sources; leave everything else external, by absolute path. */
function workspaceOnlyPlugin(root) {
  return {
    name: 'workspace-only',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.inner || args.kind === 'entry-point') return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        if (args.path.startsWith('@aks-hybrid/')) return undefined; // bundled, through the source condition
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { inner: true } });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        if (resolved.external || !resolved.path.startsWith('/')) return { path: args.path, external: true }; // a Node built-in
        if (resolved.path.startsWith(root) && !resolved.path.includes('/node_modules/')) return undefined;
        if (isCommonJs(resolved.path)) return { path: resolved.path, namespace: CJS_NAMESPACE };
        return { path: pathToFileURL(resolved.path).href, external: true };
      });
      build.onLoad({ filter: /.*/, namespace: CJS_NAMESPACE }, (args) => ({
        contents: `module.exports = ${REQUIRE_NAME}(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        return { contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
}
