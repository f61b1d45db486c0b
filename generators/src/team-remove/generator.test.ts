import { logger, type Tree } from '@nx/devkit';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadServiceFleet, manifestPath, renderCluster } from '@aks-hybrid/gitops';
import { loadCluster } from '@aks-hybrid/spec';
import { validateRendered } from '@aks-hybrid/validate';
import { treeSource } from '../team-namespace/tree-source.js';
import { changedPaths, fakeGit, renderedTree, treeSnapshot as snapshot } from '../testing/tree-workspace.js';
import { teamRemoveGenerator } from './generator.js';

const CLUSTER = 'weu-prod';
const DEV_FILE = `apps/${CLUSTER}/teams/dev.yaml`;
const DEV_DIR = `gitops/clusters/${CLUSTER}/teams/dev`;
const DEV_GROUP = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';

let tree: Tree;
let logged: string[];
beforeEach(async () => {
  tree = await renderedTree(CLUSTER);
  logged = [];
  vi.spyOn(logger, 'info').mockImplementation((message: unknown) => void logged.push(String(message)));
});
afterEach(() => vi.restoreAllMocks());

describe('team-remove: removes the spec and prunes the rendered files', () => {
  it('GIVEN team dev WHEN removed THEN its file and generated folder go, the indexes and manifest drop it, and nothing else changes', async () => {
    const before = snapshot(tree);
    await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev' });
    const after = snapshot(tree);
    expect(tree.exists(DEV_FILE)).toBe(false);
    expect(tree.exists(DEV_DIR)).toBe(false);
    const index = parse(tree.read(`gitops/clusters/${CLUSTER}/teams/kustomization.yaml`, 'utf8')!) as { resources: string[] };
    expect(index.resources).toEqual(['checkout']);
    expect(Object.keys(JSON.parse(tree.read(manifestPath(CLUSTER), 'utf8')!).files).some((p) => p.startsWith(`${DEV_DIR}/`))).toBe(false);
    const changed = changedPaths(before, after);
    expect(changed.filter((p) => p.startsWith(`gitops/clusters/${CLUSTER}/teams/checkout/`))).toEqual([]);
    expect(changed).toContain(DEV_FILE);
  });

  it('writes exactly what the render target renders without the team (one code path), and it validates', async () => {
    await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev' });
    const spec = loadCluster(treeSource(tree), CLUSTER);
    expect(spec.teams.map((t) => t.name)).toEqual(['checkout']);
    const rendered = renderCluster(spec, loadServiceFleet(treeSource(tree), spec));
    for (const [path, content] of rendered) expect(tree.read(path, 'utf8'), path).toBe(content);
    expect(await validateRendered(rendered, spec)).toEqual([]);
  });

  it('prints the runbook of the irreversible steps, filled in from the spec, even before the callback (--dry-run), and writes no runbook file', async () => {
    await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev' });
    const text = logged.join('\n');
    expect(text).toContain('velero backup create offboard-dev --include-namespaces dev');
    expect(text).toContain('kubectl delete namespace dev');
    expect(text).toContain(`az role assignment delete --assignee ${DEV_GROUP} --scope /subscriptions/`);
    expect(text).toContain('object: Namespace/dev');
    expect(tree.exists('docs/offboarding')).toBe(false);
  });

  it('GIVEN --runbook THEN the runbook is written to docs/offboarding/<cluster>-<team>.md', async () => {
    const callback = await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev', runbook: true });
    await callback();
    const runbook = tree.read(`docs/offboarding/${CLUSTER}-dev.md`, 'utf8');
    expect(runbook).toMatch(/^# Offboarding team `dev` from `weu-prod`/);
    expect(runbook).toContain('kubectl delete namespace dev');
    expect(logged.join('\n')).toContain(`docs/offboarding/${CLUSTER}-dev.md`);
  });
});

describe('team-remove: idempotency and unknown teams', () => {
  it('GIVEN a removed team WHEN run again THEN nothing changes and it says the team is not there', async () => {
    await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev' });
    const before = snapshot(tree);
    logged = [];
    const callback = await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev' });
    expect(snapshot(tree)).toEqual(before);
    await callback();
    expect(logged).toEqual([`Team dev is not a team of ${CLUSTER} (teams: checkout); nothing to remove.`]);
  });

  it('GIVEN a team the cluster does not have THEN nothing is written and the message lists the teams', async () => {
    const before = snapshot(tree);
    const callback = await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'payments' });
    await callback();
    expect(snapshot(tree)).toEqual(before);
    expect(logged).toEqual([`Team payments is not a team of ${CLUSTER} (teams: checkout, dev); nothing to remove.`]);
  });
});

describe('team-remove: bad input writes nothing', () => {
  it.each([
    { name: 'an invalid name', options: { cluster: CLUSTER, name: 'Dev_Team' }, error: /"Dev_Team" is not a team name/ },
    { name: 'an unknown cluster', options: { cluster: 'sea-prod', name: 'dev' }, error: /--cluster "sea-prod" does not exist; clusters: neu-prod, weu-prod/ },
    {
      name: 'no cluster when there are several',
      options: { name: 'dev' },
      error: /--cluster is required when the repository has several clusters: neu-prod, weu-prod/,
    },
  ])('$name', async ({ options, error }) => {
    const before = snapshot(tree);
    await expect(teamRemoveGenerator(tree, options)).rejects.toThrow(error);
    expect(snapshot(tree)).toEqual(before);
  });

  it("GIVEN one of the team's generated files edited by hand THEN refused with the file named", async () => {
    const edited = `${DEV_DIR}/rbac.yaml`;
    tree.write(edited, `${tree.read(edited, 'utf8')}# hand edit\n`);
    const before = snapshot(tree);
    await expect(teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev' })).rejects.toThrow(
      new RegExp(`edited by hand.*\\n  - ${edited.replace(/[./]/g, '\\$&')}\\n`, 's'),
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('GIVEN --commit and another uncommitted change THEN refused before anything is written', async () => {
    const before = snapshot(tree);
    const { git } = fakeGit(' M README.md\0');
    await expect(teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev', commit: true }, { git })).rejects.toThrow(
      /uncommitted changes; nothing was written.*README\.md/s,
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('GIVEN --commit and the branch offboard/dev exists elsewhere THEN refused before anything is written', async () => {
    const before = snapshot(tree);
    const { git } = fakeGit('', '  offboard/dev\n');
    await expect(teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev', commit: true }, { git })).rejects.toThrow(
      /branch offboard\/dev already exists; nothing was written/,
    );
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('team-remove: --commit', () => {
  it('creates offboard/<team> and commits exactly the files this run changed, without pushing', async () => {
    const before = snapshot(tree);
    const { calls, git } = fakeGit();
    const callback = await teamRemoveGenerator(tree, { cluster: CLUSTER, name: 'dev', commit: true, runbook: true }, { git });
    expect(calls.map((c) => c.slice(0, 2))).toEqual([
      ['status', '--porcelain=v1'],
      ['branch', '--show-current'],
      ['branch', '--list'],
    ]);
    await callback();
    expect(calls).toContainEqual(['switch', '-c', 'offboard/dev']);
    const commit = calls.find((c) => c[0] === 'commit')!;
    const committed = commit.slice(commit.indexOf('--') + 1);
    expect(committed).toEqual(changedPaths(before, snapshot(tree)));
    expect(committed).toContain(DEV_FILE);
    expect(committed).toContain(`docs/offboarding/${CLUSTER}-dev.md`);
    expect(calls.some((c) => c[0] === 'push')).toBe(false);
  });
});
