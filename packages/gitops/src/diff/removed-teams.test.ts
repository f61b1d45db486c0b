import { beforeAll, describe, expect, it } from 'vitest';
import { OFFBOARD_STATEFUL_TEAM } from '@aks-hybrid/policy';
import { diffClusterOutputs } from './diff-cluster.js';
import { diffJson } from './format-json.js';
import { formatDiffMarkdown } from './format-markdown.js';
import { CLUSTER, DEV_TEAM, exampleSide, PLATFORM, teamFile, type Side } from '../testing/diff-sides.js';
import type { ClusterDiff, DeclaredPolicyException } from './types.js';

const RULE = OFFBOARD_STATEFUL_TEAM.id;
const ARCHIVE = `apps/${CLUSTER}/teams/archive.yaml`;
/** A team whose quota allows no claims: nothing in its files says it holds data. */
const statelessTeam = teamFile('archive', '1a2b3c4d-5f4e-4d3c-8b2a-1f0e9d8c7b6a', '2', '10.10.70.0/24').replace(
  'persistentVolumeClaims: 10',
  'persistentVolumeClaims: 0',
);

let base: Side;
let withoutDev: Side;
beforeAll(() => {
  base = exampleSide();
  withoutDev = exampleSide({ [DEV_TEAM]: undefined });
});

const diff = (from: Side | Map<string, string>, to: Side, policyExceptions: DeclaredPolicyException[] = []): ClusterDiff =>
  diffClusterOutputs(from instanceof Map ? from : from.files, to.files, { cluster: CLUSTER, base: 'origin/main', policyExceptions });
const exception = (object: string): DeclaredPolicyException => ({
  rule: RULE,
  object,
  reason: 'PVCs backed up to vault bv-weu-prod (TICKET-456)',
  file: PLATFORM,
});

describe(`${RULE}: removing a team that may hold data`, () => {
  it('GIVEN the dev team removed, whose quota lets it create claims, THEN it is a finding naming the quota, and the comment shows it', () => {
    const d = diff(base, withoutDev);
    expect(d.findings.map((f) => `${f.rule} ${f.object}`)).toEqual([`${RULE} Namespace dev`]);
    const [finding] = d.findings;
    expect(finding!.file).toBe(`gitops/clusters/${CLUSTER}/teams/dev/namespace.yaml`);
    expect(finding!.evidence.join('\n')).toMatch(/ResourceQuota team-quota lets the team create up to 20 PersistentVolumeClaims, 500Gi of storage/);
    expect(finding!.hint).toContain('Namespace/dev');
    expect(formatDiffMarkdown([d])).toContain(`**[${RULE}]** \`Namespace dev\``);
    expect(JSON.parse(diffJson([d])).clusters[0].findings[0].rule).toBe(RULE);
  });

  it('GIVEN a platform exception for Namespace/dev with a reason THEN nothing blocks, and the waiver is shown with its reason', () => {
    const d = diff(base, withoutDev, [exception('Namespace/dev')]);
    expect(d.findings).toEqual([]);
    expect(d.waived).toEqual([{ rule: RULE, object: 'Namespace dev', reason: 'PVCs backed up to vault bv-weu-prod (TICKET-456)', exceptionFile: PLATFORM }]);
    expect(formatDiffMarkdown([d])).toContain('waived by `apps/weu-prod/platform.yaml`, reason: PVCs backed up');
  });

  it.each([
    ['another team', exception('Namespace/checkout')],
    ['another rule', { ...exception('Namespace/dev'), rule: 'KIT-IMG-001' }],
  ])('GIVEN an exception for %s THEN it does not waive the removal of dev', (_, e) => {
    expect(diff(base, withoutDev, [e]).findings.map((f) => f.object)).toEqual(['Namespace dev']);
  });

  it('GIVEN a team whose quota caps claims at 0 removed THEN there is no finding', () => {
    const before = exampleSide({ [ARCHIVE]: statelessTeam });
    const d = diff(before, base);
    expect(d.objects.removed.some((o) => o.kind === 'Namespace' && o.name === 'archive')).toBe(true);
    expect(d.findings).toEqual([]);
  });

  it('GIVEN that team had a StatefulSet with volume claim templates in its files THEN its removal is a finding again', () => {
    const before = exampleSide({ [ARCHIVE]: statelessTeam });
    const files = new Map(before.files);
    files.set(
      `gitops/clusters/${CLUSTER}/teams/archive/statefulset-db.yaml`,
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: { name: db, namespace: archive }\nspec:\n  volumeClaimTemplates:\n    - metadata: { name: data }\n',
    );
    const d = diff(files, base);
    expect(d.findings.map((f) => f.object)).toEqual(['Namespace archive']);
    expect(d.findings[0]!.evidence).toEqual([`StatefulSet db with volume claim templates data (gitops/clusters/${CLUSTER}/teams/archive/statefulset-db.yaml)`]);
  });

  it('GIVEN a change that keeps every team THEN there is no finding', () => {
    const d = diff(base, exampleSide({ [DEV_TEAM]: [[['spec', 'quota', 'cpu'], '40']] }));
    expect(d.status).toBe('changed');
    expect(d.findings).toEqual([]);
  });
});
