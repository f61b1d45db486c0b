import { logger, type Tree } from '@nx/devkit';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadServiceFleet, renderCluster } from '@aks-hybrid/gitops';
import { loadCluster } from '@aks-hybrid/spec';
import { validateRendered } from '@aks-hybrid/validate';
import { treeSource } from '../team-namespace/tree-source.js';
import { changedPaths, fakeGit, renderedTree, treeSnapshot as snapshot } from '../testing/tree-workspace.js';
import { teamSourceGenerator } from './generator.js';

const CLUSTER = 'weu-prod';
const DEV_FILE = `apps/${CLUSTER}/teams/dev.yaml`;
const CHECKOUT_FILE = `apps/${CLUSTER}/teams/checkout.yaml`;
const DEV_DIR = `gitops/clusters/${CLUSTER}/teams/dev`;
const APP_URL = 'https://github.com/contoso/storefront-app';

type Obj = Record<string, any>;
const sourcesOf = (tree: Tree, file: string): Obj[] => (parse(tree.read(file, 'utf8')!) as Obj).spec.delivery?.sources ?? [];
const objectsOf = (tree: Tree, file: string): Obj[] =>
  tree
    .read(file, 'utf8')!
    .split(/^---$/m)
    .map((doc) => parse(doc) as Obj)
    .filter(Boolean);

let tree: Tree;
let logged: string[];
beforeEach(async () => {
  tree = await renderedTree(CLUSTER);
  logged = [];
  vi.spyOn(logger, 'info').mockImplementation((message: unknown) => void logged.push(String(message)));
});
afterEach(() => vi.restoreAllMocks());

describe('team-source: adds a source', () => {
  it('GIVEN team dev and a URL inside the allow-list THEN its file gains the source and its folder delivery.yaml, listed in its kustomization.yaml', async () => {
    const before = snapshot(tree);
    const callback = await teamSourceGenerator(tree, { cluster: CLUSTER, name: 'dev', sourceUrl: `${APP_URL}.git`, sourcePath: './deploy' });
    expect(sourcesOf(tree, DEV_FILE)).toEqual([{ name: 'storefront-app', git: { url: `${APP_URL}.git`, ref: { branch: 'main' }, path: './deploy' } }]);
    const objects = objectsOf(tree, `${DEV_DIR}/delivery.yaml`);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/flux-reconciler',
      'RoleBinding/flux-reconciler',
      'GitRepository/storefront-app',
      'Kustomization/storefront-app',
    ]);
    expect(objects[3]!.spec).toMatchObject({ serviceAccountName: 'flux-reconciler', targetNamespace: 'dev', path: './deploy' });
    expect((parse(tree.read(`${DEV_DIR}/kustomization.yaml`, 'utf8')!) as Obj).resources).toContain('delivery.yaml');
    const changed = changedPaths(before, snapshot(tree));
    expect(changed.filter((p) => p.startsWith(`gitops/clusters/${CLUSTER}/teams/checkout/`))).toEqual([]);
    await callback();
    expect(logged.join('\n')).toContain('flux get kustomizations -n dev');
  });

  it('writes exactly what the render target renders (one code path), and it validates', async () => {
    await teamSourceGenerator(tree, {
      cluster: CLUSTER,
      name: 'dev',
      sourceUrl: 'oci://acrcontosoweuprod.azurecr.io/dev/manifests',
      sourceRef: 'semver:>=1.0.0',
      secretRef: 'acr-dev',
    });
    const spec = loadCluster(treeSource(tree), CLUSTER);
    expect(spec.teams.find((t) => t.name === 'dev')!.delivery!.sources).toMatchObject([
      { kind: 'oci', name: 'manifests', ref: { semver: '>=1.0.0' }, credentials: { secretRef: 'acr-dev' } },
    ]);
    const rendered = renderCluster(spec, loadServiceFleet(treeSource(tree), spec));
    for (const [path, content] of rendered) expect(tree.read(path, 'utf8'), path).toBe(content);
    expect(await validateRendered(rendered, spec)).toEqual([]);
  });

  it("GIVEN a source of the same name THEN it is replaced in place, the file's comments kept", async () => {
    await teamSourceGenerator(tree, {
      cluster: CLUSTER,
      name: 'checkout',
      sourceUrl: 'https://github.com/contoso/checkout-app',
      sourceRef: 'tag:v2.0.0',
      sourcePath: './deploy',
      secretRef: 'checkout-app-git',
    });
    expect(sourcesOf(tree, CHECKOUT_FILE)).toEqual([
      {
        name: 'checkout-app',
        git: { url: 'https://github.com/contoso/checkout-app', ref: { tag: 'v2.0.0' }, path: './deploy' },
        credentials: { secretRef: 'checkout-app-git' },
      },
    ]);
    expect(tree.read(CHECKOUT_FILE, 'utf8')).toContain('# The team ships its app from its own repository');
  });

  it("GIVEN the source checkout's file already declares (in its own style, with comments) THEN nothing changes", async () => {
    const before = snapshot(tree);
    const callback = await teamSourceGenerator(tree, {
      cluster: CLUSTER,
      name: 'checkout',
      sourceUrl: 'https://github.com/contoso/checkout-app',
      sourcePath: './deploy',
      secretRef: 'checkout-app-git',
    });
    expect(snapshot(tree)).toEqual(before);
    await callback();
    expect(logged).toEqual(['Team checkout already delivers source checkout-app as asked; nothing changed.']);
  });

  it('GIVEN the same source twice THEN the second run changes nothing and says so', async () => {
    const options = { cluster: CLUSTER, name: 'dev', sourceUrl: APP_URL, sourceRef: 'commit:0123456789abcdef0123456789abcdef01234567' };
    await teamSourceGenerator(tree, options);
    const before = snapshot(tree);
    logged = [];
    const callback = await teamSourceGenerator(tree, options);
    expect(snapshot(tree)).toEqual(before);
    await callback();
    expect(logged).toEqual(['Team dev already delivers source storefront-app as asked; nothing changed.']);
  });
});

describe('team-source: bad input writes nothing', () => {
  it.each([
    {
      name: 'a URL outside the allow-list',
      options: { sourceUrl: 'https://gitlab.com/contoso/app' },
      error:
        /nothing was written.*dev\.yaml:\d+:\d+ spec\.delivery\.sources\[0\]\.git\.url: "https:\/\/gitlab\.com\/contoso\/app" is not in the platform's allow-list spec\.tenantSources\.git \(https:\/\/github\.com\/contoso\/\)/s,
    },
    { name: 'a look-alike organisation', options: { sourceUrl: 'https://github.com/contoso-evil/app' }, error: /allow-list/ },
    { name: 'a token in the URL', options: { sourceUrl: 'https://x:ghp_1@github.com/contoso/app' }, error: /user information/ },
    {
      name: 'an unknown team',
      options: { name: 'payments', sourceUrl: APP_URL },
      error: /team "payments" is not a team of weu-prod.*nx g team-namespace payments/,
    },
    { name: 'an invalid team name', options: { name: 'Dev_Team', sourceUrl: APP_URL }, error: /"Dev_Team" is not a team name/ },
    { name: 'no cluster when there are several', options: { cluster: undefined, sourceUrl: APP_URL }, error: /--cluster is required/ },
    { name: 'a URL without a scheme', options: { sourceUrl: 'github.com/contoso/app' }, error: /is not a repository URL/ },
    {
      name: 'an oci source without a ref',
      options: { sourceUrl: 'oci://acrcontosoweuprod.azurecr.io/dev/m' },
      error: /--sourceRef is required for an oci source/,
    },
    { name: 'a git ref of an oci kind', options: { sourceRef: 'digest:sha256:00' }, error: /follows one of branch:<value>/ },
    { name: 'an interval below 1m', options: { interval: '10s' }, error: /below the 1m minimum/ },
    { name: 'provider github without a secret', options: { provider: 'github' as const }, error: /--provider github needs --secretRef/ },
  ])('$name', async ({ options, error }) => {
    const before = snapshot(tree);
    await expect(teamSourceGenerator(tree, { cluster: CLUSTER, name: 'dev', sourceUrl: APP_URL, ...options })).rejects.toThrow(error);
    expect(snapshot(tree)).toEqual(before);
  });

  it('GIVEN --commit and another uncommitted change THEN refused before anything is written', async () => {
    const before = snapshot(tree);
    const { git } = fakeGit(' M README.md\0');
    await expect(teamSourceGenerator(tree, { cluster: CLUSTER, name: 'dev', sourceUrl: APP_URL, commit: true }, { git })).rejects.toThrow(
      /uncommitted changes; nothing was written.*README\.md/s,
    );
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('team-source: --commit', () => {
  it('creates delivery/<team>-<source> and commits exactly the files this run changed, without pushing', async () => {
    const before = snapshot(tree);
    const { calls, git } = fakeGit();
    const callback = await teamSourceGenerator(tree, { cluster: CLUSTER, name: 'dev', sourceUrl: APP_URL, commit: true }, { git });
    await callback();
    expect(calls).toContainEqual(['switch', '-c', 'delivery/dev-storefront-app']);
    const commit = calls.find((c) => c[0] === 'commit')!;
    expect(commit.slice(commit.indexOf('--') + 1)).toEqual(changedPaths(before, snapshot(tree)));
    expect(calls.some((c) => c[0] === 'push')).toBe(false);
  });
});
