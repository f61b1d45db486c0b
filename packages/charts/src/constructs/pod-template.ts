import { AGENT_POOL_LABEL, type NodePool, WORKLOAD_IDENTITY_USE_LABEL } from '@aks-hybrid/spec';
import type { k8s } from 'cdk8s-plus-29';
import type { ManifestJson } from '../api-objects.js';
import { tolerationFor } from '../internal/scheduling.js';
import { APP_NAME_LABEL, managedBy, PART_OF_LABEL } from '../labels.js';
import type { ComputeQuantities } from './team-limit-range.js';

/** Where a workload finds the Key Vault objects of one team secret: /mnt/secrets/<name>. */
export const SECRETS_MOUNT_ROOT = '/mnt/secrets';
export const secretMountPath = (secret: string): string => `${SECRETS_MOUNT_ROOT}/${secret}`;
/** The Secrets Store CSI driver's name (https://learn.microsoft.com/azure/aks/csi-secrets-store-driver). */
const SECRETS_STORE_CSI_DRIVER = 'secrets-store.csi.k8s.io';

const ZONE_KEY = 'topology.kubernetes.io/zone';
const HOSTNAME_KEY = 'kubernetes.io/hostname';

/** Everything the pods of a team workload share, whatever runs them (Deployment, StatefulSet, CronJob). */
export interface PodTemplateProps {
  /** Workload name: the container name, the `app.kubernetes.io/name` label and the default ServiceAccount. */
  readonly name: string;
  /** Team that owns the workload (`app.kubernetes.io/part-of`). */
  readonly partOf: string;
  readonly image: string;
  readonly resources: { readonly requests: ComputeQuantities; readonly limits: ComputeQuantities };
  /** The user pool the pods are pinned to: its name, taints and zones. */
  readonly nodePool: Pick<NodePool, 'name' | 'taints' | 'zones'>;
  /**
   * Container port named `http`, with HTTP readiness and liveness probes on `healthPath`.
   * @default - no port and no probes (a job's pods)
   */
  readonly port?: number;
  /** @default '/healthz' */
  readonly healthPath?: string;
  /** @default - none */
  readonly env?: Readonly<Record<string, string>>;
  /** UID and GID (and fsGroup); must not be 0. @default 10001 */
  readonly runAsUser?: number;
  /** @default - the workload name */
  readonly serviceAccountName?: string;
  /**
   * The ServiceAccount is federated with the team's Azure identity and its client ID is recorded:
   * the pods carry `azure.workload.identity/use: "true"`, the label the workload identity webhook
   * selects pods by (https://learn.microsoft.com/azure/aks/workload-identity-overview).
   * @default false
   */
  readonly workloadIdentity?: boolean;
  /** Team secrets (SecretProviderClass names) mounted read-only at /mnt/secrets/<name>. @default - none */
  readonly secrets?: readonly string[];
  /** Volumes from the StatefulSet's claim templates, by claim name. @default - none */
  readonly claimMounts?: ReadonlyArray<{ readonly name: string; readonly mountPath: string }>;
  /**
   * Label keys whose values split the spread constraints (`pod-template-hash` for a Deployment, so
   * each ReplicaSet spreads on its own during a rollout). @default - none
   */
  readonly spreadMatchLabelKeys?: readonly string[];
  /** `Never` or `OnFailure` for a job's pods. @default - the API default (Always) */
  readonly restartPolicy?: 'Never' | 'OnFailure';
}

/** The selector labels of a workload's pods: only its name. */
export const podSelector = (name: string): Record<string, string> => ({ [APP_NAME_LABEL]: name });

/** Labels of the workload's objects (and its pods, plus the workload identity label where it applies). */
export const workloadLabels = (name: string, partOf: string): Record<string, string> => ({ ...podSelector(name), [PART_OF_LABEL]: partOf, ...managedBy() });

/**
 * The pod template of every team workload. Pod Security `restricted`: non-root UID/GID, RuntimeDefault
 * seccomp, no privilege escalation, all capabilities dropped, read-only root filesystem with an
 * emptyDir at /tmp; no API token (automountServiceAccountToken false; the workload identity webhook
 * projects its own token for Entra ID, independent of that setting:
 * https://github.com/Azure/azure-workload-identity/blob/main/pkg/webhook/webhook.go). Pinned to its
 * pool by required node affinity, tolerating exactly that pool's taints; spread across zones
 * (DoNotSchedule on 2+ zones) and nodes (ScheduleAnyway). See Workload for why.
 */
export function restrictedPodTemplate(props: PodTemplateProps): ManifestJson<k8s.PodTemplateSpec> {
  const { name } = props;
  const uid = props.runAsUser ?? 10001;
  if (uid === 0) throw new Error(`workload "${name}": runAsUser must not be 0 (root)`);
  // Factories, not shared objects: a shared object would come out as a YAML anchor and alias.
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
    labelSelector: { matchLabels: podSelector(name) },
    ...(props.spreadMatchLabelKeys ? { matchLabelKeys: [...props.spreadMatchLabelKeys] } : {}),
  });
  const env = Object.keys(props.env ?? {})
    .sort()
    .map((key) => ({ name: key, value: props.env![key]! }));
  const secrets = props.secrets ?? [];
  const volumeMounts: ManifestJson<k8s.VolumeMount>[] = [
    { name: 'tmp', mountPath: '/tmp' },
    ...secrets.map((s) => ({ name: secretVolumeName(s), mountPath: secretMountPath(s), readOnly: true })),
    ...(props.claimMounts ?? []).map((c) => ({ name: c.name, mountPath: c.mountPath })),
  ];
  const volumes: ManifestJson<k8s.Volume>[] = [
    { name: 'tmp', emptyDir: {} },
    ...secrets.map((s) => ({
      name: secretVolumeName(s),
      csi: { driver: SECRETS_STORE_CSI_DRIVER, readOnly: true, volumeAttributes: { secretProviderClass: s } },
    })),
  ];

  return {
    metadata: { labels: { ...workloadLabels(name, props.partOf), ...(props.workloadIdentity ? { [WORKLOAD_IDENTITY_USE_LABEL]: 'true' } : {}) } },
    spec: {
      serviceAccountName: props.serviceAccountName ?? name,
      automountServiceAccountToken: false,
      ...(props.restartPolicy ? { restartPolicy: props.restartPolicy } : {}),
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
          ...(props.port !== undefined ? { ports: [{ name: 'http', containerPort: props.port, protocol: 'TCP' }] } : {}),
          ...(env.length > 0 ? { env } : {}),
          resources: { requests: { ...props.resources.requests }, limits: { ...props.resources.limits } },
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            capabilities: { drop: ['ALL'] },
          },
          ...(props.port !== undefined
            ? { readinessProbe: probe({ periodSeconds: 10 }), livenessProbe: probe({ initialDelaySeconds: 10, periodSeconds: 20 }) }
            : {}),
          volumeMounts,
        },
      ],
      volumes,
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: AGENT_POOL_LABEL, operator: 'In', values: [props.nodePool.name] }] }],
          },
        },
      },
      ...(props.nodePool.taints.length > 0 ? { tolerations: props.nodePool.taints.map((t) => ({ ...tolerationFor(t) })) } : {}),
      // Zone spread places pods when they are created. A pod with a zonal (LRS) disk, as a StatefulSet's
      // claims on the AKS disk classes are, stays in its disk's zone from then on: the spread then only
      // decides where new replicas' disks go (https://learn.microsoft.com/azure/aks/azure-disk-csi).
      topologySpreadConstraints: [
        spread(ZONE_KEY, props.nodePool.zones.length >= 2 ? 'DoNotSchedule' : 'ScheduleAnyway'),
        spread(HOSTNAME_KEY, 'ScheduleAnyway'),
      ],
    },
  };
}

/** Volume name of a team secret's CSI mount (secret names are at most 40 characters: fits 63). */
const secretVolumeName = (secret: string): string => `secrets-${secret}`;
