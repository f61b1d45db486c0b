import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.js';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';
import { gitRefNameProblem, parseFluxDuration } from './tenant-delivery.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const CHECKOUT = 'apps/weu-prod/teams/checkout.yaml';
const DEV = 'apps/weu-prod/teams/dev.yaml';
type Edits = Record<string, Array<[Array<string | number>, unknown]>>;

const gitSource = (overrides: Record<string, unknown> = {}) => ({
  name: 'app',
  git: { url: 'https://github.com/contoso/app', ref: { branch: 'main' }, path: './deploy' },
  ...overrides,
});
/** Dev (no delivery in the example) with these sources. */
const devDelivers = (...sources: unknown[]): Edits => ({ [DEV]: [[['spec', 'delivery'], { sources }]] });
const issuesOf = (edits: Edits) => issuesOfExampleWith(edits);
const load = (edits: Edits = {}) => loadCluster(exampleWith(edits), EXAMPLE_CLUSTER);

describe('platform spec.tenantSources', () => {
  it('GIVEN the example THEN the allow-list is in the model; GIVEN none THEN empty lists, not undefined', () => {
    expect(load().tenantSources).toEqual({ git: ['https://github.com/contoso/'], oci: ['oci://acrcontosoweuprod.azurecr.io/'], helm: [] });
    const without = load({ [PLATFORM]: [[['spec', 'tenantSources'], undefined]], [CHECKOUT]: [[['spec', 'delivery'], undefined]] });
    expect(without.tenantSources).toEqual({ git: [], oci: [], helm: [] });
  });

  it.each([
    ['no trailing slash', 'git', 'https://github.com/contoso'],
    ['no scheme', 'git', 'github.com/contoso/'],
    ['http, not https', 'git', 'http://github.com/contoso/'],
    ['oci scheme in the git list', 'git', 'oci://acr.azurecr.io/'],
    ['https in the oci list', 'oci', 'https://acr.azurecr.io/'],
    ['no host', 'helm', 'https:///charts/'],
  ])('GIVEN a prefix with %s THEN refused by the schema at the entry', (_why, kind, prefix) => {
    const issues = issuesOf({ [PLATFORM]: [[['spec', 'tenantSources', kind, 0], prefix]] });
    expect(issues.map((i) => i.path)).toContain(`spec.tenantSources.${kind}[0]`);
    expect(issues.every((i) => i.file === PLATFORM)).toBe(true);
  });

  it('GIVEN a prefix with a ".." segment THEN refused; GIVEN ssh with a user THEN accepted', () => {
    expect(issuesOf({ [PLATFORM]: [[['spec', 'tenantSources', 'git', 0], 'https://github.com/contoso/../']] })[0]).toMatchObject({
      file: PLATFORM,
      path: 'spec.tenantSources.git[0]',
    });
    expect(issuesOf({ [PLATFORM]: [[['spec', 'tenantSources', 'git', 1], 'ssh://git@github.com/contoso/']] })).toEqual([]);
  });
});

describe('team spec.delivery', () => {
  it('GIVEN the example THEN checkout delivers its own repository, defaults applied', () => {
    const checkout = load().teams.find((t) => t.name === 'checkout')!;
    expect(checkout.delivery).toEqual({
      sources: [
        {
          kind: 'git',
          name: 'checkout-app',
          url: 'https://github.com/contoso/checkout-app',
          ref: { branch: 'main' },
          path: './deploy',
          interval: '5m',
          timeout: '5m',
          prune: true,
          dependsOn: [],
          credentials: { secretRef: 'checkout-app-git', provider: 'generic' },
        },
      ],
    });
    expect(load().teams.find((t) => t.name === 'dev')!.delivery).toBeUndefined();
  });

  it('GIVEN git, oci and helm sources inside the allow-lists THEN accepted and normalised by kind', () => {
    const edits: Edits = {
      [PLATFORM]: [[['spec', 'tenantSources', 'helm'], ['https://charts.contoso.example/']]],
      ...devDelivers(
        gitSource({ interval: '10m', prune: false }),
        { name: 'bundle', oci: { url: 'oci://acrcontosoweuprod.azurecr.io/dev/bundle', ref: { semver: '>=1.0.0' } }, dependsOn: ['app'] },
        { name: 'cache', helm: { repository: 'https://charts.contoso.example/stable', chart: 'redis', version: '19.x', values: { replicas: 2 } } },
        { name: 'oci-chart', helm: { repository: 'oci://acrcontosoweuprod.azurecr.io/charts', chart: 'web', version: '1.0.0' }, dependsOn: ['cache'] },
      ),
    };
    expect(issuesOf(edits)).toEqual([]);
    const sources = load(edits).teams.find((t) => t.name === 'dev')!.delivery!.sources;
    expect(sources.map((s) => [s.kind, s.name, s.interval, s.prune])).toEqual([
      ['git', 'app', '10m', false],
      ['oci', 'bundle', '5m', true],
      ['helm', 'cache', '5m', true],
      ['helm', 'oci-chart', '5m', true],
    ]);
    expect(sources[1]).toMatchObject({ ref: { semver: '>=1.0.0' }, path: './', dependsOn: ['app'] });
    expect(sources[2]).toMatchObject({ repository: { url: 'https://charts.contoso.example/stable', type: 'default' }, values: { replicas: 2 } });
    expect(sources[3]).toMatchObject({ repository: { type: 'oci' } });
  });

  it('GIVEN a URL outside the allow-list THEN refused at the url, naming the allow-list and how to extend it', () => {
    const issues = issuesOf(devDelivers(gitSource({ git: { url: 'https://gitlab.com/contoso/app', ref: { branch: 'main' } } })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: DEV, path: 'spec.delivery.sources[0].git.url' });
    expect(issues[0]!.line).toBeGreaterThan(0);
    expect(issues[0]!.message).toContain("platform's allow-list spec.tenantSources.git (https://github.com/contoso/)");
    expect(issues[0]!.hint).toContain(`to spec.tenantSources.git in ${PLATFORM}`);
  });

  it.each([
    ['a look-alike organisation', 'https://github.com/contoso-evil/app'],
    ['a look-alike host', 'https://github.com.evil.example/contoso/app'],
    ['a dot-dot escape', 'https://github.com/contoso/../evil/app'],
  ])('GIVEN %s THEN refused', (_why, url) => {
    const issues = issuesOf(devDelivers(gitSource({ git: { url, ref: { branch: 'main' } } })));
    expect(issues.map((i) => i.path)).toContain('spec.delivery.sources[0].git.url');
  });

  it('GIVEN an https URL with a token in it THEN refused: a credential in git', () => {
    const issues = issuesOf(devDelivers(gitSource({ git: { url: 'https://x:ghp_secret@github.com/contoso/app', ref: { branch: 'main' } } })));
    expect(issues.map((i) => i.message).join('\n')).toContain('user information');
  });

  it('GIVEN a helm repository over oci:// THEN judged against the oci list; over https with no helm list THEN refused', () => {
    expect(issuesOf(devDelivers({ name: 'c', helm: { repository: 'oci://acrcontosoweuprod.azurecr.io/charts', chart: 'web', version: '1.0.0' } }))).toEqual([]);
    const issues = issuesOf(devDelivers({ name: 'c', helm: { repository: 'https://charts.bitnami.com/bitnami', chart: 'redis', version: '1.0.0' } }));
    expect(issues[0]).toMatchObject({ path: 'spec.delivery.sources[0].helm.repository' });
    expect(issues[0]!.message).toContain('spec.tenantSources.helm (empty)');
  });

  it.each([
    ['no kind', { name: 'app' }, 'spec.delivery.sources[0]', 'exactly one of git, oci or helm (it has none)'],
    [
      'two kinds',
      { ...gitSource(), oci: { url: 'oci://acrcontosoweuprod.azurecr.io/x', ref: { tag: '1' } } },
      'spec.delivery.sources[0]',
      'it has git and oci',
    ],
    [
      'two git refs',
      gitSource({ git: { url: 'https://github.com/contoso/app', ref: { branch: 'main', tag: 'v1' } } }),
      'spec.delivery.sources[0].git.ref',
      'it names branch and tag',
    ],
    ['no oci ref', { name: 'b', oci: { url: 'oci://acrcontosoweuprod.azurecr.io/x', ref: {} } }, 'spec.delivery.sources[0].oci.ref', 'it names none'],
    ['an interval below 1m', gitSource({ interval: '30s' }), 'spec.delivery.sources[0].interval', 'below the 1m minimum'],
    ['a timeout above 1h', gitSource({ timeout: '2h' }), 'spec.delivery.sources[0].timeout', 'above the 1h maximum'],
    ['provider azure', gitSource({ credentials: { provider: 'azure' } }), 'spec.delivery.sources[0].credentials.provider', 'provider azure is refused'],
    [
      'provider github on oci',
      { name: 'b', oci: { url: 'oci://acrcontosoweuprod.azurecr.io/x', ref: { tag: '1' } }, credentials: { provider: 'github', secretRef: 's' } },
      'spec.delivery.sources[0].credentials.provider',
      'for git sources',
    ],
    ['provider github without a secret', gitSource({ credentials: { provider: 'github' } }), 'spec.delivery.sources[0].credentials', 'needs a secretRef'],
    [
      'ssh without a deploy key',
      gitSource({ git: { url: 'ssh://git@github.com/contoso/app', ref: { branch: 'main' } } }),
      'spec.delivery.sources[0].credentials',
      'needs a deploy key',
    ],
    ['depends on itself', gitSource({ dependsOn: ['app'] }), 'spec.delivery.sources[0].dependsOn[0]', 'depends on itself'],
    ['depends on an unknown source', gitSource({ dependsOn: ['nope'] }), 'spec.delivery.sources[0].dependsOn[0]', 'not a source of this team'],
    [
      'values above 4 KiB',
      { name: 'c', helm: { repository: 'oci://acrcontosoweuprod.azurecr.io/c', chart: 'c', version: '1', values: { blob: 'x'.repeat(5000) } } },
      'spec.delivery.sources[0].helm.values',
      'above 4096',
    ],
  ])('GIVEN %s THEN refused at the field', (_why, source, path, message) => {
    // The platform also allows ssh:// for these cases, so that only the rule under test can refuse.
    const edits: Edits = { ...devDelivers(source), [PLATFORM]: [[['spec', 'tenantSources', 'git', 1], 'ssh://git@github.com/contoso/']] };
    const issues = issuesOf(edits);
    const hit = issues.find((i) => i.path === path);
    expect(hit, JSON.stringify(issues)).toBeDefined();
    expect(hit!.file).toBe(DEV);
    expect(hit!.message).toContain(message);
  });

  it('GIVEN an interval that is not a Flux duration THEN refused by the schema', () => {
    expect(issuesOf(devDelivers(gitSource({ interval: '5 minutes' }))).map((i) => i.path)).toContain('spec.delivery.sources[0].interval');
  });

  it('GIVEN two sources of one name THEN the second is refused', () => {
    const issues = issuesOf(devDelivers(gitSource(), gitSource()));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'spec.delivery.sources[1].name' });
  });

  it('GIVEN a dependsOn cycle THEN each source of it is refused; GIVEN a chain THEN accepted', () => {
    const a = gitSource({ name: 'a', dependsOn: ['b'] });
    const b = gitSource({ name: 'b', dependsOn: ['a'] });
    expect(issuesOf(devDelivers(a, b)).map((i) => i.path)).toEqual(['spec.delivery.sources[0].dependsOn', 'spec.delivery.sources[1].dependsOn']);
    expect(issuesOf(devDelivers(gitSource({ name: 'a' }), gitSource({ name: 'b', dependsOn: ['a'] })))).toEqual([]);
  });

  it('GIVEN a git source depending on a helm source THEN refused: Flux orders only like with like', () => {
    const issues = issuesOf(
      devDelivers({ name: 'c', helm: { repository: 'oci://acrcontosoweuprod.azurecr.io/c', chart: 'c', version: '1' } }, gitSource({ dependsOn: ['c'] })),
    );
    expect(issues[0]).toMatchObject({ path: 'spec.delivery.sources[1].dependsOn[0]' });
  });

  it('GIVEN a helm source whose release name (<team>-<name>) would pass 53 characters THEN refused at the name; a shorter name THEN accepted', () => {
    const longTeam = 'checkout-and-payments-europe';
    const helmSource = (name: string) => ({ name, helm: { repository: 'oci://acrcontosoweuprod.azurecr.io/c', chart: 'c', version: '1' } });
    const issuesIn = (name: string) => {
      const base = exampleWith({
        [CHECKOUT]: [
          [['metadata', 'name'], longTeam],
          [['spec', 'delivery', 'sources', 1], helmSource(name)],
        ],
      });
      const renamed = {
        ...base,
        list: (dir: string) => base.list(dir).map((f) => f.replace('checkout.yaml', `${longTeam}.yaml`)),
        read: (file: string) => base.read(file.replace(`${longTeam}.yaml`, 'checkout.yaml')),
      };
      try {
        loadCluster(renamed, EXAMPLE_CLUSTER);
        return [];
      } catch (error) {
        if (error instanceof SpecError) return error.issues.filter((i) => i.path.startsWith('spec.delivery'));
        throw error;
      }
    };
    const issues = issuesIn('a'.repeat(30));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'spec.delivery.sources[1].name' });
    expect(issues[0]!.message).toContain('(59 characters)');
    expect(issuesIn('a'.repeat(24))).toEqual([]);
  });

  it('GIVEN a workload named flux-reconciler THEN refused, whether or not the team delivers', () => {
    const issues = issuesOf({ [DEV]: [[['spec', 'workloads', 0, 'name'], 'flux-reconciler']] });
    expect(issues.find((i) => i.path === 'spec.workloads[0].name')?.message).toContain('reserved');
  });

  it('GIVEN the reconciler among the federated ServiceAccounts THEN refused', () => {
    const issues = issuesOf({
      [CHECKOUT]: [
        [
          ['spec', 'azureIdentity', 'serviceAccounts'],
          ['checkout-api', 'flux-reconciler'],
        ],
      ],
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: CHECKOUT, path: 'spec.azureIdentity.serviceAccounts[1]' });
  });

  it('GIVEN the platform removes the allow-list THEN the delivering team is refused (the platform has the last word)', () => {
    const issues = issuesOf({ [PLATFORM]: [[['spec', 'tenantSources'], undefined]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: CHECKOUT, path: 'spec.delivery.sources[0].git.url' });
  });
});

describe('git ref names and source paths', () => {
  // Each case was checked against git itself (`git branch <name>`), both ways.
  it.each(['main', 'release/1.4', 'v1.4.2', 'feature/JIRA-12_fix', 'a;b', '@'])('GIVEN the ref name %s THEN git accepts it and so does the kit', (name) => {
    expect(gitRefNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['main; rm -rf /', /space/],
    ['main..dev', /"\.\."/],
    ['feature/', /ends with "\/"/],
    ['/main', /starts or ends/],
    ['a//b', /"\/\/"/],
    ['.hidden', /starts with "\."/],
    ['x.lock', /\.lock/],
    ['v1.', /ends with "\."/],
    ['a@{1}', /"@\{"/],
    ['what?', /\?/],
  ])('GIVEN the ref name %s THEN refused with the reason', (name, reason) => {
    expect(gitRefNameProblem(name)).toMatch(reason);
  });

  it('GIVEN a branch git refuses THEN the spec names the field, line and what to do', () => {
    const issues = issuesOf(devDelivers(gitSource({ git: { url: 'https://github.com/contoso/app', ref: { branch: 'main; rm -rf /' } } })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: DEV, path: 'spec.delivery.sources[0].git.ref.branch' });
    expect(issues[0]!.line).toBeGreaterThan(0);
    expect(issues[0]!.message).toContain('is not a valid git ref name');
    expect(issues[0]!.hint).toContain('git branch');
  });

  it('GIVEN a tag git accepts THEN no issue', () => {
    expect(issuesOf(devDelivers(gitSource({ git: { url: 'https://github.com/contoso/app', ref: { tag: 'v1.4.2' } } })))).toEqual([]);
  });

  it.each([
    ['git', { git: { url: 'https://github.com/contoso/app', ref: { branch: 'main' }, path: '../../etc' } }],
    ['oci', { oci: { url: 'oci://acrcontosoweuprod.azurecr.io/dev/bundle', ref: { tag: '1.0.0' }, path: './deploy/../../x' } }],
  ])('GIVEN a %s source path with ".." THEN refused at the path', (kind, source) => {
    const issues = issuesOf(devDelivers({ name: 'app', ...source }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: DEV, path: `spec.delivery.sources[0].${kind}.path` });
    expect(issues[0]!.message).toContain('has a ".." segment');
  });

  it('GIVEN a nested folder path THEN accepted', () => {
    expect(issuesOf(devDelivers(gitSource({ git: { url: 'https://github.com/contoso/app', ref: { branch: 'main' }, path: './deploy/prod' } })))).toEqual([]);
  });
});

describe('parseFluxDuration', () => {
  it.each([
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['500ms', 500],
  ])('%s is %d ms', (text, ms) => expect(parseFluxDuration(text)).toBe(ms));
  it.each(['', '5', 'm', '5 m', '5d'])('"%s" does not parse', (text) => expect(parseFluxDuration(text)).toBeUndefined());
});
