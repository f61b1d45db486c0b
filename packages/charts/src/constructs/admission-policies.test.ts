import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { CEL_RULES } from '@aks-hybrid/policy';
import { TENANT_LABEL } from '../labels.js';
import { synthClusterManifests } from '../synth.js';
import { allObjects, exampleCluster, fileOf, type Obj } from '../testing/example-cluster.js';
import { AdmissionPolicies } from './admission-policies.js';

describe('AdmissionPolicies', () => {
  const spec = exampleCluster();

  it('GIVEN the example cluster THEN infrastructure/admission-policies.yaml holds a policy and a binding per CEL rule', () => {
    const unit = synthClusterManifests(spec).find((u) => u.dir === 'infrastructure')!;
    const objects = fileOf(unit, 'admission-policies.yaml');
    expect(objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy').map((o) => o.metadata.labels['kit.aks-hybrid.dev/policy-rule'])).toEqual(
      CEL_RULES.map((r) => r.id),
    );
    expect(objects.filter((o) => o.kind === 'ValidatingAdmissionPolicyBinding')).toHaveLength(CEL_RULES.length);
    for (const o of objects) expect(o.apiVersion).toBe('admissionregistration.k8s.io/v1');
  });

  it('THEN tenant policies select exactly the label the team namespaces carry', () => {
    const objects = allObjects(synthClusterManifests(spec));
    const tenantRules = new Set(CEL_RULES.filter((r) => r.scope === 'tenant-namespaces').map((r) => r.id));
    const policies = objects.filter((o) => o.kind === 'ValidatingAdmissionPolicy');
    const selectors = policies
      .filter((o) => tenantRules.has(o.metadata.labels['kit.aks-hybrid.dev/policy-rule']))
      .map((o) => o.spec.matchConstraints.namespaceSelector);
    expect(selectors.length).toBe(tenantRules.size);
    for (const s of selectors) expect(s).toEqual({ matchLabels: { [TENANT_LABEL]: 'true' } });
    // Platform-namespace rules (KIT-FLUX-001) select every namespace but the tenants'.
    const platform = policies.filter((o) => o.spec.matchConstraints.namespaceSelector?.matchExpressions).map((o) => o.spec.matchConstraints.namespaceSelector);
    for (const s of platform) expect(s).toEqual({ matchExpressions: [{ key: TENANT_LABEL, operator: 'NotIn', values: ['true'] }] });
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
