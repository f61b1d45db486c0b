import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadServiceFleet, manifestPath, renderCluster } from '@aks-hybrid/gitops';
import { loadCluster } from '@aks-hybrid/spec';
import { validateRendered } from '@aks-hybrid/validate';
import { teamNamespaceGenerator, type GeneratorDependencies } from './generator.js';
import { treeSource } from './tree-source.js';
import { committedTree, REPO, treeSnapshot as snapshot } from '../testing/tree-workspace.js';

const CLUSTER = 'weu-prod';
const GUID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const offline: GeneratorDependencies = {
  lookupGroup: async () => {
    throw new Error('no network in this test');
  },
};

let tree: Tree;
beforeEach(() => {
  tree = committedTree(CLUSTER);
});

describe('team-namespace: happy path', () => {
  it('GIVEN a name and a group WHEN generated THEN the team file and its manifests are written, indexed and valid', async () => {
    const callback = await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID }, offline);
    const teamFile = parse(tree.read(`apps/${CLUSTER}/teams/analytics.yaml`, 'utf8')!);
    expect(teamFile.metadata.name).toBe('analytics');
    expect(teamFile.spec).toMatchObject({ groupObjectId: GUID, nodePool: 'general', quota: { cpu: '8', memory: '32Gi', storage: '100Gi', pods: 100 } });

    const teamDir = `gitops/clusters/${CLUSTER}/teams/analytics`;
    expect(tree.children(teamDir).sort()).toEqual(['kustomization.yaml', 'namespace.yaml', 'network-policies.yaml', 'rbac.yaml']);
    const index = parse(tree.read(`gitops/clusters/${CLUSTER}/teams/kustomization.yaml`, 'utf8')!) as { resources: string[] };
    expect(index.resources).toEqual(['analytics', 'checkout', 'dev']);
    const namespace = parse(tree.read(`${teamDir}/namespace.yaml`, 'utf8')!.split('\n---\n')[0]!);
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(JSON.parse(tree.read(manifestPath(CLUSTER), 'utf8')!).files[`${teamDir}/rbac.yaml`]).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof callback).toBe('function');
  });

  it('writes exactly what the render target renders (one code path), and it validates', async () => {
    await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID }, offline);
    const spec = loadCluster(treeSource(tree), CLUSTER);
    const rendered = renderCluster(spec, loadServiceFleet(treeSource(tree), spec));
    for (const [path, content] of rendered) expect(tree.read(path, 'utf8'), path).toBe(content);
    expect(await validateRendered(rendered, spec)).toEqual([]);
  });

  it('takes quota defaults from the chosen pool', async () => {
    await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'cache', groupObjectId: GUID, nodePool: 'memory', cpu: '4' }, offline);
    const team = parse(tree.read(`apps/${CLUSTER}/teams/cache.yaml`, 'utf8')!);
    // E16ds_v5: 8 GiB per vCPU.
    expect(team.spec).toMatchObject({ nodePool: 'memory', quota: { cpu: '4', memory: '32Gi' } });
  });

  it('resolves --group through the lookup and records the group name next to the ID', async () => {
    const asked: string[][] = [];
    await teamNamespaceGenerator(
      tree,
      { cluster: CLUSTER, name: 'analytics', group: 'Team-Analytics' },
      {
        lookupGroup: async (name, tenant) => {
          asked.push([name, tenant]);
          return GUID;
        },
      },
    );
    // The lookup signs in to the cluster's own tenant.
    expect(asked).toEqual([['Team-Analytics', '0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b']]);
    expect(tree.read(`apps/${CLUSTER}/teams/analytics.yaml`, 'utf8')).toContain(`groupObjectId: ${GUID} # Team-Analytics`);
  });
});

describe('team-namespace: idempotency', () => {
  it('GIVEN a generated team WHEN run again with the same options THEN nothing changes', async () => {
    await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID }, offline);
    const before = snapshot(tree);
    await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID }, offline);
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('team-namespace: bad input writes nothing', () => {
  it.each([
    { name: 'an invalid name', options: { cluster: CLUSTER, name: 'Team_A', groupObjectId: GUID }, error: /not a valid team name/ },
    { name: 'a reserved name', options: { cluster: CLUSTER, name: 'kube-tools', groupObjectId: GUID }, error: /reserved: names starting with "kube-"/ },
    { name: 'flux-system', options: { cluster: CLUSTER, name: 'flux-system', groupObjectId: GUID }, error: /"flux-system" is a system namespace/ },
    {
      name: 'a duplicate team',
      options: { cluster: CLUSTER, name: 'dev', groupObjectId: GUID },
      error: /team "dev" already exists in apps\/weu-prod\/teams\/dev.yaml with other settings/,
    },
    {
      name: 'an unknown cluster',
      options: { name: 'analytics', groupObjectId: GUID, cluster: 'sea-prod' },
      error: /--cluster "sea-prod" does not exist; clusters: neu-prod, weu-prod/,
    },
    {
      name: 'an unknown pool',
      options: { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID, nodePool: 'gpu' },
      error: /--nodePool "gpu" is not a user pool of weu-prod; user pools: general, memory, storage/,
    },
    {
      name: 'a malformed GUID',
      options: { cluster: CLUSTER, name: 'analytics', groupObjectId: 'Namespace-DEV' },
      error: /--groupObjectId "Namespace-DEV" is not an object ID/,
    },
    { name: 'no group at all', options: { cluster: CLUSTER, name: 'analytics' }, error: /--groupObjectId .* or --group .* is required/ },
    {
      name: 'both group options',
      options: { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID, group: 'X' },
      error: /either --groupObjectId or --group, not both/,
    },
    {
      name: 'a quota the pool cannot hold',
      options: { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID, cpu: '500' },
      error: /exceed what it offers at max scale/,
    },
  ])('$name', async ({ options, error }) => {
    const before = snapshot(tree);
    await expect(teamNamespaceGenerator(tree, options, offline)).rejects.toThrow(error);
    expect(snapshot(tree)).toEqual(before);
  });

  it('refuses to guess the cluster when there are several', async () => {
    const before = snapshot(tree);
    await expect(teamNamespaceGenerator(tree, { name: 'analytics', groupObjectId: GUID }, offline)).rejects.toThrow(
      /--cluster is required when the repository has several clusters: neu-prod, weu-prod/,
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('passes on a failed group lookup (unknown or ambiguous name) and writes nothing', async () => {
    const before = snapshot(tree);
    await expect(
      teamNamespaceGenerator(
        tree,
        { cluster: CLUSTER, name: 'analytics', group: 'Team' },
        {
          lookupGroup: async () => {
            throw new Error('group name "Team" is ambiguous: Team-A (1...), Team-B (2...)');
          },
        },
      ),
    ).rejects.toThrow(/ambiguous/);
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('team-namespace: --commit', () => {
  it('creates onboard/<team> and commits exactly the files written', async () => {
    const calls: string[][] = [];
    const git = (args: string[]) => {
      calls.push(args);
      return args[0] === 'branch' && args[1] === '--show-current' ? 'main\n' : '';
    };
    const callback = await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID, commit: true }, { ...offline, git });
    // Checked before anything is written: the working tree, the current branch, the branch to create.
    expect(calls.map((c) => c.slice(0, 2))).toEqual([
      ['status', '--porcelain=v1'],
      ['branch', '--show-current'],
      ['branch', '--list'],
    ]);
    await callback();
    expect(calls[3]).toEqual(['switch', '-c', 'onboard/analytics']);
    const commit = calls.find((c) => c[0] === 'commit')!;
    const committed = commit.slice(commit.indexOf('--') + 1);
    expect(committed).toContain(`apps/${CLUSTER}/teams/analytics.yaml`);
    expect(committed).toContain(`gitops/clusters/${CLUSTER}/teams/analytics/namespace.yaml`);
    expect(committed).toContain(`gitops/clusters/${CLUSTER}/teams/kustomization.yaml`);
    expect(committed).not.toContain(`gitops/clusters/${CLUSTER}/teams/dev/namespace.yaml`);
    expect(calls.some((c) => c[0] === 'push')).toBe(false);
  });
});

describe('team-namespace: --cpu and --memory as kubectl takes them', () => {
  it.each([
    { cpu: 16, expected: '16' },
    { cpu: 0.5, expected: '0.5' },
    { cpu: '500m', expected: '500m' },
    { cpu: '2', expected: '2' },
  ])('GIVEN --cpu $cpu THEN the quota is $expected', async ({ cpu, expected }) => {
    await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'data', groupObjectId: GUID, nodePool: 'memory', cpu }, offline);
    expect(parse(tree.read(`apps/${CLUSTER}/teams/data.yaml`, 'utf8')!).spec.quota.cpu).toBe(expected);
  });

  it('GIVEN --memory as plain bytes (a number) THEN it is written as a quantity string', async () => {
    await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'data', groupObjectId: GUID, cpu: 2, memory: 8589934592 }, offline);
    expect(parse(tree.read(`apps/${CLUSTER}/teams/data.yaml`, 'utf8')!).spec.quota).toMatchObject({ cpu: '2', memory: '8589934592' });
  });

  it.each([
    { cpu: 'lots', error: /--cpu "lots" is not a CPU quantity: use cores like 16 or 0.5, or millicores like 500m/ },
    { cpu: -1, error: /--cpu "-1" is not a CPU quantity/ },
    { cpu: 0, error: /--cpu "0" is not a CPU quantity/ },
    { cpu: 1e21, error: /--cpu "1e\+21" is not a CPU quantity/ },
    { cpu: '2Gi', error: /--cpu "2Gi" is not a CPU quantity/ },
  ])('GIVEN --cpu $cpu THEN refused, nothing written', async ({ cpu, error }) => {
    const before = snapshot(tree);
    await expect(teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'data', groupObjectId: GUID, cpu }, offline)).rejects.toThrow(error);
    expect(snapshot(tree)).toEqual(before);
  });

  it("GIVEN the README's `--cpu 16` as Nx parses it (a number) THEN Nx's own schema validation accepts it", async () => {
    // Nx validates options against schema.json before it calls the generator; this is the check
    // that said "'16' should be a 'string'". Its module is internal to nx, so it is loaded by path.
    const requireFromRepo = createRequire(join(REPO, 'package.json'));
    const params = requireFromRepo(join(dirname(requireFromRepo.resolve('nx/package.json')), 'dist/src/utils/params.js')) as {
      validateOptsAgainstSchema(opts: Record<string, unknown>, schema: unknown): void;
    };
    const schemaJson = JSON.parse(readFileSync(join(import.meta.dirname, 'schema.json'), 'utf8'));
    expect(() => params.validateOptsAgainstSchema({ name: 'data', cpu: 16, memory: '64Gi' }, schemaJson)).not.toThrow();
    expect(() => params.validateOptsAgainstSchema({ name: 'data', cpu: 0.5 }, schemaJson)).not.toThrow();
    expect(() => params.validateOptsAgainstSchema({ name: 'data', cpu: '500m' }, schemaJson)).not.toThrow();
    expect(() => params.validateOptsAgainstSchema({ name: 'data', cpu: true }, schemaJson)).toThrow(/should be a 'string,number'/);
  });
});

describe('team-namespace: hand-edited generated files', () => {
  it("GIVEN another team's generated file edited by hand THEN refused with the file named, nothing written", async () => {
    const edited = `gitops/clusters/${CLUSTER}/teams/dev/namespace.yaml`;
    tree.write(edited, `${tree.read(edited, 'utf8')}# hand edit\n`);
    const before = snapshot(tree);
    await expect(teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID }, offline)).rejects.toThrow(
      new RegExp(`edited by hand since the last render.*\\n  - ${edited.replace(/[./]/g, '\\$&')}\\n.*move the change into apps/`, 's'),
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('GIVEN generated files as the kit wrote them THEN onboarding proceeds', async () => {
    await teamNamespaceGenerator(tree, { cluster: CLUSTER, name: 'analytics', groupObjectId: GUID }, offline);
    expect(tree.exists(`apps/${CLUSTER}/teams/analytics.yaml`)).toBe(true);
  });
});
