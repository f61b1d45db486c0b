import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import type { CheckContext } from './context.js';

/**
 * The nil GUID matches the object-ID pattern but names no Entra object (RFC 9562 section 5.9: the
 * nil UUID is a special value with all bits zero, https://www.rfc-editor.org/rfc/rfc9562#section-5.9),
 * so a RoleBinding or role assignment to it would grant the team nothing.
 */
export const NIL_GUID = '00000000-0000-0000-0000-000000000000';

const isNil = (guid: string | undefined) => guid !== undefined && guid === NIL_GUID;

/** Entra group IDs: never the nil GUID; platform admin groups listed once. */
export function checkGroups(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const hint = 'use the object ID of a real Entra ID group: az ad group show --group <name> --query id';
  for (const { parsed, team } of ctx.teams) {
    if (isNil(team.spec.groupObjectId)) issues.push(issueAt(parsed, ['spec', 'groupObjectId'], `${NIL_GUID} is the nil GUID, not a group`, hint));
    if (isNil(team.spec.readOnlyGroupObjectId))
      issues.push(issueAt(parsed, ['spec', 'readOnlyGroupObjectId'], `${NIL_GUID} is the nil GUID, not a group`, hint));
  }
  const seen = new Map<string, number>();
  ctx.platform.spec.access.platformAdminGroupObjectIds.forEach((group, i) => {
    const path = ['spec', 'access', 'platformAdminGroupObjectIds', i];
    if (isNil(group)) issues.push(issueAt(ctx.platformFile, path, `${NIL_GUID} is the nil GUID, not a group`, hint));
    const first = seen.get(group.toLowerCase());
    // Both entries would render the same role assignment name (guid(cluster, group, role)): ARM rejects the template.
    if (first !== undefined)
      issues.push(issueAt(ctx.platformFile, path, `group ${group} is listed twice (also at index ${first})`, 'list each platform admin group once'));
    else seen.set(group.toLowerCase(), i);
  });
  return issues;
}

/**
 * Two teams bound to one Entra group: legal (the group's members get edit rights in both namespaces)
 * but usually a copy-paste slip, so it is a warning that names both teams.
 */
export function sharedGroupWarnings(ctx: CheckContext): SpecIssue[] {
  const warnings: SpecIssue[] = [];
  const owners = new Map<string, string>();
  for (const { parsed, team } of ctx.teams) {
    const group = team.spec.groupObjectId.toLowerCase();
    const other = owners.get(group);
    if (other === undefined) {
      owners.set(group, team.metadata.name);
      continue;
    }
    warnings.push(
      issueAt(
        parsed,
        ['spec', 'groupObjectId'],
        `teams "${other}" and "${team.metadata.name}" are bound to the same Entra group ${group}: its members can edit both namespaces`,
        'give each team its own group, unless one group really owns both namespaces',
      ),
    );
  }
  return warnings;
}
