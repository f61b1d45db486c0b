import { describe, expect, it } from 'vitest';
import { SpecError, type SpecIssue } from '../errors.js';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const DEV = 'apps/weu-prod/teams/dev.yaml';
const CHECKOUT = 'apps/weu-prod/teams/checkout.yaml';
type Edits = Record<string, Array<[Array<string | number>, unknown]>>;

const issuesOf = (edits: Edits): readonly SpecIssue[] => issuesOfExampleWith(edits);
const load = (edits: Edits = {}) => loadCluster(exampleWith(edits), EXAMPLE_CLUSTER);

describe('team azureIdentity', () => {
  it('GIVEN the example THEN checkout federates the ServiceAccount it names, dev those of its workloads, and only checkout reads its own vault', () => {
    const spec = load();
    const team = (name: string) => spec.teams.find((t) => t.name === name)!;
    expect(team('checkout').azureIdentity).toEqual({
      name: 'id-weu-prod-checkout',
      serviceAccounts: ['checkout-api'],
      clientId: '00000000-0000-4000-a000-0000000c0de1',
      keyVault: 'kv-weu-prod-checkout',
    });
    expect(team('dev').azureIdentity).toEqual({ name: 'id-weu-prod-dev', serviceAccounts: ['storefront', 'catalog-cache'] });
    expect(spec.keyVault).toEqual({
      mode: 'per-team',
      rotationPollInterval: '2m',
      softDeleteRetentionInDays: 90,
      vaults: [{ name: 'kv-weu-prod-checkout', teams: ['checkout'] }],
    });
  });

  it('GIVEN shared mode THEN one vault, read by every team that asks', () => {
    const spec = load({ [PLATFORM]: [[['spec', 'keyVault', 'mode'], 'shared']], [DEV]: [[['spec', 'azureIdentity', 'keyVault'], true]] });
    expect(spec.keyVault!.vaults).toEqual([{ name: 'kv-weu-prod', teams: ['checkout', 'dev'] }]);
    for (const team of spec.teams) expect(team.azureIdentity!.keyVault).toBe('kv-weu-prod');
  });

  it('GIVEN a recorded client ID THEN the model carries it (lowercase)', () => {
    const spec = load({ [DEV]: [[['spec', 'azureIdentity', 'clientId'], 'AAAAAAAA-2222-4333-8444-555555555555']] });
    expect(spec.teams.find((t) => t.name === 'dev')!.azureIdentity!.clientId).toBe('aaaaaaaa-2222-4333-8444-555555555555');
  });

  it('GIVEN a team with no workloads and no ServiceAccounts THEN refused at azureIdentity, saying what to list', () => {
    const issues = issuesOf({ [DEV]: [[['spec', 'workloads'], undefined]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: DEV, path: 'spec.azureIdentity' });
    expect(issues[0]!.message).toContain('names no ServiceAccount');
    expect(issues[0]!.line).toBeGreaterThan(0);
  });

  it('GIVEN 20 ServiceAccounts THEN accepted; 21 THEN refused (Entra ID: 20 federated credentials per identity)', () => {
    const accounts = (n: number) => Array.from({ length: n }, (_, i) => `sa-${i}`);
    expect(issuesOf({ [DEV]: [[['spec', 'azureIdentity', 'serviceAccounts'], accounts(20)]] })).toEqual([]);
    const issues = issuesOf({ [DEV]: [[['spec', 'azureIdentity', 'serviceAccounts'], accounts(21)]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: DEV, path: 'spec.azureIdentity.serviceAccounts' });
  });

  it('GIVEN keyVault on a team but no spec.keyVault on the platform THEN refused at the team field, naming the platform file', () => {
    const issues = issuesOf({ [PLATFORM]: [[['spec', 'keyVault'], undefined]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: CHECKOUT, path: 'spec.azureIdentity.keyVault' });
    expect(issues[0]!.message).toContain(`${PLATFORM} has no spec.keyVault`);
  });

  it('GIVEN a per-team vault name above 24 characters THEN refused with what to do; the same team in shared mode THEN accepted', () => {
    const longTeam = 'checkout-and-payments';
    const rename: Edits = { [CHECKOUT]: [[['metadata', 'name'], longTeam]] };
    const source = (edits: Edits) => {
      const base = exampleWith(edits);
      return {
        ...base,
        list: (dir: string) => base.list(dir).map((f) => f.replace('checkout.yaml', `${longTeam}.yaml`)),
        read: (file: string) => base.read(file.replace(`${longTeam}.yaml`, 'checkout.yaml')),
      };
    };
    const issuesIn = (edits: Edits) => {
      try {
        loadCluster(source(edits), EXAMPLE_CLUSTER);
        return [];
      } catch (error) {
        if (error instanceof SpecError) return error.issues;
        throw error;
      }
    };
    const issues = issuesIn(rename);
    expect(issues.map((i) => i.message).join('\n')).toContain('"kv-weu-prod-checkout-and-payments", whose name is 33 characters');
    expect(issuesIn({ ...rename, [PLATFORM]: [[['spec', 'keyVault', 'mode'], 'shared']] }).filter((i) => i.path === 'spec.azureIdentity.keyVault')).toEqual([]);
  });

  it.each([
    ['an unknown mode', ['spec', 'keyVault', 'mode'], 'both'],
    ['a poll interval without unit', ['spec', 'keyVault', 'rotationPollInterval'], '120'],
    ['a retention below 7 days', ['spec', 'keyVault', 'softDeleteRetentionInDays'], 6],
    ['a retention above 90 days', ['spec', 'keyVault', 'softDeleteRetentionInDays'], 91],
  ])('GIVEN %s THEN refused at the field', (_name, path, value) => {
    const issues = issuesOf({ [PLATFORM]: [[path, value]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe(path.join('.'));
  });

  it('GIVEN a malformed client ID THEN refused at the field', () => {
    expect(issuesOf({ [DEV]: [[['spec', 'azureIdentity', 'clientId'], 'not-a-guid']] })[0]).toMatchObject({ path: 'spec.azureIdentity.clientId' });
  });
});

/** `count` minimal teams sharing one Entra group, each with an identity and a Key Vault. */
function teamsWithVaults(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    files[`apps/weu-prod/teams/t${i}.yaml`] = `apiVersion: kit.aks-hybrid.dev/v1alpha1
kind: Team
metadata: { name: t${i} }
spec:
  groupObjectId: 00000000-0000-4000-8000-000000000001
  nodePool: storage
  quota: { cpu: 1m, memory: 1Mi, storage: 1Mi, pods: 1 }
  azureIdentity: { serviceAccounts: [app], keyVault: true }
`;
  }
  return files;
}

describe('ARM limit: modules of main.bicep (800 resources in one deployment)', () => {
  const issuesIn = (files: Record<string, string>, platform: Array<[Array<string | number>, unknown]> = []) => {
    try {
      loadCluster(exampleWith({ ...files, [PLATFORM]: platform }), EXAMPLE_CLUSTER);
      return [];
    } catch (error) {
      if (error instanceof SpecError) return error.issues;
      throw error;
    }
  };

  // 18 fixed modules + checkout (identity + vault) + dev (identity) = 21; each extra team adds 2.
  it('GIVEN 389 more teams with an identity and a per-team vault (799 modules) THEN accepted; 390 (801) THEN refused at the team that passes 800', () => {
    expect(issuesIn(teamsWithVaults(389))).toEqual([]);
    const issues = issuesIn(teamsWithVaults(390));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'spec.azureIdentity', file: expect.stringMatching(/teams\/t\d+\.yaml$/) });
    expect(issues[0]!.message).toContain('main.bicep deploys 801 modules');
    expect(issues[0]!.hint).toContain('keyVault.mode shared');
  });

  it('GIVEN the same 390 teams and a shared vault THEN accepted (one vault for all)', () => {
    expect(issuesIn(teamsWithVaults(390), [[['spec', 'keyVault', 'mode'], 'shared']])).toEqual([]);
  });
});

describe('a team identity whose client ID is not recorded yet', () => {
  const pending = (edits: Edits = {}) => (load(edits).warnings ?? []).filter((w) => w.path === 'spec.azureIdentity');

  it('GIVEN the example THEN dev (no clientId) gets a warning with file, line and what to record; checkout (recorded) none', () => {
    const warnings = pending();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      file: DEV,
      message: expect.stringMatching(/team "dev" has an Azure identity whose client ID is not recorded/),
      hint: expect.stringContaining('teamIdentityClientIds'),
    });
    expect(warnings[0]!.line).toBeGreaterThan(0);
  });

  it('GIVEN dev records its client ID THEN the warning goes away', () => {
    expect(pending({ [DEV]: [[['spec', 'azureIdentity', 'clientId'], '11111111-2222-4333-8444-555555555555']] })).toEqual([]);
  });
});
