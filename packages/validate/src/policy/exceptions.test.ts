import { describe, expect, it } from 'vitest';
import { EXCEPTION_RULE } from '@aks-hybrid/policy';
import { exampleSpec, exampleTree, gate, objectIn, pod, REASON, withPlatformException, withTeamException } from '../testing/policy-gate.js';

describe('exceptions from the spec', () => {
  it('GIVEN an exception for an object that passes its rule THEN it is a stale-exception finding in the spec file', async () => {
    const spec = withTeamException(exampleSpec(), 'dev', 'KIT-IMG-001', 'Deployment/storefront');
    const report = await gate(exampleTree(), spec);
    expect(report.exceptions).toEqual([]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: EXCEPTION_RULE,
        file: 'apps/weu-prod/teams/dev.yaml',
        object: 'Deployment dev/storefront',
        message: expect.stringMatching(/waives nothing/),
      }),
    ]);
  });

  it('GIVEN an exception for an object that does not exist THEN it is stale too', async () => {
    const spec = withTeamException(exampleSpec(), 'dev', 'KIT-NS-005', 'Namespace/dev');
    const spec2 = withPlatformException(spec, 'KIT-AZ-003', 'registries/oldRegistry');
    const { findings } = await gate(exampleTree(), spec2);
    expect(findings.map((f) => `${f.rule} ${f.object}`).sort()).toEqual(['policy-exception Namespace dev', 'policy-exception registries oldRegistry']);
  });

  it.each([
    ['an unknown rule', 'KIT-FOO-001', 'Deployment/storefront', /there is no rule KIT-FOO-001/],
    ['a cluster-scoped object of the platform', 'KIT-RBAC-004', 'ClusterRoleBinding/kit-platform-admins', /only waive rules for objects of its namespace/],
    ['another namespace', 'KIT-NS-005', 'Namespace/checkout', /only waive rules for objects of its namespace/],
  ])('GIVEN a team exception for %s THEN it is a finding and waives nothing', async (_, rule, object, message) => {
    const tree = exampleTree();
    const spec = withTeamException(exampleSpec(), 'dev', rule, object);
    const { findings, exceptions } = await gate(tree, spec);
    expect(exceptions).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({ rule: EXCEPTION_RULE, file: 'apps/weu-prod/teams/dev.yaml', message: expect.stringMatching(message) }),
    ]);
  });

  it('GIVEN an exception in one team file THEN it does not cover the same name in another team', async () => {
    const tree = exampleTree();
    pod(objectIn(tree, 'Deployment', 'checkout', 'ledger')).containers[0].image = 'docker.io/library/postgres:16';
    const spec = withTeamException(exampleSpec(), 'dev', 'KIT-IMG-001', 'Deployment/ledger');
    const { findings } = await gate(tree, spec);
    expect(findings.map((f) => `${f.rule} ${f.object}`).sort()).toEqual(['KIT-IMG-001 Deployment checkout/ledger', 'policy-exception Deployment dev/ledger']);
  });

  it('GIVEN a platform exception for a namespaced object THEN Kind/namespace/name covers it', async () => {
    const tree = exampleTree();
    pod(objectIn(tree, 'Deployment', 'dev', 'storefront')).containers[0].image = 'docker.io/library/nginx:1.27';
    const report = await gate(tree, withPlatformException(exampleSpec(), 'KIT-IMG-001', 'Deployment/dev/storefront'));
    expect(report.findings).toEqual([]);
    expect(report.exceptions).toEqual([{ rule: 'KIT-IMG-001', object: 'Deployment dev/storefront', reason: REASON, file: 'apps/weu-prod/platform.yaml' }]);
  });
});
