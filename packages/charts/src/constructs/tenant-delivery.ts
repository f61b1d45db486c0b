import { TENANT_RECONCILER_SERVICE_ACCOUNT, type TenantSource } from '@aks-hybrid/spec';
import type { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-29';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { HelmRelease, HelmReleaseSpecChartSpecSourceRefKind } from '../imports/helm.toolkit.fluxcd.io.js';
import { Kustomization, KustomizationSpecSourceRefKind } from '../imports/kustomize.toolkit.fluxcd.io.js';
import { GitRepository, GitRepositorySpecProvider, HelmRepository, HelmRepositorySpecType, OciRepository } from '../imports/source.toolkit.fluxcd.io.js';
import { APP_NAME_LABEL, managedBy, PART_OF_LABEL } from '../labels.js';
import { TEAM_EDIT_ROLE } from './team-access.js';

/**
 * Helm keeps each release in Secrets of the release's storage namespace (the HelmRelease's own: the
 * team's), so helm-controller, acting as the reconciler, must write Secrets there
 * (https://helm.sh/docs/topics/advanced/#storage-backends; https://fluxcd.io/flux/components/helm/helmreleases/#storage-namespace).
 * The team's Role grants no Secrets (docs/decisions/0205), so a team with a helm source gets this one
 * extra Role, and only then.
 */
export const HELM_STORAGE_ROLE = 'flux-reconciler-helm-storage';

/**
 * The kinds a team's delivery renders that Flux itself reconciles. The platform's `teams` step applies
 * them but does not judge their health: a team's own repository failing is the team's signal (its
 * Kustomization status, its alert), not the platform's (units/flux-entry.ts).
 */
export const TENANT_FLUX_KINDS: ReadonlyArray<{ readonly apiVersion: string; readonly kind: string }> = [
  Kustomization.GVK,
  HelmRelease.GVK,
  GitRepository.GVK,
  OciRepository.GVK,
  HelmRepository.GVK,
].map(({ apiVersion, kind }) => ({ apiVersion, kind }));

/** How long Flux waits before retrying a failed apply. */
const RETRY_INTERVAL = '2m';
/** Failed Helm installs and upgrades are retried, then rolled back (upgrade) or uninstalled (install). */
const HELM_REMEDIATION_RETRIES = 3;

export interface TenantDeliveryProps {
  /** The team namespace: where every object lives and what every apply targets. */
  readonly namespace: string;
  readonly sources: readonly TenantSource[];
}

/**
 * A team delivering its own sources under Flux's multi-tenancy lockdown (fluxcd/flux2-multi-tenancy;
 * https://fluxcd.io/flux/installation/configuration/multitenancy/; docs/decisions/0107):
 * - the ServiceAccount `flux-reconciler` (no token mounted) bound by a RoleBinding to the team's Role
 *   `team-edit`: the reconciler can do what the team can, in the team namespace, and nothing else;
 * - per source, the source object (GitRepository, OCIRepository or HelmRepository) and what applies it
 *   (a Kustomization, or a HelmRelease), all in the team namespace, with `serviceAccountName:
 *   flux-reconciler` (kustomize-/helm-controller impersonate it), `targetNamespace` the team, and the
 *   source referenced without a namespace (same namespace: lockdown refuses cross-namespace references).
 */
export class TenantDelivery extends Construct {
  public readonly serviceAccount: ApiObject;
  public readonly roleBinding: ApiObject;
  /** Source objects, one per source, in source order. */
  public readonly sources: ApiObject[] = [];
  /** Kustomizations and HelmReleases, one per source, in source order. */
  public readonly appliers: ApiObject[] = [];

  constructor(scope: Construct, id: string, props: TenantDeliveryProps) {
    super(scope, id);
    const namespace = props.namespace;
    // A fresh object each time: a value shared between two objects would become a YAML alias.
    const labels = (): Record<string, string> => ({ [PART_OF_LABEL]: namespace, ...managedBy() });

    this.serviceAccount = createApiObject(k8s.KubeServiceAccount, this, 'ServiceAccount', {
      metadata: { name: TENANT_RECONCILER_SERVICE_ACCOUNT, namespace, labels: { [APP_NAME_LABEL]: TENANT_RECONCILER_SERVICE_ACCOUNT, ...labels() } },
      // The controllers impersonate the account; no pod needs its token.
      automountServiceAccountToken: false,
    });
    // The reconciler gets exactly the team group's Role.
    this.roleBinding = bindReconciler(this, 'RoleBinding', namespace, TENANT_RECONCILER_SERVICE_ACCOUNT, TEAM_EDIT_ROLE, labels);

    if (props.sources.some((s) => s.kind === 'helm')) {
      createApiObject(k8s.KubeRole, this, 'HelmStorageRole', {
        metadata: { name: HELM_STORAGE_ROLE, namespace, labels: labels() },
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] }],
      });
      bindReconciler(this, 'HelmStorageBinding', namespace, HELM_STORAGE_ROLE, HELM_STORAGE_ROLE, labels);
    }

    for (const source of props.sources) {
      const metadata = (): Metadata => ({ name: source.name, namespace, labels: labels() });
      this.sources.push(sourceObject(this, source, metadata()));
      this.appliers.push(source.kind === 'helm' ? helmRelease(this, source, metadata()) : kustomization(this, source, metadata()));
    }
  }
}

type Metadata = { name: string; namespace: string; labels: Record<string, string> };

function bindReconciler(scope: Construct, id: string, namespace: string, name: string, role: string, labels: () => Record<string, string>): ApiObject {
  return createApiObject(k8s.KubeRoleBinding, scope, id, {
    metadata: { name, namespace, labels: labels() },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
    subjects: [{ kind: 'ServiceAccount', name: TENANT_RECONCILER_SERVICE_ACCOUNT, namespace }],
  });
}

function sourceObject(scope: Construct, source: TenantSource, metadata: Metadata): ApiObject {
  const secretRef = source.credentials ? { secretRef: { name: source.credentials.secretRef } } : {};
  switch (source.kind) {
    case 'git':
      return createApiObject(GitRepository, scope, `GitRepository-${source.name}`, {
        metadata,
        spec: {
          url: source.url,
          ref: { ...source.ref },
          interval: source.interval,
          timeout: '60s',
          ...secretRef,
          // A GitHub App secret (app ID, installation ID, private key): https://fluxcd.io/flux/components/source/gitrepositories/#provider
          ...(source.credentials?.provider === 'github' ? { provider: GitRepositorySpecProvider.GITHUB } : {}),
        },
      });
    case 'oci':
      return createApiObject(OciRepository, scope, `OCIRepository-${source.name}`, {
        metadata,
        spec: { url: source.url, ref: { ...source.ref }, interval: source.interval, timeout: '60s', ...secretRef },
      });
    case 'helm':
      return createApiObject(HelmRepository, scope, `HelmRepository-${source.name}`, {
        metadata,
        spec: {
          url: source.repository.url,
          type: source.repository.type === 'oci' ? HelmRepositorySpecType.OCI : HelmRepositorySpecType.DEFAULT,
          interval: source.interval,
          timeout: '60s',
          ...secretRef,
        },
      });
  }
}

function kustomization(scope: Construct, source: TenantSource & { kind: 'git' | 'oci' }, metadata: Metadata): ApiObject {
  return createApiObject(Kustomization, scope, `Kustomization-${source.name}`, {
    metadata,
    spec: {
      serviceAccountName: TENANT_RECONCILER_SERVICE_ACCOUNT,
      targetNamespace: metadata.namespace,
      sourceRef: {
        kind: source.kind === 'git' ? KustomizationSpecSourceRefKind.GIT_REPOSITORY : KustomizationSpecSourceRefKind.OCI_REPOSITORY,
        name: source.name,
      },
      path: source.path,
      interval: source.interval,
      retryInterval: RETRY_INTERVAL,
      timeout: source.timeout,
      prune: source.prune,
      // Ready only when every applied object is healthy, so dependants and alerts see the truth.
      wait: true,
      ...(source.dependsOn.length > 0 ? { dependsOn: source.dependsOn.map((name) => ({ name })) } : {}),
    },
  });
}

function helmRelease(scope: Construct, source: TenantSource & { kind: 'helm' }, metadata: Metadata): ApiObject {
  return createApiObject(HelmRelease, scope, `HelmRelease-${source.name}`, {
    metadata,
    spec: {
      serviceAccountName: TENANT_RECONCILER_SERVICE_ACCOUNT,
      targetNamespace: metadata.namespace,
      chart: {
        spec: {
          chart: source.chart,
          version: source.version,
          sourceRef: { kind: HelmReleaseSpecChartSpecSourceRefKind.HELM_REPOSITORY, name: source.name },
          interval: source.interval,
        },
      },
      interval: source.interval,
      timeout: source.timeout,
      install: { remediation: { retries: HELM_REMEDIATION_RETRIES } },
      upgrade: { remediation: { retries: HELM_REMEDIATION_RETRIES } },
      // A copy: the output shares nothing with the spec.
      ...(source.values ? { values: structuredClone(source.values) } : {}),
      ...(source.dependsOn.length > 0 ? { dependsOn: source.dependsOn.map((name) => ({ name })) } : {}),
    },
  });
}
