import { describe, expect, it } from 'vitest';
import { aksVersionCalendar } from '@aks-hybrid/spec';
import { chooseSchemaVersion, listVendoredVersions } from './schema-version.js';
import { createSchemaValidator } from './validator.js';

describe('chooseSchemaVersion', () => {
  const sets = ['1.30', '1.32'];

  it('exact minor, with or without v and patch', () => {
    expect(chooseSchemaVersion(sets, '1.32')).toEqual({ schemaVersion: '1.32' });
    expect(chooseSchemaVersion(sets, 'v1.30.7')).toEqual({ schemaVersion: '1.30' });
  });

  it('defaults to the newest set', () => {
    expect(chooseSchemaVersion(sets)).toEqual({ schemaVersion: '1.32' });
  });

  it('a newer cluster uses the newest set, with a note', () => {
    const c = chooseSchemaVersion(sets, '1.35.0');
    expect(c.schemaVersion).toBe('1.32');
    expect(c.note).toMatch(/1\.35 is newer than the newest vendored schema set; validating against 1\.32/);
  });

  it('a gap between sets uses the older set, with a note', () => {
    expect(chooseSchemaVersion(sets, '1.31')).toMatchObject({ schemaVersion: '1.30', note: expect.stringContaining('1.31') });
  });

  it('an older cluster or an unreadable version is an error', () => {
    expect(() => chooseSchemaVersion(sets, '1.29')).toThrow(/1\.29 is older than every vendored schema set \(1\.30, 1\.32\)/);
    expect(() => chooseSchemaVersion(sets, 'latest')).toThrow(/Cannot read Kubernetes version "latest"/);
    expect(() => chooseSchemaVersion([], '1.32')).toThrow(/No vendored Kubernetes schema sets/);
  });

  it('compares minors numerically, not as text', () => {
    expect(chooseSchemaVersion(['1.9', '1.10'], '1.11').schemaVersion).toBe('1.10');
  });

  it('finds the vendored 1.32 and 1.35 sets', () => {
    expect(listVendoredVersions()).toEqual(expect.arrayContaining(['1.32', '1.35']));
  });
});

describe('the vendored sets and the AKS calendar (packages/spec/data/aks-kubernetes-versions.json)', () => {
  it('GIVEN the calendar THEN its oldest minor is the oldest vendored schema set: every version the spec accepts has a schema not newer than it', () => {
    const calendar = aksVersionCalendar();
    expect(calendar.versions[0]!.minor).toBe(listVendoredVersions()[0]);
    for (const v of calendar.versions) expect(() => chooseSchemaVersion(listVendoredVersions(), v.minor)).not.toThrow();
  });

  it('GIVEN every minor AKS supports on 2026-12-06 (1.35-1.37) THEN it validates against 1.35, exactly or as the newest set', () => {
    for (const minor of ['1.35', '1.36', '1.37']) expect(chooseSchemaVersion(listVendoredVersions(), minor).schemaVersion).toBe('1.35');
  });
});

describe('the 1.35 set schema-checks the admission policies (admissionregistration.k8s.io/v1)', () => {
  const v135 = createSchemaValidator({ kubernetesVersion: '1.35' });
  const policy = (spec: Record<string, unknown>) => ({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name: 'kit-test-001' },
    spec,
  });
  const valid = {
    failurePolicy: 'Fail',
    matchConstraints: { resourceRules: [{ apiGroups: ['apps'], apiVersions: ['v1'], operations: ['CREATE'], resources: ['deployments'] }] },
    validations: [{ expression: 'true' }],
  };

  it('GIVEN a well-formed ValidatingAdmissionPolicy and binding THEN no finding', () => {
    expect(v135.validateObject(policy(valid), { file: 'x.yaml' })).toEqual([]);
    const binding = {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: 'kit-test-001' },
      spec: { policyName: 'kit-test-001', validationActions: ['Deny'] },
    };
    expect(v135.validateObject(binding, { file: 'x.yaml' })).toEqual([]);
  });

  it('GIVEN a misspelt field or a validation without its expression THEN findings', () => {
    expect(v135.validateObject(policy({ ...valid, failurePolicyy: 'Fail' }), { file: 'x.yaml' }).length).toBeGreaterThan(0);
    expect(v135.validateObject(policy({ ...valid, validations: [{ message: 'no expression' }] }), { file: 'x.yaml' }).length).toBeGreaterThan(0);
  });
});
