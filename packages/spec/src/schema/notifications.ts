import { Type, type Static } from '@sinclair/typebox';
import { DnsLabel, Strict } from './common.js';

/**
 * How each Flux Provider type the kit offers uses `spec.channel`, from the Provider API of
 * notification-controller v1.7.5 (Flux 2.7, the version of the vendored CRD):
 * https://fluxcd.io/flux/components/notification/providers/ (source: docs/spec/v1beta3/providers.md
 * and internal/notifier/factory.go at that tag).
 * - `none`: the type has no channel; the destination is part of the address (msteams and discord
 *   "lack support for configuring a Channel"; googlechat, lark, generic, generic-hmac, opsgenie and
 *   alertmanager are built without it), so a channel would be silently ignored;
 * - `required`: the channel is the destination (telegram chat, matrix room, webex room, zulip
 *   `<channel>/<topic>`); without it the notifier fails on every event;
 * - `optional`: slack and rocket post to the webhook's own channel unless one is given.
 *
 * Left out on purpose: the Git commit-status types (github, gitlab, gitea, bitbucket,
 * bitbucketserver, azuredevops) post commit statuses, not alerts; githubdispatch triggers workflows;
 * pagerduty takes its routing key in `channel`, which would put a credential in git; the telemetry
 * sinks (azureeventhub, googlepubsub, nats, otel, datadog, sentry, grafana) are not chat channels.
 * Every type here is in the vendored CRD's enum (tested in @aks-hybrid/charts).
 */
export const NOTIFICATION_CHANNEL_USE = {
  msteams: 'none',
  slack: 'optional',
  discord: 'none',
  googlechat: 'none',
  webex: 'required',
  rocket: 'optional',
  lark: 'none',
  matrix: 'required',
  telegram: 'required',
  zulip: 'required',
  opsgenie: 'none',
  alertmanager: 'none',
  generic: 'none',
  'generic-hmac': 'none',
} as const satisfies Record<string, 'none' | 'optional' | 'required'>;

export type NotificationProviderType = keyof typeof NOTIFICATION_CHANNEL_USE;
export const NOTIFICATION_PROVIDER_TYPES = Object.keys(NOTIFICATION_CHANNEL_USE) as NotificationProviderType[];

/**
 * Where Flux sends reconcile failures: a Provider type, maybe a channel, and the name of a Secret that
 * holds the address (webhook URL) and any token. The Secret is created outside git; the spec only names it.
 */
export const Notifications = (description: string, secretNamespace: string) =>
  Strict(
    {
      type: Type.Union(
        NOTIFICATION_PROVIDER_TYPES.map((t) => Type.Literal(t)),
        { description: 'Flux Provider type (https://fluxcd.io/flux/components/notification/providers/#type).' },
      ),
      channel: Type.Optional(
        Type.String({
          minLength: 1,
          // The CRD's own limit on Provider spec.channel.
          maxLength: 2048,
          description:
            'Channel, room or chat, for the types that take one (required for telegram, matrix, webex and zulip `<channel>/<topic>`; not for msteams, discord, googlechat, lark, generic, opsgenie, alertmanager). Never a credential.',
        }),
      ),
      secretRef: DnsLabel(
        `Name of a Secret in ${secretNamespace} with the key \`address\` (the webhook URL) and, for types that need one, \`token\`. Created outside git (kubectl create secret generic, see docs/notifications.md); the kit only references it.`,
      ),
    },
    description,
  );

export type NotificationsInput = Static<ReturnType<typeof Notifications>>;
