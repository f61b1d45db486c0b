import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  ].join('\n'),
);
writeFileSync(join(root, 'src', 'answer.ts'), 'export const answer: number = 1;\n');
writeFileSync(join(root, 'src', 'later.ts'), 'export const later = "loaded on demand";\n');
writeFileSync(join(root, 'src', 'data.txt'), 'beside the source');

const load = async () =>
  (await import(`${pathToFileURL(await ensureCompiled(entry, 'test')).href}?${Date.now()}`)) as {
    value: number;
    data: string;
    lazy: () => Promise<{ later: string }>;
  };

describe('the compiled runtime cache', () => {
  it('GIVEN no build THEN it builds, and the build runs like the sources (data files beside a module, lazy imports)', async () => {
    expect(staleReason(entry, 'test')).toBe('no build');
    const mod = await load();
    expect(mod.value).toBe(1);
    expect(mod.data).toBe('beside the source');
    expect((await mod.lazy()).later).toBe('loaded on demand');
    expect(staleReason(entry, 'test')).toBeUndefined();
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
