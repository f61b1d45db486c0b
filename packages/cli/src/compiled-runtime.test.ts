import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCompiled, staleReason } from '../bin/compiled.mjs';

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
pkg('lazy-cjs', {}, "globalThis.lazyLoads = (globalThis.lazyLoads ?? 0) + 1;\nmodule.exports = 'lazy cjs';\n");
writeFileSync(join(root, 'src', 'answer.ts'), 'export const answer: number = 1;\n');
writeFileSync(join(root, 'src', 'later.ts'), "import lazyCjs from 'lazy-cjs';\nexport const later = `loaded on demand, with ${lazyCjs}`;\n");
writeFileSync(join(root, 'src', 'data.txt'), 'beside the source');

const load = async () =>
  (await import(`${pathToFileURL(await ensureCompiled(entry, 'test')).href}?${Date.now()}`)) as {
    value: number;
    data: string;
    lazy: () => Promise<{ later: string }>;
    packages: Record<string, unknown>;
  };
const loads = globalThis as { cjsLoads?: number; lazyLoads?: number };

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

  it('GIVEN CommonJS and ES module packages THEN they bind as Node binds them: CommonJS through require, ES modules through import', async () => {
    const { packages } = await load();
    expect(packages).toEqual({
      cjsDefault: { named: 'cjs named', other: 1 }, // module.exports, as Node's default import of CommonJS
      cjsNamed: 'cjs named',
      esmDefault: 'esm default',
      esmNamed: 'esm named',
    });
    const built = readFileSync(await ensureCompiled(entry, 'test'), 'utf8');
    expect(built).toContain(`__kitRequire(${JSON.stringify(join(root, 'node_modules', 'cjs-pkg', 'index.js'))})`);
    expect(built).toContain(`from ${JSON.stringify(pathToFileURL(join(root, 'node_modules', 'esm-pkg', 'index.js')).href)}`);
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
