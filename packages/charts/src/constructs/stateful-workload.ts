import type { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-29';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { type PodTemplateProps, podSelector, restrictedPodTemplate, workloadLabels } from './pod-template.js';
import { createAutoscaler, createDisruptionBudget } from './workload-availability.js';

export interface StatefulWorkloadProps extends Omit<PodTemplateProps, 'claimMounts' | 'spreadMatchLabelKeys' | 'restartPolicy' | 'port'> {
  readonly namespace: string;
  /** Container port; the headless Service names it `http`. */
  readonly port: number;
  /** Replica range; without autoscaling the StatefulSet runs `max` (the spec makes min = max). */
  readonly replicas: { readonly min: number; readonly max: number };
  /**
   * HPA targets in % of the requests. An HPA is rendered only when given.
   * @default - no HPA: `spec.replicas` is rendered
   */
  readonly autoscaling?: { readonly cpuUtilization?: number; readonly memoryUtilization?: number };
  /** One ReadWriteOnce claim per replica and template. At least one. */
  readonly volumeClaims: ReadonlyArray<{ readonly name: string; readonly size: string; readonly mountPath: string; readonly storageClass: string }>;
  /** @default - Retain on delete and on scale-down */
  readonly retention?: { readonly whenDeleted: 'Retain' | 'Delete'; readonly whenScaled: 'Retain' | 'Delete' };
}

/**
 * A stateful workload: StatefulSet + headless Service (stable DNS names per pod) + PDB (+ an HPA only
 * when asked). Same pod template as a Deployment (pod-template.ts): Pod Security `restricted`,
 * pinned to its pool, spread across zones and nodes, no API token.
 *
 * - Volume claim templates: `ReadWriteOnce`, storage class from the platform spec. The AKS disk
 *   classes create zonal (LRS) disks with `WaitForFirstConsumer`, so each replica's disk is created in
 *   the zone its pod was first scheduled to, and the pod can only run in that zone from then on
 *   (https://learn.microsoft.com/azure/aks/azure-disk-csi, https://learn.microsoft.com/azure/aks/concepts-storage).
 *   The zone spread (DoNotSchedule, maxSkew 1) therefore places the replicas' disks across zones once;
 *   after that a zone outage stops that zone's replicas until it returns, it does not move them.
 * - `persistentVolumeClaimRetentionPolicy`: Retain by default, so deleting or scaling down the
 *   StatefulSet never deletes data (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#persistentvolumeclaim-retention).
 * - No `matchLabelKeys` on the spread: StatefulSet pods carry no `pod-template-hash`, and a rolling
 *   update replaces them one at a time in place.
 * - Without autoscaling `spec.replicas` is rendered (nothing else owns it); with it the HPA does, as
 *   for Deployments (docs/decisions/0204).
 */
export class StatefulWorkload extends Construct {
  public readonly statefulSet: ApiObject;
  public readonly service: ApiObject;
  public readonly disruptionBudget: ApiObject;
  public readonly autoscaler?: ApiObject;

  constructor(scope: Construct, id: string, props: StatefulWorkloadProps) {
    super(scope, id);
    const { name, namespace } = props;
    if (props.volumeClaims.length === 0) throw new Error(`StatefulSet "${name}": needs at least one volume claim`);
    const labels = () => workloadLabels(name, props.partOf);
    const retention = props.retention ?? { whenDeleted: 'Retain', whenScaled: 'Retain' };

    this.statefulSet = createApiObject(k8s.KubeStatefulSet, this, 'Resource', {
      metadata: { name, namespace, labels: labels() },
      spec: {
        serviceName: name,
        ...(props.autoscaling ? {} : { replicas: props.replicas.max }),
        selector: { matchLabels: podSelector(name) },
        template: restrictedPodTemplate({ ...props, claimMounts: props.volumeClaims }),
        volumeClaimTemplates: props.volumeClaims.map((claim) => ({
          metadata: { name: claim.name, labels: labels() },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: claim.storageClass,
            resources: { requests: { storage: claim.size } },
          },
        })),
        persistentVolumeClaimRetentionPolicy: { whenDeleted: retention.whenDeleted, whenScaled: retention.whenScaled },
      },
    });

    // Headless: per-pod DNS names (<pod>.<name>.<namespace>.svc) for peers that address each replica.
    // Built through the generated class, not createApiObject: `cdk8s import` names the field
    // `clusterIp`, and only the class's toJson() writes it back as the API's `clusterIP`.
    this.service = new k8s.KubeService(this, 'Service', {
      metadata: { name, namespace, labels: labels() },
      spec: {
        clusterIp: 'None',
        selector: podSelector(name),
        ports: [{ name: 'http', port: props.port, targetPort: k8s.IntOrString.fromString('http'), protocol: 'TCP' }],
      },
    });

    if (props.autoscaling)
      this.autoscaler = createAutoscaler(this, { name, namespace, partOf: props.partOf, kind: 'StatefulSet' }, props.replicas, props.autoscaling);
    this.disruptionBudget = createDisruptionBudget(this, { name, namespace, partOf: props.partOf });
  }
}
