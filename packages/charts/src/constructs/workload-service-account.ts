import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION } from '@aks-hybrid/spec';

export interface WorkloadServiceAccountProps {
  readonly name: string;
  readonly namespace: string;
  /**
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Client ID of the team's Azure identity, when this ServiceAccount is federated with it and the ID
   * is recorded: the `azure.workload.identity/client-id` annotation tells the workload identity
   * webhook which identity the pods ask a token for (https://learn.microsoft.com/azure/aks/workload-identity-overview).
   * Entra ID still checks the token's subject against the identity's federated credentials
   * (docs/decisions/0106), so the annotation grants nothing by itself.
   * @default - no annotation (the pods get no Azure token)
   */
  readonly workloadIdentityClientId?: string;
}

/**
 * One ServiceAccount per workload, so a later grant (or workload identity federation) reaches one
 * workload and not the namespace's `default`. No API token is mounted: the workloads do not talk to
 * the Kubernetes API.
 */
export class WorkloadServiceAccount extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: WorkloadServiceAccountProps) {
    super(scope, id);
    this.resource = createApiObject(k8s.KubeServiceAccount, this, 'Resource', {
      metadata: {
        name: props.name,
        namespace: props.namespace,
        labels: { ...(props.labels ?? {}) },
        ...(props.workloadIdentityClientId ? { annotations: { [WORKLOAD_IDENTITY_CLIENT_ID_ANNOTATION]: props.workloadIdentityClientId } } : {}),
      },
      automountServiceAccountToken: false,
    });
  }
}
