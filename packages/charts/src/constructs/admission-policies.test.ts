import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import { CEL_RULES, evaluatePolicies } from '@aks-hybrid/validate';
import { TENANT_LABEL } from '../labels.js';
import { synthClusterManifests } from '../synth.js';
import { allObjects, exampleCluster, fileOf, type Obj } from '../test-support.js';
import { AdmissionPolicies } from './admission-policies.js';

/** The cluster's objects per file, as the gate reads them (no Bicep: the Azure rules are the landing zone's). */
function rendered(spec: ClusterSpec): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const unit of synthClusterManifests(spec)) for (const file of unit.files) out.set(`gitops/clusters/${spec.name}/${unit.dir ? `${unit.dir}/` : ''}${file.name}`, [...file.objects]);
  return out;
}

const gate = (spec: ClusterSpec) => evaluatePolicies({ objects: rendered(spec) }, spec);

function withWorkloadImage(spec: ClusterSpec, team: string, workload: string, image: string, exceptions: Team['policyExceptions'] = []): ClusterSpec {
  return {
    ...spec,
    teams: spec.teams.map((t) =>
      t.name !== team ? t : { ...t, workloads: t.workloads.map((w) => (w.name === workload ? { ...w, image } : w)), policyExceptions: [...t.policyExceptions, ...exceptions] },
    ),
  };
}

describe('AdmissionPolicies', () => {
  const spec = exampleCluster();

  it('GIVEN the example cluster THEN infrastructure/admission-policies.yaml holds a policy and a binding per CEL rule', () => {
    const unit = synthClusterManifests(spec).find((u) => u.dir === 'infrastructure')!;
    const objects = fileOf(unit, 'admission-policies.yaml');
    expect(objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy').map((o) => o.metadata.labels['kit.aks-hybrid.dev/policy-rule'])).toEqual(CEL_RULES.map((r) => r.id));
    expect(objects.filter((o) => o.kind === 'ValidatingAdmissionPolicyBinding')).toHaveLength(CEL_RULES.length);
    for (const o of objects) expect(o.apiVersion).toBe('admissionregistration.k8s.io/v1');
  });

  it('THEN tenant policies select exactly the label the team namespaces carry', () => {
    const objects = allObjects(synthClusterManifests(spec));
    const selectors = objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy' && o.spec.matchConstraints.namespaceSelector).map((o) => o.spec.matchConstraints.namespaceSelector);
    expect(selectors.length).toBeGreaterThan(0);
    for (const s of selectors) expect(s).toEqual({ matchLabels: { [TENANT_LABEL]: 'true' } });
    const teamNamespaces = objects.filter((o) => o.kind === 'Namespace' && spec.teams.some((t) => t.name === o.metadata.name));
    expect(teamNamespaces).toHaveLength(spec.teams.length);
    for (const ns of teamNamespaces) expect(ns.metadata.labels[TENANT_LABEL]).toBe('true');
    // The only other Namespace is the ingress controllers' (the add-on's), which tenant rules must not judge.
    const others = objects.filter((o) => o.kind === 'Namespace' && !teamNamespaces.includes(o));
    expect(others.map((o) => [o.metadata.name, o.metadata.labels?.[TENANT_LABEL]])).toEqual([[spec.ingress.controllerNamespace, undefined]]);
  });

  it('GIVEN a plain cdk8s chart THEN the construct renders the same objects through Chart.toJson()', () => {
    const chart = new Chart(new App(), 'test');
    const construct = new AdmissionPolicies(chart, 'Policies', { spec });
    expect(construct.policies).toHaveLength(CEL_RULES.length);
    const viaCdk8s = chart.toJson() as Obj[];
    const viaKit = fileOf(synthClusterManifests(spec).find((u) => u.dir === 'infrastructure')!, 'admission-policies.yaml');
    expect(viaCdk8s).toEqual(viaKit);
  });
});

describe('the policy gate over the in-memory render', () => {
  it('GIVEN the example cluster rendered by the charts THEN the gate finds nothing', async () => {
    const report = await gate(exampleCluster());
    expect(report.findings).toEqual([]);
    expect(report.exceptions).toEqual([]);
  });

  it('GIVEN a team workload image from a public registry THEN the gate fails it, naming the image, the object and the file', async () => {
    const report = await gate(withWorkloadImage(exampleCluster(), 'dev', 'storefront', 'docker.io/library/nginx:1.27'));
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
    const spec = withWorkloadImage(exampleCluster(), 'dev', 'storefront', 'docker.io/library/nginx:1.27', [{ rule: 'KIT-IMG-001', object: 'Deployment/storefront', reason }]);
    const report = await gate(spec);
    expect(report.findings).toEqual([]);
    expect(report.exceptions).toEqual([{ rule: 'KIT-IMG-001', object: 'Deployment dev/storefront', reason, file: 'apps/weu-prod/teams/dev.yaml' }]);
    const policy = allObjects(synthClusterManifests(spec)).find((o) => o.kind === 'ValidatingAdmissionPolicy' && o.metadata.name === 'kit-img-001')!;
    expect(policy.spec.matchConditions).toEqual([expect.objectContaining({ name: 'kit-policy-exceptions', expression: expect.stringContaining("request.name == 'storefront'") })]);
  });
});
