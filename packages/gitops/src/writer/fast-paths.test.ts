import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatedHeader, manifestPath } from '../layout.js';
import { WriteFailedError } from './errors.js';
import { planWrite } from './plan.js';
import { applyPlan, TXN_DIR } from './transaction.js';
import { writeCluster } from './write-cluster.js';
import { snapshotTree } from '../testing/tree.js';

/** The writer's fast paths (unchanged files left alone, per-folder checks) keep every guarantee. */
const C = 'demo';
const header = generatedHeader(C, '#');
let root: string;

/** Many files in many folders: the per-folder checks and mkdirs are shared. */
const many = (version: string, teams = 40) =>
  new Map(
    Array.from({ length: teams }, (_, t) => [
      [`gitops/clusters/demo/teams/t${t}/namespace.yaml`, `${header}kind: Namespace # ${t}\n`],
      [`gitops/clusters/demo/teams/t${t}/deployment.yaml`, `${header}kind: Deployment # ${t} ${version}\n`],
    ]).flat() as [string, string][],
  );
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const inode = (path: string) => statSync(join(root, path)).ino;
const snapshot = () => snapshotTree(root);
const errno = (code: string, path: string) => Object.assign(new Error(`${code}: open '${path}'`), { code, syscall: 'open', path: join(root, path) });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kit-fast-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('unchanged files are left alone', () => {
  it('GIVEN a render where one file changed WHEN written THEN only that file (and the manifest) is replaced; the others keep their inode', async () => {
    const v1 = many('v1');
    await writeCluster(root, C, v1);
    const before = new Map([...v1.keys()].map((p) => [p, inode(p)]));
    const v2 = new Map(v1);
    const changed = 'gitops/clusters/demo/teams/t7/deployment.yaml';
    v2.set(changed, `${header}kind: Deployment # changed\n`);
    const { plan } = await writeCluster(root, C, v2);
    expect(plan.writes.map((w) => w.path).sort()).toEqual([changed, manifestPath(C)].sort());
    expect(plan.unchanged).toBe(v1.size - 1);
    expect(read(changed)).toBe(v2.get(changed));
    expect(inode(changed)).not.toBe(before.get(changed)); // replaced by a rename of the staged file
    for (const [path, ino] of before) if (path !== changed) expect(inode(path)).toBe(ino);
  });
});

describe('staging', () => {
  it('GIVEN many files in many folders WHEN written THEN every file has its content and nothing is left staged (accepted)', async () => {
    const v1 = many('v1');
    await writeCluster(root, C, v1);
    for (const [path, content] of v1) expect(read(path)).toBe(content);
    expect(existsSync(join(root, TXN_DIR))).toBe(false);
  });

  it('GIVEN staging fails part-way (ENOSPC) WHEN writing THEN nothing changed, the staging area is gone and the message says so', async () => {
    await writeCluster(root, C, many('v1'));
    const before = snapshot();
    const failing = 'gitops/clusters/demo/teams/t30/deployment.yaml';
    const attempt = applyPlan(root, planWrite(root, C, many('v2')), { failStagingOn: (target) => (target === failing ? errno('ENOSPC', failing) : undefined) });
    await expect(attempt).rejects.toThrow(WriteFailedError);
    await expect(attempt).rejects.toThrow(/no space left on the device \(ENOSPC\).*nothing was changed/);
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(root, TXN_DIR))).toBe(false);
  });

  it('GIVEN an I/O error after many files and new folders were moved WHEN writing THEN roll-back restores every replaced file and removes the added ones', async () => {
    await writeCluster(root, C, many('v1', 20));
    const before = snapshot();
    const v2 = many('v2', 40); // 20 teams changed, 20 added
    const failing = 'gitops/clusters/demo/teams/t35/deployment.yaml';
    await expect(writeCluster(root, C, v2, { failOn: (target) => (target === failing ? errno('EACCES', failing) : undefined) })).rejects.toThrow(
      /nothing was changed: the files already written were put back/,
    );
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/t25'))).toBe(false);
  });
});

describe('folders', () => {
  it('GIVEN a new file in a folder that exists WHEN written THEN it is added and the files already there stay untouched (accepted)', async () => {
    await writeCluster(root, C, many('v1', 2));
    const kept = inode('gitops/clusters/demo/teams/t0/namespace.yaml');
    const v2 = new Map(many('v1', 2)).set('gitops/clusters/demo/teams/t0/extra.yaml', `${header}kind: ConfigMap\n`);
    await writeCluster(root, C, v2);
    expect(read('gitops/clusters/demo/teams/t0/extra.yaml')).toBe(v2.get('gitops/clusters/demo/teams/t0/extra.yaml'));
    expect(inode('gitops/clusters/demo/teams/t0/namespace.yaml')).toBe(kept);
  });

  it('GIVEN a folder that appears between plan and apply WHEN written THEN its own files stay and only the rendered files are added (accepted)', async () => {
    await writeCluster(root, C, many('v1', 2));
    const plan = planWrite(root, C, many('v1', 4));
    mkdirSync(join(root, 'gitops/clusters/demo/teams/t3'));
    writeFileSync(join(root, 'gitops/clusters/demo/teams/t3/mine.txt'), 'hand-made\n');
    await applyPlan(root, plan);
    expect(read('gitops/clusters/demo/teams/t3/mine.txt')).toBe('hand-made\n');
    expect(readdirSync(join(root, 'gitops/clusters/demo/teams/t3')).sort()).toEqual(['deployment.yaml', 'mine.txt', 'namespace.yaml']);
  });

  it('GIVEN a fresh tree WHEN written THEN every folder is made once and each file has its content', async () => {
    const v1 = many('v1', 30);
    await writeCluster(root, C, v1);
    for (const [path, content] of v1) expect(read(path)).toBe(content);
    expect(readdirSync(join(root, 'gitops/clusters/demo/teams'))).toHaveLength(30);
  });
});
