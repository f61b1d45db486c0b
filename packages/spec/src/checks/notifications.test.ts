import { describe, expect, it } from 'vitest';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith, issuesOfExampleWith } from '../testing/example.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const DEV = 'apps/weu-prod/teams/dev.yaml';
const NOTIFICATIONS = ['spec', 'notifications'];
type Edits = Record<string, Array<[Array<string | number>, unknown]>>;

const load = (edits: Edits = {}) => loadCluster(exampleWith(edits), EXAMPLE_CLUSTER);
const issuesOf = (edits: Edits) => issuesOfExampleWith(edits);
const notifications = (value: unknown): Array<[Array<string | number>, unknown]> => [[NOTIFICATIONS, value]];

describe('platform notifications', () => {
  it('GIVEN the example THEN the platform alerts to msteams through the Secret it names, and no team asks for its own', () => {
    const spec = load();
    expect(spec.notifications).toEqual({ type: 'msteams', secretRef: 'flux-alerts-msteams' });
    expect(spec.teams.map((t) => t.notifications)).toEqual(spec.teams.map(() => undefined));
  });

  it('GIVEN no notifications block THEN the model has none', () => {
    expect(load({ [PLATFORM]: notifications(undefined) }).notifications).toBeUndefined();
  });

  it('GIVEN slack with a channel THEN the channel is kept', () => {
    expect(load({ [PLATFORM]: notifications({ type: 'slack', channel: 'platform-alerts', secretRef: 'slack-bot' }) }).notifications).toEqual({
      type: 'slack',
      channel: 'platform-alerts',
      secretRef: 'slack-bot',
    });
  });

  it('GIVEN msteams with a channel THEN refused at the channel: Flux would ignore it', () => {
    const issues = issuesOf({ [PLATFORM]: notifications({ type: 'msteams', channel: 'ops', secretRef: 'flux-alerts-msteams' }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: PLATFORM, path: 'spec.notifications.channel' });
    expect(issues[0]!.message).toContain('takes no channel');
    expect(issues[0]!.line).toBeGreaterThan(0);
  });

  it.each(['telegram', 'matrix', 'webex', 'zulip'])('GIVEN %s without a channel THEN refused at notifications, saying to add one', (type) => {
    const issues = issuesOf({ [PLATFORM]: notifications({ type, secretRef: 'alerts' }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: PLATFORM, path: 'spec.notifications' });
    expect(issues[0]!.hint).toContain('add notifications.channel');
  });

  it('GIVEN a webhook URL as the channel THEN refused: addresses go in the Secret', () => {
    const issues = issuesOf({ [PLATFORM]: notifications({ type: 'slack', channel: 'https://hooks.slack.com/services/T000/B000/XXXX', secretRef: 'alerts' }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'spec.notifications.channel' });
    expect(issues[0]!.message).toContain('never in git');
  });

  it('GIVEN zulip channel/topic THEN accepted; a channel without a topic THEN refused', () => {
    expect(issuesOf({ [PLATFORM]: notifications({ type: 'zulip', channel: 'platform/flux', secretRef: 'zulip-bot' }) })).toEqual([]);
    const issues = issuesOf({ [PLATFORM]: notifications({ type: 'zulip', channel: 'platform', secretRef: 'zulip-bot' }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('<channel>/<topic>');
  });

  it.each([
    ['an address instead of a name', { type: 'msteams', secretRef: 'https://prod.logic.azure.com/workflows/x' }, 'spec.notifications.secretRef'],
    [
      'a type Flux has but the kit does not offer (pagerduty takes its routing key in channel)',
      { type: 'pagerduty', secretRef: 'pd' },
      'spec.notifications.type',
    ],
    [
      'an address field (the URL belongs in the Secret)',
      { type: 'msteams', secretRef: 'teams', address: 'https://example.invalid/hook' },
      'spec.notifications.address',
    ],
    ['no secretRef', { type: 'msteams' }, 'spec.notifications'],
  ])('GIVEN %s THEN the schema refuses it', (_what, value, path) => {
    const issues = issuesOf({ [PLATFORM]: notifications(value) });
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.every((i) => i.file === PLATFORM)).toBe(true);
  });
});

describe('team notifications', () => {
  it('GIVEN a team asking for slack alerts THEN its model carries them, the platform keeps its own', () => {
    const spec = load({ [DEV]: notifications({ type: 'slack', channel: 'dev-deploys', secretRef: 'dev-slack' }) });
    expect(spec.teams.find((t) => t.name === 'dev')!.notifications).toEqual({ type: 'slack', channel: 'dev-deploys', secretRef: 'dev-slack' });
    expect(spec.notifications).toEqual({ type: 'msteams', secretRef: 'flux-alerts-msteams' });
  });

  it('GIVEN a team using discord with a channel THEN refused in the team file', () => {
    const issues = issuesOf({ [DEV]: notifications({ type: 'discord', channel: 'general', secretRef: 'dev-discord' }) });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: DEV, path: 'spec.notifications.channel' });
  });

  describe('GIVEN the webhook kept in Key Vault and synced into the Secret the Provider names', () => {
    const synced = (key: string): Edits => ({
      [DEV]: [
        [['spec', 'azureIdentity'], { keyVault: true, clientId: '0f2d3c4b-1a2b-4c5d-8e9f-0123456789ab' }],
        [
          ['spec', 'secrets'],
          [{ name: 'alerts', objects: [{ name: 'teams-webhook' }], syncToSecret: { name: 'dev-alerts', keys: [{ key, object: 'teams-webhook' }] } }],
        ],
        ...notifications({ type: 'msteams', secretRef: 'dev-alerts' }),
      ],
    });

    it('WHEN the synced Secret has the key address THEN accepted', () => {
      expect(issuesOf(synced('address'))).toEqual([]);
    });

    it('WHEN it has no key address THEN refused at secretRef, naming the key to add', () => {
      const issues = issuesOf(synced('url'));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ file: DEV, path: 'spec.notifications.secretRef' });
      expect(issues[0]!.hint).toContain('add a key address to spec.secrets[0].syncToSecret.keys');
    });
  });

  it('GIVEN a team secretRef that is not a DNS label THEN the schema refuses it in the team file', () => {
    const issues = issuesOf({ [DEV]: notifications({ type: 'msteams', secretRef: 'Dev_Teams' }) });
    expect(issues.map((i) => `${i.file} ${i.path}`)).toContain(`${DEV} spec.notifications.secretRef`);
  });
});
