import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { k8s } from 'cdk8s-plus-29';
import { TENANT_LABEL } from '@aks-hybrid/spec';
import { managedBy, TEAM_LABEL } from '../labels.js';

/** Flux's per-object opt-out of garbage collection (https://fluxcd.io/flux/components/kustomize/kustomizations/#prune). */
export const FLUX_PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

export interface TeamNamespaceProps {
  /** Namespace name = team name. */
  readonly name: string;
  /** Cluster Kubernetes version (`1.33` or `1.33.2`); Pod Security Admission is pinned to its minor. */
  readonly kubernetesVersion: string;
  /**
   * Pod Security Admission level for enforce, audit and warn.
   * @default 'restricted'
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * Extra labels from the team spec. The kit's own labels win on a clash.
   * @default - none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * Annotations, e.g. the team's description and contact.
   * @default - none
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** `1.33` or `1.33.2` -> `v1.33`: the form Pod Security Admission's `*-version` labels take. */
export function podSecurityVersion(kubernetesVersion: string): string {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(kubernetesVersion);
  if (!match) throw new Error(`Kubernetes version "${kubernetesVersion}" is not of the form 1.33 or 1.33.2`);
  return `v${match[1]}.${match[2]}`;
}

/**
 * A team namespace with Pod Security Admission labels. The policy version is pinned to the cluster's
 * minor instead of `latest`, so a cluster upgrade cannot tighten the rules under running workloads
 * unnoticed: the bump shows up in the PR that raises `kubernetesVersion`.
 */
export class TeamNamespace extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: TeamNamespaceProps) {
    super(scope, id);
    const level = props.podSecurity ?? 'restricted';
    const version = podSecurityVersion(props.kubernetesVersion);
    const psa: Record<string, string> = {};
    for (const mode of ['enforce', 'audit', 'warn']) {
      psa[`pod-security.kubernetes.io/${mode}`] = level;
      psa[`pod-security.kubernetes.io/${mode}-version`] = version;
    }
    // Flux never prunes an object annotated `kustomize.toolkit.fluxcd.io/prune: disabled`, so removing
    // a team from git cannot delete its namespace and the PVCs in it; deleting it is a runbook step.
    // https://fluxcd.io/flux/components/kustomize/kustomizations/#prune
    const annotations = { ...(props.annotations ?? {}), [FLUX_PRUNE_ANNOTATION]: 'disabled' };
    this.resource = createApiObject(k8s.KubeNamespace, this, 'Resource', {
      metadata: {
        name: props.name,
        labels: { ...(props.labels ?? {}), ...psa, [TEAM_LABEL]: props.name, [TENANT_LABEL]: 'true', ...managedBy() },
        annotations,
      },
    });
  }
}
