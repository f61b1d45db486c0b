import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveAsOf } from './as-of.js';
import { renderCommand } from './commands/render.js';
import { validateCommand } from './commands/validate.js';
import { UsageError } from './repo.js';
import { snapshotTree, tempRepo } from './testing/temp-repo.js';

let repo: ReturnType<typeof tempRepo>;
let output: string[];
const log = (line: string) => output.push(line);
const PLATFORM = 'apps/weu-prod/platform.yaml';
const setVersion = (version: string) => {
  const full = join(repo.root, PLATFORM);
  writeFileSync(full, readFileSync(full, 'utf8').replace(/kubernetesVersion: '[^']+'/, `kubernetesVersion: '${version}'`));
};
const render = (asOf: string, more: { check?: boolean } = {}) =>
  renderCommand({ root: repo.root, clusters: ['weu-prod'], all: false, check: more.check ?? false, dryRun: false, asOf }, log);

beforeEach(() => {
  repo = tempRepo();
  output = [];
});
afterEach(() => repo.dispose());

describe('resolveAsOf', () => {
  it('takes --as-of as given, defaults to the injected clock (UTC day), refuses a malformed date as a usage error', () => {
    expect(resolveAsOf('2026-03-01')).toBe('2026-03-01');
    expect(resolveAsOf(undefined, () => new Date('2026-12-06T23:59:00Z'))).toBe('2026-12-06');
    expect(() => resolveAsOf('06/12/2026')).toThrow(UsageError);
    expect(() => resolveAsOf('2026-02-30')).toThrow(/--as-of needs a calendar date YYYY-MM-DD/);
  });
});

describe('render and validate read the AKS calendar as of the run date', () => {
  it('GIVEN 1.33 WHEN rendered as of 2026-12-06 THEN refused with the end date and the supported minors, nothing written', async () => {
    setVersion('1.33');
    const before = snapshotTree(repo.root);
    expect(await render('2026-12-06')).toBe(1);
    const text = output.join('\n');
    expect(text).toMatch(
      /apps\/weu-prod\/platform\.yaml:\d+:\d+ spec\.cluster\.kubernetesVersion: Kubernetes 1\.33 left AKS support on 2026-07-31, before 2026-12-06/,
    );
    expect(text).toMatch(/move to a supported minor: 1\.35, 1\.36, 1\.37/);
    expect(snapshotTree(repo.root)).toEqual(before);
    expect(await validateCommand({ root: repo.root, clusters: ['weu-prod'], all: false, json: false, asOf: '2026-12-06' }, log)).toBe(1);
  });

  it('GIVEN the same 1.33 commit WHEN checked --as-of 2026-03-01 THEN the version passes (only staleness is reported)', async () => {
    setVersion('1.33');
    await render('2026-03-01', { check: true });
    expect(output.join('\n')).not.toMatch(/out of AKS support/);
  });

  it('GIVEN the example (1.35) WHEN checked as of 2027-02-15 THEN a warning and no refusal; as of 2026-12-06 neither', async () => {
    // --check compares with the committed tree; only the version verdict matters here.
    await render('2027-02-15', { check: true });
    expect(output.join('\n')).toMatch(/weu-prod: warning: .*Kubernetes 1\.35 leaves AKS support on 2027-03-31, 44 day\(s\) after 2027-02-15/);
    expect(output.join('\n')).not.toMatch(/out of AKS support/);
    output = [];
    await render('2026-12-06', { check: true });
    expect(output.join('\n')).not.toMatch(/Kubernetes 1\.35 leaves|out of AKS support/);
  });

  it.each(['1.99', '1.20'])('GIVEN kubernetesVersion %s THEN render and validate refuse with a located message, not a stack trace', async (version) => {
    setVersion(version);
    expect(await render('2026-12-06')).toBe(1);
    expect(await validateCommand({ root: repo.root, clusters: ['weu-prod'], all: false, json: false, asOf: '2026-12-06' }, log)).toBe(1);
    const text = output.join('\n');
    expect(text).toMatch(
      new RegExp(`platform\\.yaml:\\d+:\\d+ spec\\.cluster\\.kubernetesVersion: Kubernetes ${version.replace('.', '\\.')} is (newer|older) than`),
    );
    expect(text).not.toMatch(/\n\s+at /);
  });
});
