import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { managedBy } from '../labels.js';
import { scaleCpu } from '../internal/quantities.js';

export interface TeamQuotaProps {
  readonly namespace: string;
  /** Total CPU requests, e.g. `32`. */
  readonly cpu: string;
  /** Total memory requests, e.g. `128Gi`. */
  readonly memory: string;
  /** Total storage requested by PersistentVolumeClaims. */
  readonly storage: string;
  readonly pods: number;
  readonly persistentVolumeClaims: number;
  readonly services: number;
  /**
   * Services of type LoadBalancer. Teams publish through the shared ingress.
   * @default 0
   */
  readonly loadBalancers?: number;
  /**
   * CPU limits as a multiple of the CPU requests quota (CPU is compressible: bursting is throttled).
   * @default 2
   */
  readonly cpuLimitFactor?: number;
  /**
   * @default 'team-quota'
   */
  readonly name?: string;
}

/**
 * The ResourceQuota of a team namespace. Memory limits equal the memory requests quota (memory is
 * not compressible: overcommitted memory ends in OOM kills, and the pool capacity check charges
 * requests); CPU limits may reach twice the requests. NodePorts are always 0: they would open every
 * node to whoever can reach it.
 */
export class TeamQuota extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: TeamQuotaProps) {
    super(scope, id);
    this.resource = createApiObject(k8s.KubeResourceQuota, this, 'Resource', {
      metadata: { name: props.name ?? 'team-quota', namespace: props.namespace, labels: managedBy() },
      spec: {
        hard: {
          'requests.cpu': props.cpu,
          'requests.memory': props.memory,
          'limits.cpu': scaleCpu(props.cpu, props.cpuLimitFactor ?? 2),
          'limits.memory': props.memory,
          'requests.storage': props.storage,
          pods: String(props.pods),
          persistentvolumeclaims: String(props.persistentVolumeClaims),
          services: String(props.services),
          'services.loadbalancers': String(props.loadBalancers ?? 0),
          'services.nodeports': '0',
        },
      },
    });
  }
}
