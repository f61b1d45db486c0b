import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// What a daily command loads once its caches are warm (decision 0010): start-up is most of its time, so
// these are checked as facts about loading, not as timings (those are in `kit bench`).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const kit = fileURLToPath(new URL('../bin/kit.mjs', import.meta.url));
const caches = mkdtempSync(join(tmpdir(), 'kit-startup-'));
afterAll(() => rmSync(caches, { recursive: true, force: true }));

/** `kit render weu-prod --check` with its own validator caches; the modules Node loaded, from NODE_DEBUG=module. */
function renderCheck(): { status: number | null; loaded: string[] } {
  const run = spawnSync(process.execPath, [kit, 'render', 'weu-prod', '--check'], {
    cwd: root,
    env: { ...process.env, KIT_VALIDATOR_CACHE: caches, NODE_DEBUG: 'module' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const loaded = [...run.stderr.matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((m) => m[1]!.replace(/\\/g, '/'));
  return { status: run.status, loaded };
}

describe('kit render --check start-up', () => {
  it('GIVEN cold caches THEN the validators and the template are compiled (ajv and the Handlebars compiler load) and stored', () => {
    const { status, loaded } = renderCheck();
    expect(status).toBe(0);
    expect(loaded.some((path) => path.endsWith('/ajv/dist/ajv.js'))).toBe(true);
    expect(loaded.some((path) => path.endsWith('/handlebars/lib/index.js') || path.endsWith('/handlebars/dist/cjs/handlebars.js'))).toBe(true);
  }, 120_000);

  it('GIVEN warm caches THEN neither ajv nor the Handlebars compiler loads, and every stored validator has its V8 code cache', () => {
    expect(renderCheck().status).toBe(0); // warms the caches when this test runs alone
    const { status, loaded } = renderCheck();
    expect(status).toBe(0);
    expect(loaded.filter((path) => path.endsWith('/ajv/dist/ajv.js') || path.endsWith('/ajv/dist/core.js'))).toEqual([]);
    expect(loaded.filter((path) => /\/handlebars\/(lib\/index|dist\/cjs\/handlebars)\.js$/.test(path))).toEqual([]);
    expect(loaded.some((path) => path.endsWith('/handlebars/dist/cjs/handlebars.runtime.js'))).toBe(true);
    const validators = readdirSync(join(caches, 'validators'), { recursive: true, encoding: 'utf8' });
    const stored = validators.filter((f) => f.endsWith('.cjs'));
    expect(stored.length).toBeGreaterThan(10);
    for (const file of stored) expect(validators).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace(/[.]/g, '\\.')}\\.v8-.+\\.bin$`)));
  }, 120_000);
});
