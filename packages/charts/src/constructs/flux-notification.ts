import type { NotificationTarget } from '@aks-hybrid/spec';
import type { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { createApiObject } from '../api-objects.js';
import { AlertV1Beta3, ProviderV1Beta3 } from '../imports/notification.toolkit.fluxcd.io.js';
import { managedBy } from '../labels.js';

/** Name of the Provider, in every namespace that gets one. */
export const ALERT_PROVIDER_NAME = 'flux-alerts';
/** Name of the Alert, in every namespace that gets one. */
export const FAILURE_ALERT_NAME = 'flux-reconcile-failures';

/** Flux kinds an Alert can select (the vendored Alert v1beta3 CRD's `eventSources[].kind` enum, minus image automation). */
export type FluxEventSourceKind = 'Kustomization' | 'HelmRelease' | 'GitRepository' | 'OCIRepository' | 'HelmRepository' | 'HelmChart' | 'Bucket';

export interface FluxEventSource {
  readonly kind: FluxEventSourceKind;
  /** Object name, or `*` for every object of the kind in the Alert's namespace. */
  readonly name: string;
}

export interface FluxNotificationProps {
  /** Namespace of the Provider, the Alert, the Secret and every event source. */
  readonly namespace: string;
  /** Provider type, channel and Secret name, from the spec. */
  readonly target: NotificationTarget;
  /** Objects whose error events are sent. Always in `namespace`: see the class comment. */
  readonly eventSources: readonly FluxEventSource[];
  /**
   * Added to every notification so a reader knows where it comes from (Alert `spec.eventMetadata`,
   * https://fluxcd.io/flux/components/notification/alerts/#event-metadata).
   * @default - none
   */
  readonly eventMetadata?: Readonly<Record<string, string>>;
}

/**
 * A Flux Provider and an Alert that sends it the reconcile failures (`eventSeverity: error`) of the
 * given objects (https://fluxcd.io/flux/components/notification/alerts/, API v1beta3: the version the
 * vendored notification-controller v1.7.5 CRDs store; Alert and Provider have no v1 in any Flux release).
 *
 * - The address (webhook URL) is never rendered: the Provider's `secretRef` names a Secret created
 *   outside git, whose key `address` overrides `spec.address`
 *   (https://fluxcd.io/flux/components/notification/providers/#secret-reference).
 * - v1beta3 Providers and Alerts are static objects: "no longer reconciled ... will not advertise any
 *   status. Once Alerts and Providers are created, they can be considered ready"
 *   (https://github.com/fluxcd/notification-controller/blob/main/CHANGELOG.md#120). So a missing
 *   Secret never holds up the Kustomization that applies them; it shows when an event is dispatched:
 *   notification-controller logs "failed to dispatch notification" and records a Warning event
 *   `NotificationDispatchFailed` on the Alert (internal/server/event_handlers.go, handleEvent, v1.7.5).
 * - Event sources carry no `namespace`, so they are the Alert's own namespace: under the AKS Flux
 *   extension's lockdown (`--no-cross-namespace-refs=true`) "alerts can only refer to event sources in
 *   the same namespace as the alert object"
 *   (https://fluxcd.io/flux/components/notification/alerts/#disable-cross-namespace-selectors).
 */
export class FluxNotification extends Construct {
  public readonly provider: ApiObject;
  public readonly alert: ApiObject;

  constructor(scope: Construct, id: string, props: FluxNotificationProps) {
    super(scope, id);
    const { namespace, target } = props;
    const metadata = (name: string) => ({ name, namespace, labels: managedBy() });
    this.provider = createApiObject(ProviderV1Beta3, this, 'Provider', {
      metadata: metadata(ALERT_PROVIDER_NAME),
      spec: {
        type: target.type,
        ...(target.channel !== undefined ? { channel: target.channel } : {}),
        secretRef: { name: target.secretRef },
      },
    });
    const eventMetadata = props.eventMetadata ?? {};
    this.alert = createApiObject(AlertV1Beta3, this, 'Alert', {
      metadata: metadata(FAILURE_ALERT_NAME),
      spec: {
        providerRef: { name: ALERT_PROVIDER_NAME },
        eventSeverity: 'error',
        eventSources: props.eventSources.map((s) => ({ kind: s.kind, name: s.name })),
        ...(Object.keys(eventMetadata).length > 0 ? { eventMetadata: { ...eventMetadata } } : {}),
      },
    });
  }
}
