import { describe, expect, it } from 'vitest';
import type { SpecIssue } from '../errors.js';
import type { ClusterSpec } from '../model.js';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';
import { NIL_GUID } from './groups.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const DEV = 'apps/weu-prod/teams/dev.yaml';
const CHECKOUT = 'apps/weu-prod/teams/checkout.yaml';
type Edits = Parameters<typeof exampleWith>[0];

const issuesOf = (edits: Edits): readonly SpecIssue[] => issuesOfExampleWith(edits);

describe('the nil GUID is not a group', () => {
  it.each([
    [DEV, ['spec', 'groupObjectId'], 'spec.groupObjectId'],
    [DEV, ['spec', 'readOnlyGroupObjectId'], 'spec.readOnlyGroupObjectId'],
    [PLATFORM, ['spec', 'access', 'platformAdminGroupObjectIds', 0], 'spec.access.platformAdminGroupObjectIds[0]'],
  ])('GIVEN the nil GUID in %s %j THEN refused at the field with file:line', (file, path, field) => {
    const issues = issuesOf({ [file]: [[path, NIL_GUID]] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file, path: field, message: `${NIL_GUID} is the nil GUID, not a group` });
    expect(issues[0]!.line).toBeGreaterThan(0);
    expect(issues[0]!.hint).toMatch(/az ad group show/);
  });

  it('GIVEN a GUID that merely starts with zeros THEN accepted', () => {
    expect(issuesOf({ [DEV]: [[['spec', 'groupObjectId'], '00000000-0000-4000-8000-000000000001']] })).toEqual([]);
  });
});

describe('platform admin groups', () => {
  it('GIVEN the same group twice THEN refused (two role assignments with one name)', () => {
    const group = 'aaaaaaaa-0000-4000-8000-000000000001';
    const issues = issuesOf({
      [PLATFORM]: [
        [
          ['spec', 'access', 'platformAdminGroupObjectIds'],
          [group, group.toUpperCase()],
        ],
      ],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      `spec.access.platformAdminGroupObjectIds[1]: group ${group.toUpperCase()} is listed twice (also at index 0)`,
    ]);
  });
});

/** The shared-group warnings only (the example also warns that dev's identity has no client ID yet). */
const groupWarnings = (spec: ClusterSpec) => (spec.warnings ?? []).filter((w) => w.path === 'spec.groupObjectId');

describe('two teams bound to one Entra group', () => {
  it('GIVEN checkout and dev on one group THEN the spec loads with a warning naming both teams', () => {
    const source = exampleWith({ [CHECKOUT]: [[['spec', 'groupObjectId'], '5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D']] });
    const warnings = groupWarnings(loadCluster(source, EXAMPLE_CLUSTER));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: DEV, path: 'spec.groupObjectId' });
    expect(warnings[0]!.message).toMatch(/teams "checkout" and "dev" are bound to the same Entra group 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d/);
    expect(warnings[0]!.line).toBeGreaterThan(0);
  });

  it('GIVEN teams with their own groups THEN no warnings', () => {
    expect(groupWarnings(loadCluster(exampleWith(), EXAMPLE_CLUSTER))).toEqual([]);
  });
});
