// The API reports (docs/decisions/0014-api-reports.md): one committed api/<name>.api.md per package entry point,
// checked in CI. The content check itself is `pnpm api:check` (~25 s, so CI runs it, not this suite).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Folders of the packages with a main entry point, as scripts/api-report.mjs finds them. */
const entryPackages = [...readdirSync(join(ROOT, 'packages')).map((d) => `packages/${d}`), 'generators'].filter((dir) =>
  existsSync(join(ROOT, dir, 'src/index.ts')),
);

describe('API reports', () => {
  it.each(entryPackages)('GIVEN %s THEN its report is committed next to it, named after the package', (dir) => {
    const name = (JSON.parse(read(`${dir}/package.json`)) as { name: string }).name;
    const report = `${dir}/api/${name.replace(/^@[^/]+\//, '')}.api.md`;
    expect(existsSync(join(ROOT, report)), `${report} is missing: run pnpm api:update`).toBe(true);
    expect(read(report)).toContain(`## API Report File for "${name}"`);
    // Reports are the same on every machine: no absolute paths from the run that wrote them.
    expect(read(report)).not.toMatch(/\/(?:work|home|tmp|Users)\/\S+\.d\.ts/);
  });

  it('GIVEN the scripts THEN `pnpm api:check` and `pnpm api:update` run the report script, and CI runs the check', () => {
    expect(JSON.parse(read('package.json')).scripts).toMatchObject({
      'api:check': 'node scripts/api-report.mjs --check',
      'api:update': 'node scripts/api-report.mjs --update',
    });
    expect(read('.ci/run')).toMatch(/^pnpm api:check$/m);
    const stepCheck = read('scripts/ci.sh').split('\nstep_check() {\n')[1]!.split('\n}\n')[0];
    expect(stepCheck).toMatch(/^ {2}"\$\{PNPM\[@\]\}" api:check$/m);
  });
});
