import { NOTIFICATION_PROVIDER_TYPES, type ClusterSpec } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { AlertV1Beta3SpecEventSourcesKind, ProviderV1Beta3SpecType } from '../imports/notification.toolkit.fluxcd.io.js';
import { synthClusterManifests } from '../synth.js';
import { exampleCluster, fileOf, team, withCalicoApi, withTeam, type Obj } from '../testing/example-cluster.js';
import { ENTRY_KUSTOMIZATION } from './flux-entry.js';
import { TEAM_EVENT_SOURCE_KINDS } from './team-notifications.js';

const entryUnit = (spec: ClusterSpec) => synthClusterManifests(spec).find((u) => u.dir === '')!;
const teamUnit = (spec: ClusterSpec, name: string) => synthClusterManifests(spec).find((u) => u.dir === `teams/${name}`)!;
const kinds = (objects: readonly Obj[]) => objects.map((o) => `${o.apiVersion} ${o.kind}`);

describe('platform notifications (entry folder)', () => {
  describe('GIVEN the example (msteams, secretRef flux-alerts-msteams)', () => {
    const objects = fileOf(entryUnit(exampleCluster()), 'notifications.yaml');
    const [provider, alert] = objects as [Obj, Obj];

    it('THEN notifications.yaml holds a v1beta3 Provider and Alert in flux-system', () => {
      expect(kinds(objects)).toEqual(['notification.toolkit.fluxcd.io/v1beta3 Provider', 'notification.toolkit.fluxcd.io/v1beta3 Alert']);
      for (const o of objects) expect(o.metadata.namespace).toBe('flux-system');
    });

    it('THEN the Provider names the Secret and carries no address: the webhook URL never reaches git', () => {
      expect(provider.spec).toEqual({ type: 'msteams', secretRef: { name: 'flux-alerts-msteams' } });
      expect(JSON.stringify(objects)).not.toMatch(/https?:\/\//);
    });

    it('THEN the Alert sends error events of the platform GitRepository and of every Kustomization of the tree, the entry one included', () => {
      expect(alert.spec.providerRef).toEqual({ name: provider.metadata.name });
      expect(alert.spec.eventSeverity).toBe('error');
      expect(alert.spec.eventSources).toEqual([
        { kind: 'GitRepository', name: 'platform' },
        { kind: 'Kustomization', name: ENTRY_KUSTOMIZATION },
        { kind: 'Kustomization', name: 'infrastructure' },
        { kind: 'Kustomization', name: 'calico-apiserver' },
        { kind: 'Kustomization', name: 'calico' },
        { kind: 'Kustomization', name: 'teams' },
      ]);
      expect(alert.spec.eventMetadata).toEqual({ cluster: 'weu-prod', environment: 'production' });
    });

    it('THEN no event source names a namespace: under lockdown an Alert may watch only its own', () => {
      for (const source of alert.spec.eventSources) expect(source.namespace).toBeUndefined();
    });

    it('THEN every Kustomization rendered in the entry folder is an event source (none left unwatched)', () => {
      const rendered = entryUnit(exampleCluster())
        .files.flatMap((f) => f.objects as Obj[])
        .filter((o) => o.kind === 'Kustomization')
        .map((o) => o.metadata.name);
      const watched = alert.spec.eventSources.filter((s: Obj) => s.kind === 'Kustomization').map((s: Obj) => s.name);
      expect(watched).toEqual([ENTRY_KUSTOMIZATION, ...rendered]);
    });
  });

  it('GIVEN stock AKS (no Calico API) THEN the Calico steps are not watched: only what is rendered', () => {
    const alert = fileOf(entryUnit(withCalicoApi(exampleCluster(), false)), 'notifications.yaml')[1]!;
    expect(alert.spec.eventSources.map((s: Obj) => s.name)).toEqual(['platform', ENTRY_KUSTOMIZATION, 'infrastructure', 'teams']);
  });

  it('GIVEN slack with a channel THEN the Provider carries the channel', () => {
    const spec: ClusterSpec = { ...exampleCluster(), notifications: { type: 'slack', channel: 'platform-alerts', secretRef: 'slack-bot' } };
    expect(fileOf(entryUnit(spec), 'notifications.yaml')[0]!.spec).toEqual({ type: 'slack', channel: 'platform-alerts', secretRef: { name: 'slack-bot' } });
  });

  it('GIVEN no notifications in the spec THEN there is no notifications.yaml and the Kustomizations are unchanged', () => {
    const { notifications: _, ...without } = exampleCluster();
    const unit = entryUnit(without);
    expect(unit.files.map((f) => f.name)).not.toContain('notifications.yaml');
    expect(unit.files.map((f) => f.name)).toEqual(
      entryUnit(exampleCluster())
        .files.map((f) => f.name)
        .filter((n) => n !== 'notifications.yaml'),
    );
  });
});

describe('team notifications (teams/<team>/notifications.yaml)', () => {
  it('GIVEN a team without notifications (the example) THEN its folder has no notifications.yaml', () => {
    expect(teamUnit(exampleCluster(), 'dev').files.map((f) => f.name)).not.toContain('notifications.yaml');
  });

  describe('GIVEN team dev asks for slack alerts', () => {
    const spec = withTeam(exampleCluster(), {
      ...team(exampleCluster(), 'dev'),
      notifications: { type: 'slack', channel: 'dev-deploys', secretRef: 'dev-slack' },
    });
    const objects = fileOf(teamUnit(spec, 'dev'), 'notifications.yaml');
    const [provider, alert] = objects as [Obj, Obj];

    it('THEN a Provider and an Alert in the team namespace, the Secret only referenced', () => {
      expect(kinds(objects)).toEqual(['notification.toolkit.fluxcd.io/v1beta3 Provider', 'notification.toolkit.fluxcd.io/v1beta3 Alert']);
      for (const o of objects) expect(o.metadata.namespace).toBe('dev');
      expect(provider.spec).toEqual({ type: 'slack', channel: 'dev-deploys', secretRef: { name: 'dev-slack' } });
    });

    it("THEN the Alert selects every Flux object of the team's own namespace, and no other namespace", () => {
      expect(alert.spec.eventSeverity).toBe('error');
      expect(alert.spec.eventSources).toEqual(TEAM_EVENT_SOURCE_KINDS.map((kind) => ({ kind, name: '*' })));
      expect(alert.spec.eventMetadata).toEqual({ cluster: 'weu-prod', team: 'dev' });
    });

    it('THEN the platform Alert is unchanged and stays in flux-system', () => {
      expect(fileOf(entryUnit(spec), 'notifications.yaml')[1]!.metadata.namespace).toBe('flux-system');
    });
  });
});

describe('what the kit offers is what the vendored CRDs accept', () => {
  it('every provider type of the spec is in the Provider v1beta3 type enum', () => {
    const crdTypes = new Set<string>(Object.values(ProviderV1Beta3SpecType));
    expect(NOTIFICATION_PROVIDER_TYPES.filter((t) => !crdTypes.has(t))).toEqual([]);
  });

  it('every event source kind the kit renders is in the Alert v1beta3 eventSources kind enum', () => {
    const crdKinds = new Set<string>(Object.values(AlertV1Beta3SpecEventSourcesKind));
    expect([...TEAM_EVENT_SOURCE_KINDS, 'GitRepository', 'Kustomization'].filter((k) => !crdKinds.has(k))).toEqual([]);
  });
});
