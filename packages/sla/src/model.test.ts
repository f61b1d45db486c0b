import type { ClusterSpec } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { Dec } from './decimal.js';
import { computeSla, type PathId, type SlaModel } from './model.js';
import { fixtureSpec, inOneZone, withoutVpn, withProviderSla, withTier, withUserPool } from './testing/fixture.js';

const path = (model: SlaModel, id: PathId) => model.paths.find((p) => p.id === id)!;
const figureOf = (spec: ClusterSpec, id: PathId, fleet?: ClusterSpec[]) => Dec.parse(path(computeSla(spec, fleet), id).availability);
const compare = (a: Dec, b: Dec) => a.cmp(b);

/*
 * Hand-computed figures for the fixture (three zones, Standard tier, private API, ER + VPN):
 *   ER            = circuit 0.9995 x gateway 0.9995                 = 0.99900025
 *   ER || VPN     = 1 - (1 - 0.99900025)(1 - 0.9995)                = 0.999999500125
 *   control plane = (ER || VPN) x private endpoint 0.9999 x API 0.9995 x Entra 0.9999
 *   workloads     = LB 0.9999 x system pool 0.9999 x general pool 0.9999 x registry 0.999
 *   hybrid        = system pool 0.9999 x general pool 0.9999 x (ER || VPN)
 */
describe('computeSla on the fixture (hand-computed)', () => {
  const model = computeSla(fixtureSpec());

  it('control plane: on-premises -> (ExpressRoute || VPN) -> private endpoint -> API server -> Entra ID', () => {
    expect(path(model, 'control-plane').availability).toBe('0.999299610469857516249375');
    expect(path(model, 'control-plane').percent).toBe('99.929961%');
  });

  it('workloads: ingress -> system and user nodes across zones -> registry', () => {
    expect(path(model, 'workloads').availability).toBe('0.998700329969001');
  });

  it('hybrid: nodes -> (ExpressRoute || VPN) -> on-premises', () => {
    expect(path(model, 'hybrid').availability).toBe('0.99979951022497000125');
  });

  it('downtime is (1 - a) x 30 days and x 365 days, exactly', () => {
    const cp = path(model, 'control-plane');
    expect(cp.downtimePerMonth.seconds).toBe('1815.40966212931788162');
    expect(cp.downtimePerMonth.text).toBe('30 min 16 s');
    expect(cp.downtimePerYear.seconds).toBe('22087.48422257336755971');
  });

  it('names the dominant component of each path', () => {
    expect(path(model, 'control-plane').dominant.componentIds).toEqual(['aks-api-server:hyb-prod']);
    expect(path(model, 'workloads').dominant.componentIds).toEqual(['acr:acrhybprod:home']);
    // With ER || VPN, each 99.99% pool weighs more than either link.
    expect(path(model, 'hybrid').dominant.componentIds).toEqual(['pool:hyb-prod:system', 'pool:hyb-prod:general']);
  });
});

describe('each spec choice changes the figures it should, and only those', () => {
  const base = fixtureSpec();

  it('GIVEN the Free tier THEN the control plane uses the 99.5% objective and drops; workloads and hybrid do not move', () => {
    const free = withTier(base, 'Free');
    // (ER || VPN) x 0.9999 x 0.995 x 0.9999
    expect(figureOf(free, 'control-plane').toString()).toBe('0.99480051267384515124375');
    expect(compare(figureOf(free, 'workloads'), figureOf(base, 'workloads'))).toBe(0);
    const api = computeSla(free).components.find((c) => c.id === 'aks-api-server:hyb-prod')!;
    expect(api.kind).toBe('slo');
  });

  it('GIVEN zones [1] THEN the API server gets 99.9% and the pools 99.95%: every path drops', () => {
    const oneZone = inOneZone(base);
    expect(figureOf(oneZone, 'control-plane').toString()).toBe('0.99879971071474503124875');
    // LB 0.9999 x system 0.9995 x general 0.9995 x registry 0.999
    expect(figureOf(oneZone, 'workloads').toString()).toBe('0.997901449625025');
    expect(figureOf(oneZone, 'hybrid').toString()).toBe('0.99899975062475003125');
  });

  it('GIVEN no VPN THEN ExpressRoute stands alone on the control plane and hybrid paths; workloads unchanged', () => {
    const noVpn = withoutVpn(base);
    // 0.99900025 x 0.9999 x 0.9995 x 0.9999
    expect(figureOf(noVpn, 'control-plane').toString()).toBe('0.99830105971003249875');
    expect(figureOf(noVpn, 'hybrid').toString()).toBe('0.9988004599400025');
    expect(compare(figureOf(noVpn, 'workloads'), figureOf(base, 'workloads'))).toBe(0);
    expect(path(computeSla(noVpn), 'hybrid').dominant.componentIds).toEqual([
      'er-circuit:/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/expressRouteCircuits/erc-hyb-prod',
      'er-gateway:hyb-prod',
    ]);
  });

  it('GIVEN the only user pool in one zone THEN workloads and hybrid drop (99.95% for that pool); the control plane does not', () => {
    const oneZonePool = withUserPool(base, 'general', { zones: ['1'] });
    expect(figureOf(oneZonePool, 'workloads').toString()).toBe('0.998300809885005');
    expect(figureOf(oneZonePool, 'hybrid').toString()).toBe('0.99939955042490000625');
    expect(compare(figureOf(oneZonePool, 'control-plane'), figureOf(base, 'control-plane'))).toBe(0);
  });

  it('GIVEN a pool that keeps one node THEN it gets the single-VM figure (99.9%)', () => {
    const single = {
      ...withUserPool(base, 'general', { minCount: 1 }),
      teams: base.teams.map((t) => ({ ...t, workloads: t.workloads.map((w) => ({ ...w, replicas: { min: 1, max: 3 } })) })),
    };
    const pool = computeSla(single).components.find((c) => c.id === 'pool:hyb-prod:general')!;
    expect(pool.figureKey).toBe('single');
    expect(pool.availability).toBe('0.999');
  });

  it('GIVEN minCount 0 but a workload of 3 replicas THEN the replicas keep 3 nodes over the zones', () => {
    const scaleFromZero = withUserPool(base, 'general', { minCount: 0 });
    const pool = computeSla(scaleFromZero).components.find((c) => c.id === 'pool:hyb-prod:general')!;
    expect(pool.figureKey).toBe('multi-zone');
    expect(pool.why).toMatch(/api keeps at least 3 replicas/);
  });

  it("GIVEN the provider's last-mile SLA THEN it is counted in series with the circuit", () => {
    const withProvider = withProviderSla(withoutVpn(base), 0.9995);
    // 0.9999^2 x 0.9995 (last mile) x 0.9995 x 0.9995
    expect(figureOf(withProvider, 'hybrid').toString()).toBe('0.99830105971003249875');
  });

  it('GIVEN a registry geo-replica THEN image pulls survive one registry region: workloads rise', () => {
    const replicated = { ...base, registry: { ...base.registry, replicaLocations: ['northeurope'] } };
    // 0.9999^3 x (1 - 0.001^2)
    expect(figureOf(replicated, 'workloads').toString()).toBe('0.999699030298970001');
  });
});

describe('fleet: clusters of the same service (no global router counted: the kit deploys none)', () => {
  const a = fixtureSpec('hyb-weu', 'shop');
  const b = fixtureSpec('hyb-neu', 'shop');
  const other = fixtureSpec('batch-weu', 'batch');

  it('GIVEN two independent clusters THEN workloads of the service = 1 - (1 - W)^2, with no Front Door in the figure or on any path', () => {
    const model = computeSla(a, [a, b, other]);
    expect(model.fleet?.clusters).toEqual(['hyb-neu', 'hyb-weu']);
    expect(model.fleet?.router).toBeNull();
    const w = model.fleet!.paths.find((p) => p.id === 'workloads')!;
    // W = 0.998700329969001; 1 - 0.001299670030999^2
    expect(w.availability).toBe('0.999998310857810523058379061999');
    expect(model.components.map((c) => c.component)).not.toContain('front-door');
    expect(w.notes.join(' ')).toContain('global router, which the kit does not deploy');
  });

  it('GIVEN clusters sharing the ExpressRoute circuit THEN the hybrid link of the service is capped by that circuit', () => {
    const shared = { ...b, connectivity: { ...b.connectivity, expressRoute: a.connectivity.expressRoute } };
    const noVpnA = withoutVpn(a);
    const noVpnB = withoutVpn(shared);
    const model = computeSla(noVpnA, [noVpnA, noVpnB]);
    const hybrid = Dec.parse(model.fleet!.paths.find((p) => p.id === 'hybrid')!.availability);
    expect(hybrid.cmp(Dec.parse('0.9995'))).toBe(-1);
  });

  it('GIVEN a cluster of another service THEN it is not part of the fleet', () => {
    expect(computeSla(a, [a, other]).fleet).toBeUndefined();
  });
});

describe('best single change', () => {
  const effect = (model: SlaModel, change: string, id: PathId) => model.changes.find((c) => c.id === change)!.effects.find((e) => e.path === id)!;
  const best = (model: SlaModel, id: PathId) => model.bestChanges.find((b) => b.path === id)!.changeId;

  it('GIVEN the Free tier THEN moving to Standard is the best change for the control plane, worth the recomputed figure', () => {
    const model = computeSla(withTier(fixtureSpec(), 'Free'));
    expect(best(model, 'control-plane')).toBe('standard-tier');
    expect(effect(model, 'standard-tier', 'control-plane').after).toBe('0.999299610469857516249375');
  });

  it('GIVEN no VPN THEN adding the VPN beats a second circuit and a second region for the hybrid path', () => {
    const model = computeSla(withoutVpn(fixtureSpec()));
    expect(best(model, 'hybrid')).toBe('vpn-failover');
    expect(effect(model, 'vpn-failover', 'hybrid').after).toBe('0.99979951022497000125');
    expect(compare(Dec.parse(effect(model, 'second-circuit', 'hybrid').gain), Dec.ZERO)).toBe(1);
  });

  it('GIVEN ER + VPN THEN a second circuit is computed as parallel circuits on the same gateway', () => {
    // gateway 0.9995 x (1 - 0.0005^2), then || VPN, x the two pools
    expect(effect(computeSla(fixtureSpec()), 'second-circuit', 'hybrid').after).toBe('0.999799759925084986250625');
  });

  it('GIVEN the unreplicated registry dominates THEN a geo-replica beats a second region that would share that registry', () => {
    const model = computeSla(fixtureSpec());
    expect(best(model, 'workloads')).toBe('geo-replica');
    expect(effect(model, 'geo-replica', 'workloads').after).toBe('0.999699030298970001');
  });

  it('GIVEN a replicated registry and one cluster THEN a second region is the best change for workloads (the global router it needs is not counted)', () => {
    const spec = fixtureSpec();
    const model = computeSla({ ...spec, registry: { ...spec.registry, replicaLocations: ['northeurope'] } });
    expect(best(model, 'workloads')).toBe('second-region');
    // shared registry (1 - 0.001^2) x (1 - (1 - 0.9999^3)^2)
    expect(effect(model, 'second-region', 'workloads').after).toBe('0.999998910018088482061498940001');
  });

  it('GIVEN two clusters already THEN no second region is proposed', () => {
    const a = fixtureSpec('hyb-weu');
    expect(computeSla(a, [a, fixtureSpec('hyb-neu')]).changes.map((c) => c.id)).not.toContain('second-region');
  });
});
