import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCompiled, importCompiled, staleReason } from '../bin/compiled.mjs';

/** A throw-away workspace: an entry that imports a sibling and reads a data file beside itself. */
const root = mkdtempSync(join(tmpdir(), 'kit-compiled-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
mkdirSync(join(root, 'src'));
const entry = join(root, 'src', 'main.ts');
writeFileSync(
  entry,
  [
    "import { readFileSync } from 'node:fs';",
    "import { answer } from './answer.js';",
    'export const value: number = answer;',
    "export const data = readFileSync(new URL('./data.txt', import.meta.url), 'utf8');",
    "export const lazy = () => import('./later.js');",
    "import cjsDefault, { named as cjsNamed } from 'cjs-pkg';",
    "import esmDefault, { named as esmNamed } from 'esm-pkg';",
    'export const packages = { cjsDefault, cjsNamed, esmDefault, esmNamed };',
    "export const leftOut = () => import('@azure/fake');",
  ].join('\n'),
);
// A CommonJS package and an ES module package, as in node_modules.
const pkg = (name: string, manifest: object, index: string) => {
  mkdirSync(join(root, 'node_modules', name), { recursive: true });
  writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, main: 'index.js', ...manifest }));
  writeFileSync(join(root, 'node_modules', name, 'index.js'), index);
};
pkg('cjs-pkg', {}, "globalThis.cjsLoads = (globalThis.cjsLoads ?? 0) + 1;\nexports.named = 'cjs named';\nexports.other = 1;\n");
pkg('esm-pkg', { type: 'module' }, "export const named = 'esm named';\nexport default 'esm default';\n");
pkg('@azure/fake', {}, "globalThis.azureLoads = (globalThis.azureLoads ?? 0) + 1;\nexports.sdk = 'left out';\n");
pkg('lazy-cjs', {}, "globalThis.lazyLoads = (globalThis.lazyLoads ?? 0) + 1;\nmodule.exports = 'lazy cjs';\n");
writeFileSync(join(root, 'src', 'answer.ts'), 'export const answer: number = 1;\n');
writeFileSync(join(root, 'src', 'later.ts'), "import lazyCjs from 'lazy-cjs';\nexport const later = `loaded on demand, with ${lazyCjs}`;\n");
writeFileSync(join(root, 'src', 'data.txt'), 'beside the source');

const load = async () =>
  (await importCompiled(entry, 'test')) as {
    value: number;
    data: string;
    lazy: () => Promise<{ later: string }>;
    packages: Record<string, unknown>;
    leftOut: () => Promise<{ sdk: string }>;
  };
const loads = globalThis as { cjsLoads?: number; lazyLoads?: number; azureLoads?: number };

/** Runs the compiled entry in a fresh Node process (the code cache is written when a process exits). */
function runInChild(): string {
  const script = `import(${JSON.stringify(pathToFileURL(compiledModule).href)}).then((m) => m.importCompiled(${JSON.stringify(entry)}, 'test')).then((x) => console.log(x.value, x.data))`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
}
const compiledModule = fileURLToPath(new URL('../bin/compiled.mjs', import.meta.url));

describe('the compiled runtime cache', () => {
  it('GIVEN no build THEN it builds, and the build runs like the sources (data files beside a module, lazy imports)', async () => {
    expect(staleReason(entry, 'test')).toBe('no build');
    const mod = await load();
    expect(mod.value).toBe(1);
    expect(mod.data).toBe('beside the source');
    expect(loads.lazyLoads).toBeUndefined(); // a package only a lazy import needs is not loaded yet
    expect((await mod.lazy()).later).toBe('loaded on demand, with lazy cjs');
    expect(loads.lazyLoads).toBe(1);
    expect(staleReason(entry, 'test')).toBeUndefined();
  });

  it('GIVEN CommonJS and ES module packages THEN they are bundled and bind as Node binds them', async () => {
    const { packages } = await load();
    expect(packages).toEqual({
      cjsDefault: { named: 'cjs named', other: 1 }, // module.exports, as Node's default import of CommonJS
      cjsNamed: 'cjs named',
      esmDefault: 'esm default',
      esmNamed: 'esm named',
    });
    const built = readFileSync(await ensureCompiled(entry, 'test'), 'utf8');
    expect(built).toMatch(/\.named = ["']cjs named["']/); // bundled, not loaded one by one
    expect(built).toMatch(/named = ["']esm named["']/);
  });

  it('GIVEN a left-out package (the Azure SDK) THEN it is required by absolute path, only when its import runs', async () => {
    const mod = await load();
    const built = readFileSync(await ensureCompiled(entry, 'test'), 'utf8');
    expect(built).toContain(`require(${JSON.stringify(join(root, 'node_modules', '@azure', 'fake', 'index.js'))})`);
    expect(loads.azureLoads).toBeUndefined();
    expect((await mod.leftOut()).sdk).toBe('left out');
    expect(loads.azureLoads).toBe(1);
  });

  it("GIVEN a process that ran the bundle THEN V8's code cache is beside it, headed by digests; a damaged cache is compiled again, not run", async () => {
    const bundle = await ensureCompiled(entry, 'test');
    const cacheFile = readdirSync(dirname(bundle))
      .filter((f) => f.startsWith('main.js.v8-'))
      .map((f) => join(dirname(bundle), f));
    for (const f of cacheFile) rmSync(f);
    const expected = runInChild(); // compiles, writes the cache at exit
    const [written] = readdirSync(dirname(bundle)).filter((f) => /^main\.js\.v8-.+\.bin$/.test(f));
    expect(written).toBeDefined();
    const cache = readFileSync(join(dirname(bundle), written!));
    expect(
      cache.subarray(0, 32).equals(
        createHash('sha256')
          .update(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`)
          .digest(),
      ),
    ).toBe(true);
    expect(runInChild()).toBe(expected); // from the cache
    const damaged = Buffer.from(cache);
    damaged.fill(7, 64 + 48); // digests and V8's own header intact, garbage after: V8 alone would crash
    writeFileSync(join(dirname(bundle), written!), damaged);
    expect(runInChild()).toBe(expected);
    expect(readFileSync(join(dirname(bundle), written!)).equals(damaged)).toBe(false); // written again
  });

  it('GIVEN an edited import of the entry THEN the build is stale and the next run uses the edit', async () => {
    const first = await ensureCompiled(entry, 'test');
    writeFileSync(join(root, 'src', 'answer.ts'), 'export const answer: number = 2;\n');
    expect(staleReason(entry, 'test')).toBe('sources changed');
    expect((await load()).value).toBe(2);
    expect(await ensureCompiled(entry, 'test')).not.toBe(first);
    expect(staleReason(entry, 'test')).toBeUndefined();
  });

  it('GIVEN nothing changed THEN the same build is reused', async () => {
    expect(await ensureCompiled(entry, 'test')).toBe(await ensureCompiled(entry, 'test'));
  });
});
