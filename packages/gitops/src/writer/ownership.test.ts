import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatedHeader, manifestPath, outputRoots } from '../layout.js';
import { planWrite } from './plan.js';
import { WriteRefusedError } from './errors.js';
import { applyPlan } from './transaction.js';

/** The writer touches only what it owns: manifest entries and symlinks are checked before any use. */
const C = 'demo';
const header = generatedHeader(C, '#');
let base: string;
let root: string;
let outside: string;

const rendered = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([p, c]) => [p, header + c]));
const put = (path: string, content: string, at = root) => {
  mkdirSync(dirname(join(at, path)), { recursive: true });
  writeFileSync(join(at, path), content);
};
const V1 = rendered({
  'gitops/clusters/demo/kustomization.yaml': 'resources: [teams]\n',
  'gitops/clusters/demo/teams/a/namespace.yaml': 'kind: Namespace\n',
  'gitops/azure/demo/main.bicepparam': "using './main.bicep'\n",
});
const manifestWith = (extra: string[]) => JSON.stringify({ cluster: C, files: Object.fromEntries([...[...V1.keys()], ...extra].map((p) => [p, 'x'])) });

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'kit-own-'));
  root = join(base, 'repo');
  outside = join(base, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  await applyPlan(root, planWrite(root, C, V1));
  put('README.md', 'readme\n');
  put('apps/demo/platform.yaml', 'spec\n');
  put('other/precious.txt', 'precious\n');
  writeFileSync(join(base, 'outside.txt'), 'outside\n');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('manifest entries outside the cluster outputs', () => {
  it.each([
    ['a repository file', 'README.md'],
    ['the spec', 'apps/demo/platform.yaml'],
    ['a parent-relative path', '../outside.txt'],
    ['a path that climbs out of an output root', 'gitops/clusters/demo/../../../other/precious.txt'],
    ['an absolute path', '<base>/outside.txt'],
    ['another cluster', 'gitops/clusters/other/kustomization.yaml'],
    ['a NUL byte', 'gitops/clusters/demo/a\0b.yaml'],
    ['a backslash', 'gitops\\clusters\\demo\\x.yaml'],
    ['a root prefix without the separator', 'gitops/clusters/demo-evil/x.yaml'],
  ])(
    'GIVEN %s in the manifest WHEN planned and applied THEN it is a finding naming the manifest and entry, and nothing is deleted',
    async (_name, template) => {
      const entry = template.replace('<base>', base);
      put(manifestPath(C), manifestWith([entry]));
      const plan = planWrite(root, C, V1);
      expect(plan.deletes).toEqual([]);
      expect(plan.refusals.join('\n')).toContain(manifestPath(C));
      expect(plan.refusals.join('\n')).toContain(JSON.stringify(entry));
      await expect(applyPlan(root, plan)).rejects.toThrow(WriteRefusedError);
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('readme\n');
      expect(readFileSync(join(root, 'apps/demo/platform.yaml'), 'utf8')).toBe('spec\n');
      expect(readFileSync(join(root, 'other/precious.txt'), 'utf8')).toBe('precious\n');
      expect(readFileSync(join(base, 'outside.txt'), 'utf8')).toBe('outside\n');
    },
  );

  it('GIVEN an entry inside the outputs that is no longer rendered WHEN planned THEN it is pruned as before (accepted)', async () => {
    put('gitops/clusters/demo/teams/b/namespace.yaml', `${header}kind: Namespace\n`);
    put(manifestPath(C), manifestWith(['gitops/clusters/demo/teams/b/namespace.yaml']));
    const plan = planWrite(root, C, V1);
    expect(plan.refusals).toEqual([]);
    expect(plan.deletes).toEqual(['gitops/clusters/demo/teams/b/namespace.yaml']);
    await applyPlan(root, plan);
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/b'))).toBe(false);
  });

  it('GIVEN an entry under each of the output roots (incl. any shared one) WHEN planned THEN none is refused (accepted)', () => {
    const entries = outputRoots(C).map((r) => `${r}/sub/file.yaml`);
    put(manifestPath(C), manifestWith(entries));
    const plan = planWrite(root, C, V1);
    expect(plan.refusals).toEqual([]);
    expect(outputRoots(C)).toEqual(expect.arrayContaining(['gitops/clusters/demo', 'gitops/azure/demo', 'docs/demo']));
  });
});

describe("a manifest that is not the kit's", () => {
  it.each([
    ['null files', '{"cluster":"demo","files":null}'],
    ['an array', '{"cluster":"demo","files":["README.md"]}'],
    ['null', 'null'],
    ['another cluster', '{"cluster":"x","files":{}}'],
  ])('GIVEN %s WHEN planned THEN a message says to restore or delete it', (_name, text) => {
    put(manifestPath(C), text);
    expect(() => planWrite(root, C, V1)).toThrow(/is not a kit manifest for demo; restore it from git or delete it/);
  });
});

describe('symbolic links', () => {
  it('GIVEN a team folder that links outside the repository WHEN rendered THEN the link is refused by name and nothing is written through it', async () => {
    rmSync(join(root, 'gitops/clusters/demo/teams'), { recursive: true });
    symlinkSync(outside, join(root, 'gitops/clusters/demo/teams'), 'dir');
    const plan = planWrite(root, C, V1);
    expect(plan.refusals.join('\n')).toMatch(/gitops\/clusters\/demo\/teams is a symbolic link/);
    await expect(applyPlan(root, plan)).rejects.toThrow(/gitops\/clusters\/demo\/teams is a symbolic link/);
    expect(existsSync(join(outside, 'a/namespace.yaml'))).toBe(false);
  });

  it('GIVEN a linked folder holding a file the manifest lists WHEN the spec drops it THEN nothing is pruned through the link', async () => {
    put('b/namespace.yaml', `${header}kind: Namespace\n`, outside);
    rmSync(join(root, 'gitops/clusters/demo/teams'), { recursive: true });
    symlinkSync(outside, join(root, 'gitops/clusters/demo/teams'), 'dir');
    put(manifestPath(C), manifestWith(['gitops/clusters/demo/teams/b/namespace.yaml']));
    const v2 = new Map([...V1].filter(([p]) => !p.includes('/teams/')));
    const plan = planWrite(root, C, v2);
    expect(plan.deletes).toEqual([]);
    expect(plan.refusals.join('\n')).toMatch(/gitops\/clusters\/demo\/teams is a symbolic link/);
    await expect(applyPlan(root, plan)).rejects.toThrow(WriteRefusedError);
    expect(readFileSync(join(outside, 'b/namespace.yaml'), 'utf8')).toContain('Namespace');
  });

  it('GIVEN a generated file replaced by a link to a file outside WHEN planned THEN the outside file is neither read nor overwritten', async () => {
    writeFileSync(join(outside, 'secret.txt'), 'secret\n');
    rmSync(join(root, 'gitops/azure/demo/main.bicepparam'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'gitops/azure/demo/main.bicepparam'));
    const plan = planWrite(root, C, V1);
    expect(JSON.stringify(plan.writes)).not.toContain('secret');
    expect(plan.refusals.join('\n')).toMatch(/gitops\/azure\/demo\/main.bicepparam is a symbolic link/);
    await expect(applyPlan(root, plan)).rejects.toThrow(WriteRefusedError);
    expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('secret\n');
  });

  it('GIVEN gitops/ itself is a link WHEN planned THEN it is refused', () => {
    const real = join(base, 'real-gitops');
    rmSync(join(root, 'gitops'), { recursive: true });
    mkdirSync(real);
    symlinkSync(real, join(root, 'gitops'), 'dir');
    expect(planWrite(root, C, V1).refusals.join('\n')).toMatch(/^gitops is a symbolic link/m);
  });

  it('GIVEN real folders only WHEN planned THEN nothing is refused (accepted)', () => {
    expect(planWrite(root, C, V1).refusals).toEqual([]);
  });
});
