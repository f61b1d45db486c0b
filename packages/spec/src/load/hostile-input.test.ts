import { describe, expect, it } from 'vitest';
import { SpecError, type SpecIssue } from '../errors.js';
import { EXAMPLE_CLUSTER, exampleWith } from '../testing/example.js';
import { loadCluster } from './load-cluster.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const TEAMS = 'apps/weu-prod/teams';

type Edits = Parameters<typeof exampleWith>[0];

function outcome(edits: Edits): { issues: readonly SpecIssue[] } {
  try {
    loadCluster(exampleWith(edits), EXAMPLE_CLUSTER);
    return { issues: [] };
  } catch (error) {
    // Anything but a SpecError (a ReferenceError, a stack trace) fails the test here.
    if (error instanceof SpecError) return { issues: error.issues };
    throw error;
  }
}

/** A valid team file with `extra` appended under spec (two-space indented lines). */
function team(name: string, extra = ''): string {
  return `apiVersion: kit.aks-hybrid.dev/v1alpha1
kind: Team
metadata:
  name: ${name}
spec:
  groupObjectId: 11111111-2222-4333-8444-555555555555
  nodePool: general
  quota: { cpu: '1', memory: 1Gi, storage: 1Gi, pods: 10 }
${extra}`;
}

const BOMB = `
  labels: &l0 { a: b }
  x1: &l1 [*l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0, *l0]
  x2: &l2 [*l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1, *l1]
  x3: &l3 [*l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2, *l2]
  x4: &l4 [*l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3, *l3]
  x5: [*l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4, *l4]
`;

describe('an alias bomb ("billion laughs") in a team file', () => {
  it('GIVEN nested aliases THEN a SpecError names the file and the line of the first alias, not a raw ReferenceError', () => {
    const { issues } = outcome({ [`${TEAMS}/bomb.yaml`]: team('bomb', BOMB) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: `${TEAMS}/bomb.yaml`, line: 11 });
    expect(issues[0]!.message).toMatch(/expands its YAML aliases .* more than 100 times/);
    expect(issues[0]!.hint).toMatch(/write the values out/);
  });

  it('GIVEN one anchor used once THEN the file loads (aliases as such are allowed)', () => {
    const workload = `  workloads:
    - name: api
      image: acrcontosoweuprod.azurecr.io/t/api:1.0.0
      port: 8080
      replicas: { min: 2, max: 3 }
      resources:
        requests: &r { cpu: 100m, memory: 128Mi }
        limits: *r
`;
    const spec = loadCluster(exampleWith({ [`${TEAMS}/aliased.yaml`]: team('aliased', workload) }), EXAMPLE_CLUSTER);
    expect(spec.teams.find((t) => t.name === 'aliased')?.workloads[0]?.resources.limits).toEqual({ cpu: '100m', memory: '128Mi' });
  });
});

describe('YAML tags', () => {
  it.each([
    ['!custom', '  labels: { team: !custom payments }\n', /uses the YAML tag !custom/],
    ['!!binary', '  labels: { team: !!binary cGF5 }\n', /uses the YAML tag !!binary/],
    ['!!set', '  labels: !!set { team }\n', /uses the YAML tag !!set/],
  ])('GIVEN %s THEN it is refused with file:line', (_tag, extra, message) => {
    const { issues } = outcome({ [`${TEAMS}/tagged.yaml`]: team('tagged', extra) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: `${TEAMS}/tagged.yaml`, line: 9 });
    expect(issues[0]!.message).toMatch(message);
    expect(issues[0]!.hint).toMatch(/remove the tag/);
  });

  it('GIVEN the core tag !!str THEN it is accepted', () => {
    const spec = loadCluster(exampleWith({ [`${TEAMS}/tagged.yaml`]: team('tagged', '  labels: { team: !!str payments }\n') }), EXAMPLE_CLUSTER);
    expect(spec.teams.find((t) => t.name === 'tagged')?.labels).toEqual({ team: 'payments' });
  });
});

describe('unexpected entries under teams/', () => {
  it.each([
    [`${TEAMS}/x.json`, '{"apiVersion": "kit.aks-hybrid.dev/v1alpha1"}', `${TEAMS}/x.json`, /is not a team file/],
    [`${TEAMS}/notes.txt`, 'todo', `${TEAMS}/notes.txt`, /is not a team file/],
    [`${TEAMS}/sub/x.yaml`, team('x'), `${TEAMS}/sub`, /is a folder inside teams\//],
  ])('GIVEN %s THEN it is reported, not ignored', (path, content, file, message) => {
    const { issues } = outcome({ [path]: content });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe(file);
    expect(issues[0]!.message).toMatch(message);
  });

  it('GIVEN a .gitkeep THEN it is accepted', () => {
    expect(outcome({ [`${TEAMS}/.gitkeep`]: '' }).issues).toEqual([]);
  });
});

describe('duplicate keys and tabs', () => {
  it('GIVEN a key twice THEN the message names the key, the line and the column', () => {
    const { issues } = outcome({ [`${TEAMS}/dup.yaml`]: team('dup', '  nodePool: memory\n') });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: `${TEAMS}/dup.yaml`, line: 9, column: 3 });
    expect(issues[0]!.message).toMatch(/the key "nodePool" appears twice/);
  });

  it('GIVEN a tab as indentation THEN the message names the line and the column', () => {
    const { issues } = outcome({ [`${TEAMS}/tab.yaml`]: team('tab').replace('  nodePool: general', '\tnodePool: general') });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: `${TEAMS}/tab.yaml`, line: 7, column: 1 });
    expect(issues[0]!.message).toMatch(/a tab is used for indentation/);
  });
});

describe('a CIDR with host bits set gives one message, without follow-on errors', () => {
  it.each([
    [['spec', 'network', 'addressSpace', 0], 'spec.network.addressSpace[0]', 'did you mean 10.40.0.1/32 or 10.40.0.0/16?', '10.40.0.1/16'],
    [['spec', 'onPremises', 'ranges', 0], 'spec.onPremises.ranges[0]', 'did you mean 10.0.62.114/32 or 10.0.0.0/8?', '10.0.62.114/8'],
    [['spec', 'onPremises', 'ranges', 2], 'spec.onPremises.ranges[2]', 'did you mean 10.0.62.114/32 or 10.0.0.0/8?', '10.0.62.114/8'],
  ])('GIVEN %j THEN only the "did you mean" issue', (path, field, hint, value) => {
    const { issues } = outcome({ [PLATFORM]: [[path, value]] });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([`${field}: "${value}" has host bits set`]);
    expect(issues[0]!.hint).toBe(hint);
  });

  it('GIVEN a valid address space THEN a subnet outside it is still reported', () => {
    const { issues } = outcome({ [PLATFORM]: [[['spec', 'network', 'subnets', 'ingress'], '10.41.8.0/24']] });
    expect(issues.some((i) => i.path === 'spec.network.subnets.ingress' && /outside the VNet/.test(i.message))).toBe(true);
  });

  it('GIVEN valid on-premises ranges THEN team egress outside them is still reported', () => {
    const { issues } = outcome({ [`${TEAMS}/dev.yaml`]: [[['spec', 'egress', 0, 'cidrs', 0], '172.16.0.0/24']] });
    expect(issues.some((i) => /not inside the on-premises ranges/.test(i.message))).toBe(true);
  });
});
