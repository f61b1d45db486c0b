import type { ClusterSpec, Team } from '@aks-hybrid/spec';
import { FluxNotification, type FluxEventSourceKind } from '../constructs/flux-notification.js';
import type { UnitBuilder } from '../manifest.js';

/**
 * The Flux kinds a team may own in its namespace (its delivery: sources, Kustomizations, HelmReleases,
 * and the HelmCharts helm-controller creates for them), each selected with `*`.
 */
export const TEAM_EVENT_SOURCE_KINDS: readonly FluxEventSourceKind[] = [
  'Kustomization',
  'HelmRelease',
  'GitRepository',
  'OCIRepository',
  'HelmRepository',
  'HelmChart',
];

/**
 * `notifications.yaml` of a team that asks for its own alerts: a Provider and an Alert in the team
 * namespace for the reconcile failures of every Flux object there. Only its own namespace: the lockdown
 * refuses an Alert's cross-namespace sources, so a team never subscribes to another team's (or the
 * platform's) events. notification-controller runs in flux-system and reads the Secret with its own
 * cluster-wide read on Secrets (Flux's `crd-controller` ClusterRole,
 * https://github.com/fluxcd/flux2/blob/main/manifests/rbac/controller.yaml); events reach it from the
 * Flux controllers, also in flux-system; so the team's network policies are not on either path.
 */
export function composeTeamNotifications(unit: UnitBuilder, spec: ClusterSpec, team: Team): void {
  if (!team.notifications) return;
  new FluxNotification(unit.file('notifications.yaml'), 'Notifications', {
    namespace: team.name,
    target: team.notifications,
    eventSources: TEAM_EVENT_SOURCE_KINDS.map((kind) => ({ kind, name: '*' })),
    eventMetadata: { cluster: spec.name, team: team.name },
  });
}
