import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generatedHeader, manifestPath } from '../layout.js';
import { WriteFailedError } from './errors.js';
import { planIsEmpty, planWrite } from './plan.js';
import { applyPlan, recoverPendingWrites, SimulatedCrash, TXN_DIR } from './transaction.js';
import { writeCluster } from './write-cluster.js';
import { snapshotTree } from '../testing/tree.js';

/** Interrupted and failing writes: recovery comes before planning; an I/O error leaves the tree as it was. */
const C = 'demo';
const header = generatedHeader(C, '#');
let root: string;

const rendered = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([p, c]) => [p, header + c]));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const snapshot = () => snapshotTree(root);
const errno = (code: string, path: string) => Object.assign(new Error(`${code}: rename '${path}'`), { code, syscall: 'rename', path: join(root, path) });

const V1 = rendered({
  'gitops/clusters/demo/kustomization.yaml': 'resources: [teams]\n',
  'gitops/clusters/demo/teams/a/namespace.yaml': 'kind: Namespace\n',
  'gitops/clusters/demo/teams/b/namespace.yaml': 'kind: Namespace\n',
  'gitops/azure/demo/main.bicepparam': '// v1\n',
});
const V2 = rendered({
  'gitops/clusters/demo/kustomization.yaml': 'resources: [teams, infra]\n',
  'gitops/clusters/demo/teams/a/namespace.yaml': 'kind: Namespace # v2\n',
  'gitops/clusters/demo/teams/c/namespace.yaml': 'kind: Namespace\n',
  'gitops/azure/demo/main.bicepparam': '// v2\n',
});
const V3 = rendered({
  'gitops/clusters/demo/kustomization.yaml': 'resources: [teams]\n',
  'gitops/clusters/demo/teams/a/namespace.yaml': 'kind: Namespace # v3\n',
  'gitops/azure/demo/main.bicepparam': '// v3\n',
});

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'kit-fail-'));
  await writeCluster(root, C, V1);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('recovery re-plans', () => {
  it('GIVEN a write interrupted after the commit point and a spec changed since WHEN written again THEN the tree is exactly the new render', async () => {
    await expect(applyPlan(root, planWrite(root, C, V2), { crashAfterMoves: 2 })).rejects.toThrow(SimulatedCrash);
    const { recovered, plan } = await writeCluster(root, C, V3);
    expect(recovered).toBe(1);
    for (const [path, content] of V3) expect(read(path)).toBe(content);
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/c'))).toBe(false);
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/b'))).toBe(false);
    expect(plan.deletes).toContain('gitops/clusters/demo/teams/c/namespace.yaml');
    expect(planIsEmpty(planWrite(root, C, V3))).toBe(true);
    expect(existsSync(join(root, TXN_DIR))).toBe(false);
  });

  it('GIVEN a pending write WHEN a plan made over it is applied THEN it is refused as stale and the journal is kept', async () => {
    await expect(applyPlan(root, planWrite(root, C, V2), { crashAfterMoves: 1 })).rejects.toThrow(SimulatedCrash);
    const stalePlan = planWrite(root, C, V3);
    await expect(applyPlan(root, stalePlan)).rejects.toThrow(/must be recovered before planning/);
    expect(recoverPendingWrites(root, C)).toBe(1);
    expect(planIsEmpty(planWrite(root, C, V2))).toBe(true);
  });
});

describe('I/O errors while applying', () => {
  it.each([
    [
      'EACCES',
      manifestPath(C),
      /cannot write gitops\/.kit\/demo.manifest.json: permission denied \(EACCES\); nothing was changed: the files already written were put back. Make gitops\/.kit\/demo.manifest.json/,
    ],
    ['EROFS', manifestPath(C), /read-only \(EROFS\).*Render in a writable clone/],
    ['ENOSPC', 'gitops/clusters/demo/teams/b/namespace.yaml', /no space left on the device \(ENOSPC\).*Free some space/],
  ])(
    'GIVEN %s on %s after other files were applied WHEN writing THEN the tree is exactly as before and the message names the path',
    async (code, failing, message) => {
      const before = snapshot();
      const attempt = writeCluster(root, C, V2, { failOn: (target) => (target === failing ? errno(code, failing) : undefined) });
      await expect(attempt).rejects.toThrow(WriteFailedError);
      await expect(attempt).rejects.toThrow(message);
      expect(snapshot()).toEqual(before);
      expect(existsSync(join(root, 'gitops/clusters/demo/teams/c'))).toBe(false);
      expect(existsSync(join(root, TXN_DIR))).toBe(false);
    },
  );

  it('GIVEN no error WHEN writing the same change THEN it applies (accepted)', async () => {
    await writeCluster(root, C, V2);
    for (const [path, content] of V2) expect(read(path)).toBe(content);
    expect(existsSync(join(root, 'gitops/clusters/demo/teams/b'))).toBe(false);
  });

  it('GIVEN the staging area cannot be created WHEN writing THEN nothing changes and the message names it', async () => {
    const before = snapshot();
    writeFileSync(join(root, TXN_DIR), 'a file where the staging folder goes\n');
    await expect(writeCluster(root, C, V2)).rejects.toThrow(/\.kit-txn/);
    rmSync(join(root, TXN_DIR));
    expect(snapshot()).toEqual(before);
  });
});
