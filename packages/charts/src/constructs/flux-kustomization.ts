import { FLUX_NAMESPACE } from '@aks-hybrid/spec';
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { Kustomization, KustomizationSpecSourceRefKind } from '../imports/kustomize.toolkit.fluxcd.io.js';
import { managedBy } from '../labels.js';

// Namespace of the AKS Flux extension and of the `platform` GitRepository its fluxConfiguration creates.
export { FLUX_NAMESPACE } from '@aks-hybrid/spec';
/** GitRepository created by the AKS fluxConfiguration named `platform`. */
export const PLATFORM_SOURCE = 'platform';

export interface FluxKustomizationProps {
  /** Kustomization name; other Kustomizations name it in `dependsOn`. */
  readonly name: string;
  /** Repository path of the folder to apply, e.g. `./gitops/clusters/weu-prod/infrastructure`. */
  readonly path: string;
  /**
   * Kustomizations (same namespace) that must be ready first.
   * @default - none
   */
  readonly dependsOn?: readonly string[];
  /**
   * How often the folder is reconciled against the cluster.
   * @default '10m'
   */
  readonly interval?: string;
  /**
   * How soon a failed reconciliation is retried.
   * @default '2m'
   */
  readonly retryInterval?: string;
  /**
   * How long apply plus health checks (`wait`) may take.
   * @default '5m'
   */
  readonly timeout?: string;
  /**
   * Objects whose health makes this Kustomization Ready, instead of everything it applied. Flux
   * ignores `healthChecks` while `wait` is on, so giving any turns `wait` off
   * (https://fluxcd.io/flux/components/kustomize/kustomizations/#health-checks).
   * @default - none: `wait: true`, every applied object must be healthy
   */
  readonly healthChecks?: readonly FluxHealthCheck[];
  /**
   * CEL health rules for kinds kstatus cannot judge (an APIService is "Current" as soon as it
   * exists, whatever its `Available` condition says):
   * https://fluxcd.io/flux/components/kustomize/kustomizations/#health-check-expressions.
   * @default - none
   */
  readonly healthCheckExprs?: readonly FluxHealthCheckExpr[];
}

export interface FluxHealthCheck {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** @default - cluster-scoped */
  readonly namespace?: string;
}

export interface FluxHealthCheckExpr {
  readonly apiVersion: string;
  readonly kind: string;
  /** CEL over the object: true when it is healthy. */
  readonly current: string;
  /** CEL over the object: true when it has failed. @default - none */
  readonly failed?: string;
}

/**
 * A Flux Kustomization in `flux-system` that applies one folder of this repository from the
 * `platform` GitRepository. The source is referenced without a namespace, i.e. in its own namespace:
 * the AKS Flux extension runs in multi-tenant lockdown, which rejects cross-namespace references.
 * `prune` removes what a PR deletes; `wait` (or the named `healthChecks`) makes dependants wait until
 * the objects are healthy.
 */
export class FluxKustomization extends Construct {
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: FluxKustomizationProps) {
    super(scope, id);
    const dependsOn = props.dependsOn ?? [];
    const healthChecks = props.healthChecks ?? [];
    const healthCheckExprs = props.healthCheckExprs ?? [];
    this.resource = createApiObject(Kustomization, this, 'Resource', {
      metadata: { name: props.name, namespace: FLUX_NAMESPACE, labels: managedBy() },
      spec: {
        interval: props.interval ?? '10m',
        retryInterval: props.retryInterval ?? '2m',
        timeout: props.timeout ?? '5m',
        path: props.path,
        prune: true,
        wait: healthChecks.length === 0,
        sourceRef: { kind: KustomizationSpecSourceRefKind.GIT_REPOSITORY, name: PLATFORM_SOURCE },
        ...(dependsOn.length > 0 ? { dependsOn: dependsOn.map((name) => ({ name })) } : {}),
        ...(healthChecks.length > 0 ? { healthChecks: healthChecks.map((h) => ({ ...h })) } : {}),
        ...(healthCheckExprs.length > 0 ? { healthCheckExprs: healthCheckExprs.map((e) => ({ ...e })) } : {}),
      },
    });
  }
}
