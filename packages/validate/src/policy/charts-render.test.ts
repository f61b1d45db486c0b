// The gate over what the charts render in memory (no Bicep: the Azure rules are the landing zone's).
import { synthClusterManifests } from '@aks-hybrid/charts';
import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { exampleSpec, type Obj } from '../testing/policy-gate.js';
import { evaluatePolicies } from './evaluate-policies.js';

const allObjects = (units: ReturnType<typeof synthClusterManifests>): Obj[] => units.flatMap((u) => u.files.flatMap((f) => [...f.objects] as Obj[]));

/** The cluster's objects per file, as the gate reads them (no Bicep: the Azure rules are the landing zone's). */
function rendered(spec: ClusterSpec): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const unit of synthClusterManifests(spec))
    for (const file of unit.files) out.set(`gitops/clusters/${spec.name}/${unit.dir ? `${unit.dir}/` : ''}${file.name}`, [...file.objects]);
  return out;
}

const gate = (spec: ClusterSpec) => evaluatePolicies({ objects: rendered(spec) }, spec);

function withWorkloadImage(spec: ClusterSpec, team: string, workload: string, image: string, exceptions: Team['policyExceptions'] = []): ClusterSpec {
  return {
    ...spec,
    teams: spec.teams.map((t) =>
      t.name !== team
        ? t
        : { ...t, workloads: t.workloads.map((w) => (w.name === workload ? { ...w, image } : w)), policyExceptions: [...t.policyExceptions, ...exceptions] },
    ),
  };
}

describe('the policy gate over the in-memory render', () => {
  it('GIVEN the example cluster rendered by the charts THEN the gate finds nothing', async () => {
    const report = await gate(exampleSpec());
    expect(report.findings).toEqual([]);
    expect(report.exceptions).toEqual([]);
  });

  it('GIVEN a team workload image from a public registry THEN the gate fails it, naming the image, the object and the file', async () => {
    const report = await gate(withWorkloadImage(exampleSpec(), 'dev', 'storefront', 'docker.io/library/nginx:1.27'));
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'KIT-IMG-001',
        object: 'Deployment dev/storefront',
        file: 'gitops/clusters/weu-prod/teams/dev/workload-storefront.yaml',
        message: expect.stringContaining('docker.io/library/nginx:1.27'),
      }),
    ]);
  });

  it('AND WITH a reasoned exception in the team file THEN it passes, the reason is reported and the API server policy skips that Deployment', async () => {
    const reason = 'Vendor image, mirrored into our registry by Q3 (TICKET-42)';
    const spec = withWorkloadImage(exampleSpec(), 'dev', 'storefront', 'docker.io/library/nginx:1.27', [
      { rule: 'KIT-IMG-001', object: 'Deployment/storefront', reason },
    ]);
    const report = await gate(spec);
    expect(report.findings).toEqual([]);
    expect(report.exceptions).toEqual([{ rule: 'KIT-IMG-001', object: 'Deployment dev/storefront', reason, file: 'apps/weu-prod/teams/dev.yaml' }]);
    const policy = allObjects(synthClusterManifests(spec)).find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.name === 'kit-img-001')!;
    expect(policy.spec.matchConditions).toEqual([
      expect.objectContaining({ name: 'kit-policy-exceptions', expression: expect.stringContaining("request.name == 'storefront'") }),
    ]);
  });
});
