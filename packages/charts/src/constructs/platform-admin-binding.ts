import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { managedBy } from '../labels.js';

export interface PlatformAdminBindingProps {
  /** Entra ID object IDs of the platform admin groups. */
  readonly groupObjectIds: readonly string[];
  /**
   * Name of the ClusterRoleBinding.
   * @default 'kit-platform-admins'
   */
  readonly name?: string;
}

/**
 * Binds the platform admin groups to `cluster-admin`, cluster-wide. With Entra ID integration and
 * Kubernetes RBAC, AKS puts the object IDs of a user's groups in the token's groups claim, so the
 * subject name is the group's object ID. The only cluster-wide binding the kit renders.
 */
export class PlatformAdminBinding extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: PlatformAdminBindingProps) {
    super(scope, id);
    if (props.groupObjectIds.length === 0) throw new Error('PlatformAdminBinding needs at least one group object ID');
    this.resource = createApiObject(k8s.KubeClusterRoleBinding, this, 'Resource', {
      metadata: { name: props.name ?? 'kit-platform-admins', labels: managedBy() },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: props.groupObjectIds.map((id) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: id })),
    });
  }
}
