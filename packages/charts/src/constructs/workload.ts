import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject, type ManifestJson } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { AGENT_POOL_LABEL, type NodePool } from '@aks-hybrid/spec';
import { APP_NAME_LABEL, managedBy, PART_OF_LABEL } from '../labels.js';
import { tolerationFor } from '../internal/scheduling.js';
import type { ComputeQuantities } from './team-limit-range.js';

export interface WorkloadProps {
  /** Name of the Deployment, Service, HPA, PDB (and of the ServiceAccount the pods run as). */
  readonly name: string;
  readonly namespace: string;
  /** Team that owns the workload (`app.kubernetes.io/part-of`). */
  readonly partOf: string;
  readonly image: string;
  /** Container port; the Service exposes it on port 80. */
  readonly port: number;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  /** HPA range. */
  readonly replicas: { readonly min: number; readonly max: number };
  /** HPA targets in % of the requests; at least one. */
  readonly autoscaling: { readonly cpuUtilization?: number; readonly memoryUtilization?: number };
  /** The user pool the pods are pinned to: its name, taints and zones. */
  readonly nodePool: Pick<NodePool, 'name' | 'taints' | 'zones'>;
  /**
   * HTTP path of the readiness and liveness probes.
   * @default '/healthz'
   */
  readonly healthPath?: string;
  /**
   * Plain environment variables (sorted by name in the output).
   * @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * UID and GID the container runs as (and fsGroup); must not be 0.
   * @default 10001
   */
  readonly runAsUser?: number;
  /**
   * ServiceAccount of the pods.
   * @default - the workload name
   */
  readonly serviceAccountName?: string;
}

const ZONE_KEY = 'topology.kubernetes.io/zone';
const HOSTNAME_KEY = 'kubernetes.io/hostname';

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
 */
export class Workload extends Construct {
  public readonly deployment: ApiObject;
  public readonly service: ApiObject;
  public readonly autoscaler: ApiObject;
  public readonly disruptionBudget: ApiObject;

  constructor(scope: Construct, id: string, props: WorkloadProps) {
    super(scope, id);
    const { name, namespace } = props;
    if (props.autoscaling.cpuUtilization === undefined && props.autoscaling.memoryUtilization === undefined) {
      throw new Error(`workload "${name}": autoscaling needs a CPU or memory target`);
    }
    const uid = props.runAsUser ?? 10001;
    if (uid === 0) throw new Error(`workload "${name}": runAsUser must not be 0 (root)`);
    // Factories, not shared objects: a shared object would come out as a YAML anchor and alias.
    const selector = () => ({ [APP_NAME_LABEL]: name });
    const labels = () => ({ ...selector(), [PART_OF_LABEL]: props.partOf, ...managedBy() });
    const metadata = () => ({ name, namespace, labels: labels() });
    const probe = (extra: ManifestJson<k8s.Probe>): ManifestJson<k8s.Probe> => ({
      httpGet: { path: props.healthPath ?? '/healthz', port: 'http' },
      timeoutSeconds: 2,
      failureThreshold: 3,
      ...extra,
    });
    const spread = (topologyKey: string, whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway'): ManifestJson<k8s.TopologySpreadConstraint> => ({
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable,
      labelSelector: { matchLabels: selector() },
      matchLabelKeys: ['pod-template-hash'],
    });
    const env = Object.keys(props.env ?? {})
      .sort()
      .map((key) => ({ name: key, value: props.env![key]! }));

    this.deployment = createApiObject(k8s.KubeDeployment, this, 'Resource', {
      metadata: metadata(),
      spec: {
        selector: { matchLabels: selector() },
        template: {
          metadata: { labels: labels() },
          spec: {
            serviceAccountName: props.serviceAccountName ?? name,
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: uid,
              runAsGroup: uid,
              fsGroup: uid,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            containers: [
              {
                name,
                image: props.image,
                ports: [{ name: 'http', containerPort: props.port, protocol: 'TCP' }],
                ...(env.length > 0 ? { env } : {}),
                resources: { requests: { ...props.resources.requests }, limits: { ...props.resources.limits } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  runAsNonRoot: true,
                  capabilities: { drop: ['ALL'] },
                },
                readinessProbe: probe({ periodSeconds: 10 }),
                livenessProbe: probe({ initialDelaySeconds: 10, periodSeconds: 20 }),
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: {} }],
            affinity: {
              nodeAffinity: {
                requiredDuringSchedulingIgnoredDuringExecution: {
                  nodeSelectorTerms: [{ matchExpressions: [{ key: AGENT_POOL_LABEL, operator: 'In', values: [props.nodePool.name] }] }],
                },
              },
            },
            ...(props.nodePool.taints.length > 0 ? { tolerations: props.nodePool.taints.map((t) => ({ ...tolerationFor(t) })) } : {}),
            topologySpreadConstraints: [
              spread(ZONE_KEY, props.nodePool.zones.length >= 2 ? 'DoNotSchedule' : 'ScheduleAnyway'),
              spread(HOSTNAME_KEY, 'ScheduleAnyway'),
            ],
          },
        },
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

    const metrics: ManifestJson<k8s.MetricSpecV2>[] = [];
    for (const [resource, target] of [['cpu', props.autoscaling.cpuUtilization], ['memory', props.autoscaling.memoryUtilization]] as const) {
      if (target !== undefined) metrics.push({ type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: target } } });
    }
    this.autoscaler = createApiObject(k8s.KubeHorizontalPodAutoscalerV2, this, 'Autoscaler', {
      metadata: metadata(),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: props.replicas.min,
        maxReplicas: props.replicas.max,
        metrics,
      },
    });

    this.disruptionBudget = createApiObject(k8s.KubePodDisruptionBudget, this, 'DisruptionBudget', {
      metadata: metadata(),
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: selector() },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });
  }
}
