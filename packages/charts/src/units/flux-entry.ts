import type { ClusterSpec } from '@aks-hybrid/spec';
import { CALICO_API_SERVICE } from '../constructs/calico-api-server.js';
import { FluxKustomization, FLUX_NAMESPACE, PLATFORM_SOURCE } from '../constructs/flux-kustomization.js';
import { FluxNotification, type FluxEventSource } from '../constructs/flux-notification.js';
import { TENANT_FLUX_KINDS } from '../constructs/tenant-delivery.js';
import { UnitBuilder, type ManifestUnit } from '../manifest.js';
import { CALICO_API_SERVER_DIR, CALICO_DIR } from './calico.js';

/** Path of a folder of the cluster's Flux tree, as Flux sees it from the repository root. */
export function clusterPath(spec: ClusterSpec, dir: string): string {
  return `./gitops/clusters/${spec.name}/${dir}`;
}

/**
 * Healthy only when the aggregated API answers: the APIService's `Available` condition is True.
 * kstatus alone would call it Current as soon as it exists, so the rule is spelled out in CEL
 * (https://fluxcd.io/flux/components/kustomize/kustomizations/#health-check-expressions); `has()`
 * keeps it false, not an error, while the status is still empty (a missing field makes Flux wait for
 * the timeout: https://fluxcd.io/flux/cheatsheets/cel-healthchecks/).
 */
export const CALICO_API_AVAILABLE = "has(status.conditions) && status.conditions.exists(c, c.type == 'Available' && c.status == 'True')";

/**
 * How `teams` judges the Flux objects of a team's own delivery: healthy once applied. With `wait`, Flux
 * health-checks everything a Kustomization applied, and the custom expressions decide for their kinds
 * (https://fluxcd.io/flux/components/kustomize/kustomizations/#health-check-expressions). Without this,
 * one team's broken repository would turn `teams` not-Ready and page the platform; the team's own
 * Kustomization status and its optional alert report it instead (docs/decisions/0107).
 */
const TENANT_HEALTH = TENANT_FLUX_KINDS.map(({ apiVersion, kind }) => ({ apiVersion, kind, current: 'true' }));

/**
 * The entry folder, applied by the AKS fluxConfiguration `platform`: one Kustomization per folder.
 *
 * Stock AKS (the default): `infrastructure` (baseline, ingress controllers and their guard), then
 * `teams`. Nothing needs the projectcalico.org/v3 API, which AKS-managed Calico does not serve
 * without its API server (Azure/AKS#4038, #5675).
 *
 * With `calicoApiPolicies`: `calico-apiserver` asks the tigera-operator for the API server and is
 * Ready only once the `v3.projectcalico.org` APIService is Available; `calico` (the v3 objects)
 * depends on it, so its dry run never meets a missing API. `teams` depends on `infrastructure` only:
 * team namespaces, their default-deny and ipBlock egress policies are applied while the v3 API is
 * still coming up (or never comes), and the ingress guard's Kubernetes half already holds.
 *
 * With `notifications` in the spec, `notifications.yaml`: a Provider and an Alert in flux-system for the
 * reconcile failures of the platform GitRepository and of every Kustomization here (constructs/flux-notification.ts).
 */
export function fluxEntryUnit(spec: ClusterSpec): ManifestUnit {
  const unit = new UnitBuilder('');
  composeFluxEntry(unit, spec);
  return unit.render();
}

/**
 * The Kustomization the AKS fluxConfiguration `platform` creates for its kustomization `cluster` (the
 * one that applies this folder): AKS names it `<configuration>-<kustomization>`, as the Learn
 * tutorial's `cluster-config-infra` shows for configuration `cluster-config`, kustomization `infra`
 * (https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2). The landing
 * zone names both (flux-kustomizations.ts); a test in @aks-hybrid/gitops keeps the two in step.
 */
export const ENTRY_KUSTOMIZATION = `${PLATFORM_SOURCE}-cluster`;

/** Adds the charts of the folder to `unit`. */
export function composeFluxEntry(unit: UnitBuilder, spec: ClusterSpec): void {
  const steps = [
    new FluxKustomization(unit.file('infrastructure.yaml'), 'Infrastructure', { name: 'infrastructure', path: clusterPath(spec, 'infrastructure') }),
  ];
  if (spec.cluster.calicoApiPolicies) {
    steps.push(
      new FluxKustomization(unit.file('calico-apiserver.yaml'), 'CalicoApiServer', {
        name: CALICO_API_SERVER_DIR,
        path: clusterPath(spec, CALICO_API_SERVER_DIR),
        dependsOn: ['infrastructure'],
        // The operator rolls the API server out after the APIServer object exists: give it time.
        timeout: '10m',
        healthChecks: [{ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', name: CALICO_API_SERVICE }],
        healthCheckExprs: [{ apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', current: CALICO_API_AVAILABLE }],
      }),
      new FluxKustomization(unit.file('calico.yaml'), 'Calico', { name: CALICO_DIR, path: clusterPath(spec, CALICO_DIR), dependsOn: [CALICO_API_SERVER_DIR] }),
    );
  }
  steps.push(
    new FluxKustomization(unit.file('teams.yaml'), 'Teams', {
      name: 'teams',
      path: clusterPath(spec, 'teams'),
      dependsOn: ['infrastructure'],
      ...(spec.teams.some((t) => t.delivery) ? { healthCheckExprs: TENANT_HEALTH } : {}),
    }),
  );
  if (spec.notifications) {
    // Here, not in infrastructure/: the entry folder is applied first and on its own, so the Alert is
    // in place before the first reconcile of the steps it watches, and a failing step cannot keep it out.
    // Its sources are the steps created above, not a second list, so a new step is covered.
    const kustomizations = [ENTRY_KUSTOMIZATION, ...steps.map((step) => step.resource.name)];
    new FluxNotification(unit.file('notifications.yaml'), 'Notifications', {
      namespace: FLUX_NAMESPACE,
      target: spec.notifications,
      eventSources: [{ kind: 'GitRepository', name: PLATFORM_SOURCE }, ...kustomizations.map((name): FluxEventSource => ({ kind: 'Kustomization', name }))],
      eventMetadata: { cluster: spec.name, environment: spec.environment },
    });
  }
}
