import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { managedBy } from '../labels.js';
import { TEAM_EDIT_RULES } from './team-edit-rules.js';

/** The Role of the team group; the team's Flux reconciler is bound to it too (tenant-delivery.ts). */
export const TEAM_EDIT_ROLE = 'team-edit';

export interface TeamAccessProps {
  readonly namespace: string;
  /** Entra ID object ID of the team group: the Role `team-edit` in the namespace. */
  readonly editGroupObjectId: string;
  /**
   * Entra ID object ID of a read-only group: `view` in the namespace.
   * @default - no read-only binding
   */
  readonly viewGroupObjectId?: string;
}

/**
 * Namespace-scoped access for a team, never cluster-wide: the team group gets the Role `team-edit`
 * (the built-in `edit` written out without impersonation, token minting or NetworkPolicy writes;
 * see team-edit-rules.ts and docs/decisions/0201-team-role.md), a read-only group the built-in
 * ClusterRole `view` through a RoleBinding. Subjects are groups by object ID, which is how AKS with
 * Entra ID and Kubernetes RBAC names groups.
 */
export class TeamAccess extends Construct {
  public readonly role: ApiObject;
  public readonly edit: ApiObject;
  public readonly view?: ApiObject;

  constructor(scope: Construct, id: string, props: TeamAccessProps) {
    super(scope, id);
    this.role = createApiObject(k8s.KubeRole, this, 'Role', {
      metadata: { name: TEAM_EDIT_ROLE, namespace: props.namespace, labels: managedBy() },
      rules: TEAM_EDIT_RULES.map((r) => ({ apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...r.verbs] })),
    });
    this.edit = bindGroup(this, 'Edit', props.namespace, TEAM_EDIT_ROLE, { kind: 'Role', name: TEAM_EDIT_ROLE }, props.editGroupObjectId);
    if (props.viewGroupObjectId !== undefined) {
      this.view = bindGroup(this, 'View', props.namespace, 'team-view', { kind: 'ClusterRole', name: 'view' }, props.viewGroupObjectId);
    }
  }
}

function bindGroup(
  scope: Construct,
  id: string,
  namespace: string,
  name: string,
  role: { kind: 'Role' | 'ClusterRole'; name: string },
  group: string,
): ApiObject {
  return createApiObject(k8s.KubeRoleBinding, scope, id, {
    metadata: { name, namespace, labels: managedBy() },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
  });
}
