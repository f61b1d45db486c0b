import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatedHeader, manifestPath } from '../layout.js';
import { WriteFailedError } from './errors.js';
import { planWrite } from './plan.js';
import { WriteRefusedError } from './errors.js';
import { applyPlan, recoverPendingWrites, SimulatedCrash, TXN_DIR } from './transaction.js';
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

  it('GIVEN an I/O error after new folders were created and many files moved WHEN writing THEN roll-back restores every replaced file and removes the added ones', async () => {
    await writeCluster(root, C, many('v1', 20));
    const before = snapshot();
    const v2 = many('v2', 40); // 20 teams changed, 20 added (created before the commit point)
    const failing = 'gitops/clusters/demo/teams/t15/deployment.yaml';
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

describe('new files are created in place before the commit point', () => {
  const addedTeam = (t: number) => `gitops/clusters/demo/teams/t${t}`;

  it('GIVEN a crash after some new files were created (no journal yet) WHEN recovered THEN the tree is exactly as before: no new file, no new folder', async () => {
    await writeCluster(root, C, many('v1', 5));
    const before = snapshot();
    await expect(applyPlan(root, planWrite(root, C, many('v2', 30)), { crashAfterAdds: 20 })).rejects.toThrow(SimulatedCrash);
    expect(existsSync(join(root, addedTeam(10)))).toBe(true); // created in place, before the crash
    expect(recoverPendingWrites(root, C)).toBe(0); // nothing was committed: undone, not finished
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(root, addedTeam(10)))).toBe(false);
  });

  it('GIVEN a crash after every new file was created and some changed files moved WHEN recovered THEN the write is finished', async () => {
    await writeCluster(root, C, many('v1', 5));
    const v2 = many('v2', 30);
    await expect(applyPlan(root, planWrite(root, C, v2), { crashAfterMoves: 3 })).rejects.toThrow(SimulatedCrash);
    expect(recoverPendingWrites(root, C)).toBe(1);
    for (const [path, content] of v2) expect(read(path)).toBe(content);
    expect(existsSync(join(root, TXN_DIR))).toBe(false);
  });

  it('GIVEN a file that appears where a new file goes, after the plan WHEN applied THEN it is neither overwritten nor removed, and nothing else changed', async () => {
    await writeCluster(root, C, many('v1', 5));
    const plan = planWrite(root, C, many('v1', 30));
    const before = snapshot();
    const appeared = `${addedTeam(20)}/namespace.yaml`;
    mkdirSync(join(root, addedTeam(20)));
    writeFileSync(join(root, appeared), 'written by someone else\n');
    const attempt = applyPlan(root, plan);
    await expect(attempt).rejects.toThrow(
      /cannot write gitops\/clusters\/demo\/teams\/t20\/namespace.yaml: a file appeared there after the plan was made \(EEXIST\); nothing was changed/,
    );
    expect(read(appeared)).toBe('written by someone else\n');
    rmSync(join(root, addedTeam(20)), { recursive: true });
    expect(snapshot()).toEqual(before);
  });

  it('GIVEN a link that appears where a new file goes, after the symbolic-link checks WHEN created THEN nothing is written through it', async () => {
    await writeCluster(root, C, many('v1', 2));
    const outside = mkdtempSync(join(tmpdir(), 'kit-outside-'));
    const racing = `${addedTeam(3)}/namespace.yaml`;
    try {
      // The hook runs just before each new file is created: the link appears in the last possible moment.
      const plantLink = (target: string) => {
        if (target !== racing) return undefined;
        mkdirSync(join(root, addedTeam(3)), { recursive: true });
        symlinkSync(join(outside, 'victim.yaml'), join(root, racing));
        return undefined;
      };
      await expect(applyPlan(root, planWrite(root, C, many('v1', 4)), { failStagingOn: plantLink })).rejects.toThrow(/EEXIST/);
      expect(readdirSync(outside)).toEqual([]);
      expect(lstatSync(join(root, racing)).isSymbolicLink()).toBe(true);
      expect(existsSync(join(root, addedTeam(2)))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('GIVEN creating the first file of a new folder fails (ENOSPC) after other new files were created WHEN writing THEN the files created and the new folders are removed: nothing changed', async () => {
    await writeCluster(root, C, many('v1', 5));
    const before = snapshot();
    const failing = `${addedTeam(25)}/namespace.yaml`;
    const attempt = applyPlan(root, planWrite(root, C, many('v2', 30)), {
      failStagingOn: (target) => (target === failing ? errno('ENOSPC', failing) : undefined),
    });
    await expect(attempt).rejects.toThrow(/no space left on the device \(ENOSPC\).*nothing was changed/);
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(root, addedTeam(25)))).toBe(false); // made for the file that failed
    expect(existsSync(join(root, addedTeam(24)))).toBe(false);
  });

  it('GIVEN a crash after a new folder was made but before its file was created WHEN recovered THEN the empty folder goes too', async () => {
    await writeCluster(root, C, many('v1', 2));
    const before = snapshot();
    const txn = join(root, TXN_DIR, `${C}.1.4`);
    mkdirSync(txn, { recursive: true });
    writeFileSync(join(txn, 'adding.json'), JSON.stringify({ cluster: C, adds: [{ target: `${addedTeam(9)}/namespace.yaml` }] }));
    mkdirSync(join(root, addedTeam(9)));
    expect(recoverPendingWrites(root, C)).toBe(0);
    expect(existsSync(join(root, addedTeam(9)))).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('GIVEN a pending list of new files that names a path outside the outputs WHEN recovered THEN it is refused and that path is not touched', async () => {
    await writeCluster(root, C, many('v1', 2));
    writeFileSync(join(root, 'README.md'), 'mine\n');
    const txn = join(root, TXN_DIR, `${C}.1.2`);
    mkdirSync(txn, { recursive: true });
    writeFileSync(join(txn, 'adding.json'), JSON.stringify({ cluster: C, adds: [{ target: 'README.md' }] }));
    expect(() => recoverPendingWrites(root, C)).toThrow(WriteRefusedError);
    expect(() => recoverPendingWrites(root, C)).toThrow(/adding.json is not a list the kit wrote for demo: "README.md" is outside the outputs of demo/);
    expect(read('README.md')).toBe('mine\n');
  });

  it('GIVEN a journal of a kit version that staged new files too WHEN recovered THEN it is rolled forward', async () => {
    await writeCluster(root, C, many('v1', 1));
    const txn = `${TXN_DIR}/${C}.1.3`;
    const target = `${addedTeam(7)}/namespace.yaml`;
    mkdirSync(join(root, txn, 'files'), { recursive: true });
    writeFileSync(join(root, txn, 'files/0'), `${header}kind: Namespace # staged\n`);
    const journal = { cluster: C, moves: [{ staged: `${txn}/files/0`, target, backup: `${txn}/old/0`, added: true }], deletes: [] };
    writeFileSync(join(root, txn, 'journal.json'), JSON.stringify(journal));
    expect(recoverPendingWrites(root, C)).toBe(1);
    expect(read(target)).toBe(`${header}kind: Namespace # staged\n`);
  });
});
