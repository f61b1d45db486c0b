import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editFile, snapshotTree, tempRepo } from '../testing/temp-repo.js';
import { renderCommand } from './render.js';

let repo: ReturnType<typeof tempRepo>;
let output: string[];
const log = (line: string) => output.push(line);
const render = (options: Partial<Parameters<typeof renderCommand>[0]> = {}) =>
  renderCommand({ root: repo.root, clusters: ['weu-prod'], all: false, check: false, dryRun: false, ...options }, log);
const edit = (path: string, change: (text: string) => string) => editFile(repo.root, path, change);

beforeEach(() => {
  repo = tempRepo();
  output = [];
});
afterEach(() => repo.dispose());

describe('render --check', () => {
  it('GIVEN the committed tree WHEN checked THEN it is current', async () => {
    expect(await render({ check: true, all: true, clusters: [] })).toBe(0);
    expect(output.join('\n')).toMatch(/weu-prod: gitops is up to date/);
  });

  it('GIVEN a hand edit of a generated file WHEN checked THEN it fails, names the file and writes nothing', async () => {
    edit('gitops/clusters/weu-prod/teams/dev/namespace.yaml', (t) => t.replace('pods: "200"', 'pods: "999"'));
    const before = snapshotTree(repo.root);
    expect(await render({ check: true })).toBe(1);
    expect(output.join('\n')).toMatch(/~ gitops\/clusters\/weu-prod\/teams\/dev\/namespace.yaml \(\+1 -1 lines\)/);
    expect(snapshotTree(repo.root)).toEqual(before);
  });

  it('GIVEN a spec change that was not rendered WHEN checked THEN it fails', async () => {
    edit('apps/weu-prod/teams/dev.yaml', (t) => t.replace("cpu: '32'", "cpu: '40'"));
    expect(await render({ check: true })).toBe(1);
    expect(output.join('\n')).toMatch(/gitops\/clusters\/weu-prod\/teams\/dev\/namespace.yaml/);
  });
});

describe('render', () => {
  it('is deterministic: rendering twice gives the same bytes, and the second run changes nothing', async () => {
    edit('apps/weu-prod/teams/dev.yaml', (t) => t.replace("cpu: '32'", "cpu: '40'"));
    expect(await render()).toBe(0);
    const first = snapshotTree(repo.root);
    expect(await render()).toBe(0);
    expect(snapshotTree(repo.root)).toEqual(first);
    expect(output.at(-1)).toMatch(/0 added, 0 changed, 0 removed/);
  });

  it('GIVEN a removed team WHEN rendered THEN its folder disappears, the index follows, hand-written files stay', async () => {
    writeFileSync(join(repo.root, 'gitops/clusters/weu-prod/teams/NOTES.md'), 'kept\n');
    expect(existsSync(join(repo.root, 'apps/weu-prod/teams/dev.yaml'))).toBe(true);
    (await import('node:fs')).rmSync(join(repo.root, 'apps/weu-prod/teams/dev.yaml'));
    expect(await render()).toBe(0);
    expect(existsSync(join(repo.root, 'gitops/clusters/weu-prod/teams/dev'))).toBe(false);
    const index = parse(readFileSync(join(repo.root, 'gitops/clusters/weu-prod/teams/kustomization.yaml'), 'utf8')) as { resources: string[] };
    expect(index.resources).toEqual(['checkout']);
    expect(readFileSync(join(repo.root, 'gitops/clusters/weu-prod/teams/NOTES.md'), 'utf8')).toBe('kept\n');
  });

  it.each([
    [
      'a CIDR with host bits',
      'apps/weu-prod/platform.yaml',
      (t: string) => t.replace('192.168.100.0/24', '10.0.62.114/8'),
      /apps\/weu-prod\/platform.yaml:\d+:\d+ spec.onPremises.ranges\[2\]: "10.0.62.114\/8" has host bits set; did you mean 10.0.62.114\/32 or 10.0.0.0\/8\?/,
    ],
    ['a reserved team name', 'apps/weu-prod/teams/dev.yaml', (t: string) => t.replace('name: dev', 'name: kube-dev'), /team name "kube-dev" is reserved/],
    [
      'an unknown node pool',
      'apps/weu-prod/teams/dev.yaml',
      (t: string) => t.replace('nodePool: general', 'nodePool: gpu'),
      /node pool "gpu" does not exist; use one of the user pools/,
    ],
  ])('GIVEN %s WHEN rendered THEN it fails with file, field and hint and the repo is exactly as it was', async (_name, file, change, message) => {
    edit(file, change);
    const before = snapshotTree(repo.root);
    expect(await render()).toBe(1);
    expect(output.join('\n')).toMatch(message);
    expect(output.join('\n')).toMatch(/nothing was written/);
    expect(snapshotTree(repo.root)).toEqual(before);
  });
});
