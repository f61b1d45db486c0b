import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { managedBy } from '../labels.js';

export interface TeamAccessProps {
  readonly namespace: string;
  /** Entra ID object ID of the team group: `edit` in the namespace. */
  readonly editGroupObjectId: string;
  /**
   * Entra ID object ID of a read-only group: `view` in the namespace.
   * @default - no read-only binding
   */
  readonly viewGroupObjectId?: string;
}

/**
 * Namespace-scoped access for a team: RoleBindings (never ClusterRoleBindings) to the built-in
 * aggregated ClusterRoles `edit` and `view`. The kit writes no Role of its own, so it adds no verb or
 * resource beyond what those roles hold (no wildcards, no escalate or bind; note that upstream `edit`
 * grants `impersonate` on ServiceAccounts of the same namespace). Subjects are groups by object ID,
 * which is how AKS with Entra ID and Kubernetes RBAC names groups.
 */
export class TeamAccess extends Construct {
  public readonly edit: ApiObject;
  public readonly view?: ApiObject;

  constructor(scope: Construct, id: string, props: TeamAccessProps) {
    super(scope, id);
    this.edit = bindGroup(this, 'Edit', props.namespace, 'team-edit', 'edit', props.editGroupObjectId);
    if (props.viewGroupObjectId !== undefined) {
      this.view = bindGroup(this, 'View', props.namespace, 'team-view', 'view', props.viewGroupObjectId);
    }
  }
}

function bindGroup(scope: Construct, id: string, namespace: string, name: string, clusterRole: string, group: string): ApiObject {
  return createApiObject(k8s.KubeRoleBinding, scope, id, {
    metadata: { name, namespace, labels: managedBy() },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
  });
}
