import { celStringList } from '../cel-literals.js';
import type { CelRule } from '../types.js';

/** ClusterRoles a team RoleBinding may reference: read-only and free of wildcards and escalation verbs. */
export const TEAM_BINDABLE_CLUSTER_ROLES = ['view'] as const;

/** Verbs that let a holder gain rights it was not given (or act as someone else). */
const ESCALATION_VERBS = ['escalate', 'bind', 'impersonate'];

export const rbacRules: readonly CelRule[] = [
  {
    id: 'KIT-RBAC-001',
    title: 'Team Roles grant no wildcard verbs, API groups or resources',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: ['Role'],
    hint: 'list the verbs, API groups and resources the team needs; the kit renders the Role team-edit for team members',
    rationale: 'A wildcard grants whatever a future API or CRD adds to the namespace, which nobody reviewed.',
    variables: () => [
      { name: 'rules', expression: 'has(object.rules) ? object.rules : []' },
      { name: 'wildcardVerbs', expression: "variables.rules.exists(r, '*' in r.verbs)" },
      { name: 'wildcardGroups', expression: "variables.rules.exists(r, has(r.apiGroups) && '*' in r.apiGroups)" },
      // Also `pods/*`: a subresource wildcard.
      { name: 'wildcardResources', expression: "variables.rules.exists(r, has(r.resources) && r.resources.exists(x, x.contains('*')))" },
    ],
    validations: () => [
      {
        expression: '!variables.wildcardVerbs && !variables.wildcardGroups && !variables.wildcardResources',
        message: 'a team Role grants a wildcard ("*") verb, API group or resource',
      },
    ],
  },
  {
    id: 'KIT-RBAC-002',
    title: 'Team Roles grant no escalate, bind or impersonate, nor ServiceAccount tokens',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: ['Role'],
    hint: 'remove the verbs escalate, bind and impersonate, and create on serviceaccounts/token',
    rationale: 'escalate and bind let a holder grant rights it does not have; impersonate and minting ServiceAccount tokens let it act as another identity.',
    validations: () => [
      {
        expression: `!has(object.rules) || object.rules.all(r, !r.verbs.exists(v, v in ${celStringList(ESCALATION_VERBS)}))`,
        message: 'a team Role grants escalate, bind or impersonate',
      },
      {
        expression:
          "!has(object.rules) || object.rules.all(r, !(has(r.resources) && 'serviceaccounts/token' in r.resources && r.verbs.exists(v, v == 'create' || v == '*')))",
        message: 'a team Role may mint ServiceAccount tokens (create on serviceaccounts/token), which is impersonation by another name',
      },
    ],
  },
  {
    id: 'KIT-RBAC-003',
    title: 'Team RoleBindings bind a Role of the namespace or the ClusterRole view',
    severity: 'high',
    engine: 'cel',
    scope: 'tenant-namespaces',
    kinds: ['RoleBinding'],
    hint: `bind a Role of the namespace (the kit's team-edit) or the ClusterRole ${TEAM_BINDABLE_CLUSTER_ROLES.join(' or ')}`,
    rationale:
      'A RoleBinding to a ClusterRole grants that role in the namespace; the built-in admin, edit and cluster-admin roles hold impersonate, bind or wildcards.',
    validations: () => [
      {
        expression: `object.roleRef.kind == 'Role' || (object.roleRef.kind == 'ClusterRole' && object.roleRef.name in ${celStringList(TEAM_BINDABLE_CLUSTER_ROLES)})`,
        message: `a team RoleBinding may bind a Role of its namespace or the ClusterRole ${TEAM_BINDABLE_CLUSTER_ROLES.join(', ')}`,
        messageExpression: `'the RoleBinding binds ' + object.roleRef.kind + ' ' + object.roleRef.name + '; team bindings may bind a Role of the namespace or the ClusterRole ${TEAM_BINDABLE_CLUSTER_ROLES.join(', ')}'`,
      },
    ],
  },
  {
    id: 'KIT-RBAC-004',
    title: 'Only the platform admin groups are bound cluster-wide',
    severity: 'high',
    engine: 'cel',
    scope: 'applied-by-flux',
    kinds: ['ClusterRoleBinding'],
    hint: 'bind teams with RoleBindings in their namespace; cluster-wide bindings are for spec.access.platformAdminGroupObjectIds',
    rationale: 'A ClusterRoleBinding reaches every namespace, present and future; only the platform admins may hold one.',
    variables: (v) => [
      { name: 'platformAdminGroups', expression: celStringList(v.platformAdminGroups) },
      { name: 'subjects', expression: 'has(object.subjects) ? object.subjects : []' },
      { name: 'notAdmins', expression: "variables.subjects.filter(s, !(s.kind == 'Group' && s.name in variables.platformAdminGroups))" },
    ],
    validations: () => [
      {
        expression: 'size(variables.notAdmins) == 0',
        message: 'a ClusterRoleBinding binds a subject that is not a platform admin group',
        messageExpression: "'subjects bound cluster-wide that are not platform admin groups: ' + variables.notAdmins.map(s, s.kind + ' ' + s.name).join(', ')",
      },
    ],
  },
];
