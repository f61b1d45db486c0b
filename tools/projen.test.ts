import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const OWNED = ['.gitignore', '.gitattributes', '.editorconfig', '.nvmrc', 'tsconfig.base.json', '.projen/files.json', '.projen/tasks.json'];

describe('projen-owned toolchain files', () => {
  it('are exactly what .projenrc.ts synthesises (run `pnpm projen` after changing it)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'kit-projen-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, '.projenrc.ts')], {
        env: { ...process.env, PROJEN_OUTDIR: outdir },
        stdio: 'pipe',
      });
      for (const file of OWNED) {
        expect(readFileSync(join(ROOT, file), 'utf8'), `${file} is stale`).toBe(readFileSync(join(outdir, file), 'utf8'));
      }
      expect(JSON.parse(readFileSync(join(outdir, '.projen/files.json'), 'utf8')).files).toEqual(
        expect.arrayContaining(OWNED.filter((f) => f !== '.projen/files.json')),
      );
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
