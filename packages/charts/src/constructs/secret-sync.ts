import type { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-29';
import type { NodePool } from '@aks-hybrid/spec';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { podSelector, restrictedPodTemplate, workloadLabels } from './pod-template.js';

/** The pause image's repository and tag (the image Kubernetes uses for pod sandboxes; it only sleeps). */
const PAUSE_IMAGE_PATH = 'oss/kubernetes/pause:3.10';
/** Microsoft's registry, where AKS pulls its own images from (https://learn.microsoft.com/azure/aks/outbound-rules-control-egress). */
const MCR = 'mcr.microsoft.com';

/**
 * Where the secret-sync pod pulls the pause image from: MCR when the policy gate's registry allow-list
 * (the cluster registry plus `spec.images.allowedRegistries`) admits `mcr.microsoft.com/oss/kubernetes`,
 * otherwise the cluster registry, into which the platform imports it once
 * (`az acr import --name <registry> --source mcr.microsoft.com/oss/kubernetes/pause:3.10`).
 */
export function pauseImage(loginServer: string, allowedRegistries: readonly string[]): string {
  const mcr = `${MCR}/${PAUSE_IMAGE_PATH}`;
  const allowed = allowedRegistries.some((r) => mcr.startsWith(`${r}/`));
  return allowed ? mcr : `${loginServer}/${PAUSE_IMAGE_PATH}`;
}

export interface SecretSyncProps {
  /** Name of the Deployment (`secret-sync-<secret>`). */
  readonly name: string;
  readonly namespace: string;
  readonly partOf: string;
  /** The team secret (SecretProviderClass) whose synced Kubernetes Secret the pod keeps alive. */
  readonly secret: string;
  /** ServiceAccount federated with the team identity. */
  readonly serviceAccountName: string;
  readonly image: string;
  readonly nodePool: Pick<NodePool, 'name' | 'taints' | 'zones'>;
  /** The client ID is recorded: the pod carries the workload identity label. */
  readonly workloadIdentity: boolean;
}

/**
 * A Deployment of one pause container that mounts a team secret's CSI volume, so that the Secrets
 * Store CSI driver creates (and rotates) the synced Kubernetes Secret even when no workload mounts
 * the entry: the driver syncs only while a pod mounts the class and deletes the Secret with the last
 * such pod ("the secrets will sync only after you start a pod to mount them",
 * https://learn.microsoft.com/azure/aks/csi-secrets-store-configuration-options, "Sync mounted
 * content with a Kubernetes secret"). This lets a Flux source `secretRef` name a Secret whose content
 * lives in Key Vault.
 *
 * One replica, no Service, HPA or PDB (a PDB at one replica is what the gate's KIT-AVAIL-001 refuses;
 * losing the pod for a drain only pauses rotation, the Secret is recreated when it is rescheduled, and
 * Flux keeps the last artifact meanwhile). The same restricted pod template as every workload;
 * 5m CPU and 16Mi memory (the pause process uses neither).
 */
export class SecretSync extends Construct {
  public readonly deployment: ApiObject;

  constructor(scope: Construct, id: string, props: SecretSyncProps) {
    super(scope, id);
    const { name, namespace } = props;
    this.deployment = createApiObject(k8s.KubeDeployment, this, 'Resource', {
      metadata: { name, namespace, labels: workloadLabels(name, props.partOf) },
      spec: {
        replicas: 1,
        selector: { matchLabels: podSelector(name) },
        template: restrictedPodTemplate({
          name,
          partOf: props.partOf,
          image: props.image,
          resources: { requests: { cpu: '5m', memory: '16Mi' }, limits: { cpu: '50m', memory: '32Mi' } },
          nodePool: props.nodePool,
          serviceAccountName: props.serviceAccountName,
          // The pause image's own user (65535, "nobody"): non-root, as the restricted profile requires.
          runAsUser: 65535,
          workloadIdentity: props.workloadIdentity,
          secrets: [props.secret],
          spreadMatchLabelKeys: ['pod-template-hash'],
        }),
      },
    });
  }
}
