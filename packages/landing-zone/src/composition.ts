import type { ClusterSpec } from '@aks-hybrid/spec';

/**
 * The few choices that decide which modules main.bicep calls. Everything else is a parameter value
 * that Bicep itself turns into resources (loops, conditions).
 */
export interface Composition {
  /** Combined topology: this VNet holds the ExpressRoute (and VPN) gateways. */
  readonly gateways: boolean;
  /** Spoke topology: peered to a hub whose gateways it uses. */
  readonly hubPeering: boolean;
  readonly vpn: boolean;
  readonly expressRouteAuthorizationKey: boolean;
}

export function composition(spec: ClusterSpec): Composition {
  const gateways = spec.network.topology === 'combined';
  return {
    gateways,
    hubPeering: !gateways,
    // In a spoke the VPN, like ExpressRoute, terminates in the hub.
    vpn: gateways && spec.connectivity.vpn !== undefined,
    expressRouteAuthorizationKey: gateways && spec.connectivity.expressRoute.authorizationKey !== undefined,
  };
}
