import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { type PodTemplateProps, podSelector, restrictedPodTemplate, workloadLabels } from './pod-template.js';
import { createAutoscaler, createDisruptionBudget } from './workload-availability.js';

export interface WorkloadProps extends Omit<PodTemplateProps, 'claimMounts' | 'spreadMatchLabelKeys' | 'restartPolicy' | 'port'> {
  /** Name of the Deployment, Service, HPA, PDB (and of the ServiceAccount the pods run as). */
  readonly name: string;
  readonly namespace: string;
  /** Container port; the Service exposes it on port 80. */
  readonly port: number;
  /** HPA range. */
  readonly replicas: { readonly min: number; readonly max: number };
  /** HPA targets in % of the requests; at least one. */
  readonly autoscaling: { readonly cpuUtilization?: number; readonly memoryUtilization?: number };
}

/**
 * A stateless workload: Deployment + ClusterIP Service + HPA (autoscaling/v2) + PDB.
 *
 * - Pod Security `restricted`: non-root UID/GID, RuntimeDefault seccomp, no privilege escalation,
 *   all capabilities dropped, read-only root filesystem with an emptyDir at /tmp.
 * - `spec.replicas` is left out: the HPA owns it. Flux applies with server-side apply and would reset
 *   a rendered value on every reconcile (every 10m), fighting the HPA; without it the API server
 *   starts at 1 and the HPA scales to `min` within seconds.
 * - Pinned to its pool by required node affinity on `kubernetes.azure.com/agentpool`, with a
 *   toleration for exactly the pool's taints (the affinity, not the tolerations, keeps it off the
 *   other pools; the tolerations only let it onto its own).
 * - Spread: across zones with maxSkew 1, `DoNotSchedule` when the pool spans 2+ zones (a zone outage
 *   takes at most its share of replicas; the VM scale set balances nodes across its zones, so the
 *   cluster autoscaler can satisfy it), `ScheduleAnyway` for single-zone pools; across nodes with
 *   `ScheduleAnyway` (a preference: hard node spread would need a node per replica). Skew counts
 *   only zones that have nodes of the pool; `minDomains` is not set, as it would leave pods Pending
 *   while a pool that scaled to zero has no node in some zone.
 *   `matchLabelKeys: [pod-template-hash]` spreads each ReplicaSet on its own during rollouts.
 * - PDB `maxUnavailable: 1` never blocks a drain, even at one replica, and `AlwaysAllow` lets
 *   unready pods be evicted, so a crash-looping pod cannot block node upgrades either.
 * The pod template (security context, affinity, spread, secret mounts) is shared with the
 * StatefulSet and CronJob constructs: pod-template.ts.
 */
export class Workload extends Construct {
  public readonly deployment: ApiObject;
  public readonly service: ApiObject;
  public readonly autoscaler: ApiObject;
  public readonly disruptionBudget: ApiObject;

  constructor(scope: Construct, id: string, props: WorkloadProps) {
    super(scope, id);
    const { name, namespace } = props;
    const selector = () => podSelector(name);
    const metadata = () => ({ name, namespace, labels: workloadLabels(name, props.partOf) });

    this.deployment = createApiObject(k8s.KubeDeployment, this, 'Resource', {
      metadata: metadata(),
      spec: {
        selector: { matchLabels: selector() },
        template: restrictedPodTemplate({ ...props, spreadMatchLabelKeys: ['pod-template-hash'] }),
      },
    });

    this.service = createApiObject(k8s.KubeService, this, 'Service', {
      metadata: metadata(),
      spec: {
        type: 'ClusterIP',
        selector: selector(),
        ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
      },
    });

    this.autoscaler = createAutoscaler(this, { name, namespace, partOf: props.partOf, kind: 'Deployment' }, props.replicas, props.autoscaling);
    this.disruptionBudget = createDisruptionBudget(this, { name, namespace, partOf: props.partOf });
  }
}
