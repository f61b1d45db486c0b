import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';

export interface WorkloadServiceAccountProps {
  readonly name: string;
  readonly namespace: string;
  /**
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
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
      metadata: { name: props.name, namespace: props.namespace, labels: { ...(props.labels ?? {}) } },
      automountServiceAccountToken: false,
    });
  }
}
