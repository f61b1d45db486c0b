import { describe, expect, it } from 'vitest';
import { RULE_IDS } from './catalogue.js';
import { declaredExceptions, declaredPolicyExceptions, exceptionTerm, formatPolicyExceptions } from './exceptions.js';
import { parseExceptionObject } from './object-ref.js';
import { exampleSpec, REASON, withPlatformException, withTeamException } from './testing/example.js';

describe('exceptions declared in the spec', () => {
  it('GIVEN the same exception twice THEN the second is a finding', () => {
    const spec = withTeamException(withTeamException(exampleSpec(), 'dev', 'KIT-IMG-001', 'Deployment/a'), 'dev', 'KIT-IMG-001', 'Deployment/a');
    const set = declaredExceptions(spec, RULE_IDS);
    expect(set.valid).toHaveLength(1);
    expect(set.problems.map((p) => p.message)).toEqual([expect.stringMatching(/declared twice/)]);
  });

  it('declaredPolicyExceptions and formatPolicyExceptions: what kit render prints', () => {
    const spec = withPlatformException(
      withTeamException(exampleSpec(), 'dev', 'KIT-IMG-001', 'Deployment/legacy-api'),
      'KIT-RBAC-004',
      'ClusterRoleBinding/ci-readers',
    );
    expect(formatPolicyExceptions(declaredPolicyExceptions(spec))).toEqual([
      `KIT-IMG-001 Deployment dev/legacy-api — reason: ${REASON} (apps/weu-prod/teams/dev.yaml)`,
      `KIT-RBAC-004 ClusterRoleBinding ci-readers — reason: ${REASON} (apps/weu-prod/platform.yaml)`,
    ]);
  });
});

describe('exception objects and terms', () => {
  it.each([
    ['Deployment/api', 'dev', { kind: 'Deployment', namespace: 'dev', name: 'api' }],
    ['Namespace/dev', 'dev', { kind: 'Namespace', name: 'dev' }],
    ['Deployment/shop/api', undefined, { kind: 'Deployment', namespace: 'shop', name: 'api' }],
    ['ClusterRoleBinding/system:ci', undefined, { kind: 'ClusterRoleBinding', name: 'system:ci' }],
    ['registries/registry', undefined, { kind: 'registries', name: 'registry' }],
  ])('parseExceptionObject(%s, team %s)', (text, team, ref) => {
    expect(parseExceptionObject(text, team)).toEqual(ref);
  });

  it.each([['Deployment'], ['Deployment//api'], ['a/b/c/d']])('parseExceptionObject rejects %s', (text) => {
    expect(parseExceptionObject(text)).toHaveProperty('error');
  });

  it('GIVEN quotes in a name THEN the CEL term escapes them', () => {
    expect(exceptionTerm({ kind: 'ClusterRoleBinding', name: "o'brien" })).toBe("(request.kind.kind == 'ClusterRoleBinding' && request.name == 'o\\'brien')");
  });
});
