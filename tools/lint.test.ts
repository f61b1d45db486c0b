import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Lints the given files with the repository's biome.jsonc in a scratch tree; returns the files with findings. */
function lintScratch(files: Record<string, string>, command: 'lint' | 'check' = 'lint'): { status: number | null; flagged: string[]; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kit-lint-'));
  try {
    copyFileSync(join(ROOT, 'biome.jsonc'), join(dir, 'biome.jsonc'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(BIOME, [command, '--error-on-warnings', '--reporter=github'], { cwd: dir, encoding: 'utf8' });
    const flagged = [...`${run.stdout}${run.stderr}`.matchAll(/^::error title=lint\/suspicious\/noExplicitAny,file=([^,]+),/gm)].map((m) =>
      m[1]!.slice(dir.length + 1),
    );
    return { status: run.status, flagged: flagged.sort(), output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('pnpm lint (Biome)', () => {
  const withAny = 'export const f = (x: any): unknown => x;\n';

  it('refuses `any` in production code and allows it only in tests, test helpers and generated imports', () => {
    const result = lintScratch({
      'packages/x/src/model.ts': withAny,
      'generators/src/g/generator.ts': withAny,
      'tools/script.ts': withAny,
      'packages/x/src/model.test.ts': withAny,
      'packages/x/src/testing/fixtures.ts': withAny,
      'packages/charts/src/imports/crd.ts': withAny,
    });
    expect(result.flagged).toEqual(['generators/src/g/generator.ts', 'packages/x/src/model.ts', 'tools/script.ts']);
    expect(result.status).toBe(1);
  });

  it('accepts production code that reads unknown JSON as `unknown`', () => {
    const result = lintScratch({ 'packages/x/src/model.ts': 'export const f = (x: unknown): unknown => x;\n' });
    expect(result).toMatchObject({ status: 0, flagged: [] });
  });

  it('fails `pnpm lint` (biome check) on a file the formatter would change: a line past 160 characters, double quotes', () => {
    const long = `export const names = [${Array.from({ length: 20 }, (_, i) => `'name-${i}'`).join(', ')}];\n`;
    expect(long.length).toBeGreaterThan(160);
    const tooLong = lintScratch({ 'packages/x/src/long.ts': long }, 'check');
    expect(tooLong.status).toBe(1);
    expect(tooLong.output).toMatch(/format/);
    const quotes = lintScratch({ 'packages/x/src/quotes.ts': 'export const a = "b";\n' }, 'check');
    expect(quotes.status).toBe(1);
    const formatted = lintScratch({ 'packages/x/src/quotes.ts': "export const a = 'b';\n" }, 'check');
    expect(formatted).toMatchObject({ status: 0, flagged: [] });
  });

  it('runs, with the typecheck, in CI before the tests: .ci/run and the test step of scripts/ci.sh', () => {
    expect(JSON.parse(read('package.json')).scripts).toMatchObject({ lint: 'biome check --error-on-warnings', typecheck: 'tsc -p tsconfig.json' });
    const ciRun = read('.ci/run').split('\n');
    const at = (line: string) => ciRun.indexOf(line);
    expect(at('pnpm typecheck')).toBeGreaterThan(at('pnpm install --frozen-lockfile'));
    expect(at('pnpm lint')).toBeGreaterThan(at('pnpm typecheck'));
    expect(at('pnpm test')).toBeGreaterThan(at('pnpm lint'));
    const stepTest = read('scripts/ci.sh')
      .split('\nstep_test() {\n')[1]!
      .split('\n}\n')[0]!
      .split('\n')
      .map((l) => l.trim());
    expect(stepTest).toEqual(['"${PNPM[@]}" typecheck', '"${PNPM[@]}" lint', expect.stringMatching(/nx affected -t test/)]);
  });

  it('typechecks tools/ as well as the packages', () => {
    expect(JSON.parse(read('tsconfig.json')).include).toEqual(
      expect.arrayContaining(['packages/*/src/**/*.ts', 'generators/src/**/*.ts', 'tools/**/*.ts', 'scripts/**/*.ts']),
    );
  });
});
