import type { SpecIssue } from '../errors.js';
import type { ParsedFile } from '../load/yaml-file.js';
import { issueAt } from '../load/yaml-file.js';
import type { NotificationTarget } from '../model.js';
import { NOTIFICATION_CHANNEL_USE, type NotificationsInput } from '../schema/notifications.js';
import type { TeamFile } from '../schema/team.js';
import type { CheckContext } from './context.js';

const PROVIDERS_DOC = 'https://fluxcd.io/flux/components/notification/providers/';

/**
 * Flux notifications of the platform and of each team: the channel fits the Provider type
 * (NOTIFICATION_CHANNEL_USE, from the Provider API), and nothing that belongs in the Secret is in git.
 * The JSON Schema cannot say these: they depend on the type.
 */
export function checkNotifications(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const platform = ctx.platform.spec.notifications;
  if (platform) issues.push(...notificationIssues(ctx.platformFile, platform));
  for (const { parsed, team } of ctx.teams) {
    const input = team.spec.notifications;
    if (!input) continue;
    issues.push(...notificationIssues(parsed, input));
    issues.push(...syncedSecretIssues(parsed, team, input));
  }
  return issues;
}

/**
 * A team may keep its webhook in Key Vault and let the CSI driver sync it into the Secret its Provider
 * names (spec.secrets[].syncToSecret). Then that Secret must carry the key Flux reads the destination
 * from: `address` (telegram: `token`, it ignores the address), or every dispatch fails.
 */
function syncedSecretIssues(file: ParsedFile, team: TeamFile, input: NotificationsInput): SpecIssue[] {
  const index = (team.spec.secrets ?? []).findIndex((s) => s.syncToSecret?.name === input.secretRef);
  if (index < 0) return [];
  const keys = team.spec.secrets![index]!.syncToSecret!.keys.map((k) => k.key);
  const needed = input.type === 'telegram' ? 'token' : 'address';
  if (keys.includes(needed)) return [];
  return [
    issueAt(
      file,
      ['spec', 'notifications', 'secretRef'],
      `names the Secret ${input.secretRef} that spec.secrets[${index}] syncs from Key Vault, but that Secret has no key ${needed}, where Flux reads the ${needed === 'token' ? 'bot token' : 'webhook address'}`,
      `add a key ${needed} to spec.secrets[${index}].syncToSecret.keys (${PROVIDERS_DOC}#secret-reference)`,
    ),
  ];
}

function notificationIssues(file: ParsedFile, input: NotificationsInput): SpecIssue[] {
  const path = ['spec', 'notifications'];
  const use = NOTIFICATION_CHANNEL_USE[input.type];
  const { channel } = input;
  if (channel === undefined) {
    if (use !== 'required') return [];
    return [
      issueAt(
        file,
        path,
        `type ${input.type} needs a channel: it is where ${input.type} posts (${channelMeaning(input.type)})`,
        `add notifications.channel (${PROVIDERS_DOC}#${input.type})`,
      ),
    ];
  }
  if (use === 'none') {
    return [
      issueAt(
        file,
        [...path, 'channel'],
        `type ${input.type} takes no channel: Flux would ignore it and post where the webhook address points`,
        `remove notifications.channel and choose the channel when you create the webhook (${PROVIDERS_DOC}#${input.type})`,
      ),
    ];
  }
  // An address or token in the channel would put a credential in git; Flux reads both from the Secret.
  if (/:\/\//.test(channel)) {
    return [
      issueAt(
        file,
        [...path, 'channel'],
        'is a URL: webhook addresses go in the Secret, never in git',
        `put it under the key address of the Secret ${input.secretRef} and set channel to the ${channelMeaning(input.type)}`,
      ),
    ];
  }
  // notification-controller splits a Zulip channel at the first '/' and refuses one without a topic
  // (internal/notifier/zulip.go, NewZulip).
  if (input.type === 'zulip' && !/^[^/]+\/.+$/.test(channel)) {
    return [
      issueAt(
        file,
        [...path, 'channel'],
        `"${channel}" is not <channel>/<topic>, which a zulip Provider needs`,
        `write it as e.g. platform/flux-alerts (${PROVIDERS_DOC}#zulip)`,
      ),
    ];
  }
  return [];
}

function channelMeaning(type: NotificationsInput['type']): string {
  switch (type) {
    case 'telegram':
      return 'chat ID or @channel';
    case 'matrix':
      return 'room ID';
    case 'webex':
      return 'room ID';
    case 'zulip':
      return '<channel>/<topic>';
    default:
      return 'channel name';
  }
}

/** The model of a checked `notifications` block. */
export function notificationTarget(input: NotificationsInput): NotificationTarget {
  return { type: input.type, secretRef: input.secretRef, ...(input.channel !== undefined ? { channel: input.channel } : {}) };
}
