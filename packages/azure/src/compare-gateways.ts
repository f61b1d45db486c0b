import type { VirtualNetworkGateway, VirtualNetworkGatewayConnection } from '@azure/arm-network';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { Collector, sameText } from './compare.js';
import type { LiveLandingZone } from './read-landing-zone.js';

/**
 * The ExpressRoute and VPN gateways and their connections: SKU, active-active, BGP (the failover
 * from ExpressRoute to the VPN relies on BGP: https://learn.microsoft.com/en-us/azure/expressroute/use-s2s-vpn-as-backup-for-expressroute-privatepeering).
 * Skipped, with a note, when the gateways live in a hub (topology `spoke`).
 */
export function compareGateways(c: Collector, spec: ClusterSpec, live: LiveLandingZone): void {
  if (!live.gateways) {
    c.notes.push(`the gateways live in the hub (network.topology is ${spec.network.topology}); they were not compared`);
    return;
  }
  const n = spec.names;
  const er = spec.connectivity.expressRoute;
  const erScope = `gateway ${n.expressRouteGateway}`;
  if (present(c, erScope, live.gateways.expressRoute)) {
    const g = live.gateways.expressRoute!;
    c.check(erScope, 'gatewayType', 'ExpressRoute', g.gatewayType);
    c.check(erScope, 'sku.name', er.gatewaySku, g.sku?.name);
  }
  const erConnection = `connection ${n.expressRouteConnection}`;
  if (present(c, erConnection, live.gateways.expressRouteConnection)) {
    const k = live.gateways.expressRouteConnection!;
    c.check(erConnection, 'connectionType', 'ExpressRoute', k.connectionType);
    c.check(erConnection, 'peer.id', er.circuitId, k.peer?.id, sameText);
    c.check(erConnection, 'routingWeight', er.routingWeight, k.routingWeight);
    c.check(erConnection, 'virtualNetworkGateway1', n.expressRouteGateway, gatewayName(k.virtualNetworkGateway1?.id), sameText);
  }
  const vpn = spec.connectivity.vpn;
  if (!vpn) return;
  const vpnScope = `gateway ${n.vpnGateway}`;
  if (present(c, vpnScope, live.gateways.vpn)) {
    const g: VirtualNetworkGateway = live.gateways.vpn!;
    c.check(vpnScope, 'gatewayType', 'Vpn', g.gatewayType);
    c.check(vpnScope, 'sku.name', vpn.gatewaySku, g.sku?.name);
    // The SDK names the ARM property `activeActive` `active`.
    c.check(vpnScope, 'activeActive', vpn.activeActive, g.active ?? false);
    c.check(vpnScope, 'enableBgp', true, g.enableBgp ?? false);
    c.check(vpnScope, 'bgpSettings.asn', vpn.azureBgpAsn, g.bgpSettings?.asn);
  }
  const vpnConnection = `connection ${n.vpnConnection}`;
  if (present(c, vpnConnection, live.gateways.vpnConnection)) {
    const k: VirtualNetworkGatewayConnection = live.gateways.vpnConnection!;
    c.check(vpnConnection, 'connectionType', 'IPsec', k.connectionType);
    c.check(vpnConnection, 'enableBgp', true, k.enableBgp ?? false);
    c.check(vpnConnection, 'localNetworkGateway2', n.localNetworkGateway, gatewayName(k.localNetworkGateway2?.id), sameText);
  }
  const local = `local gateway ${n.localNetworkGateway}`;
  if (present(c, local, live.gateways.localNetworkGateway)) {
    const l = live.gateways.localNetworkGateway!;
    c.check(local, 'gatewayIpAddress', vpn.peer.deviceIp, l.gatewayIpAddress);
    c.check(local, 'bgpSettings.asn', vpn.peer.bgpAsn, l.bgpSettings?.asn);
    c.check(local, 'bgpSettings.bgpPeeringAddress', vpn.peer.bgpPeeringAddress, l.bgpSettings?.bgpPeeringAddress);
  }
}

/** A resource of the spec that does not exist is one `missing` row; its fields are not compared. */
export function present(c: Collector, scope: string, resource: unknown): boolean {
  if (resource !== undefined) return true;
  c.check(scope, 'resource', 'deployed', undefined);
  return false;
}

const gatewayName = (id: string | undefined) => (id ? id.slice(id.lastIndexOf('/') + 1) : undefined);
