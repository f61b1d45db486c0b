import {
  federatedCredentialName,
  formatIpv4,
  isCidr,
  keyVaultPrivateEndpointName,
  parseCidr,
  TEAM_IDENTITY_CLIENT_IDS_OUTPUT,
  workloadIdentitySubject,
  type ClusterSpec,
} from '@aks-hybrid/spec';

/** Deployment outputs of main.bicep that carry the fixed addresses. */
export const EGRESS_PREFIX_OUTPUT = 'egressPublicIpPrefix';
export const INGRESS_ADDRESS_OUTPUT = 'ingressPublicIpAddress';

/** `recorded`: the spec holds the address Azure allocated. `pending`: read it from the deployment output. */
export type AddressStatus = 'recorded' | 'pending';

export interface FixedAddresses {
  readonly cluster: string;
  /** The spec file these values come from. */
  readonly source: string;
  readonly egress: {
    /** The prefix every node leaves from, once recorded in the spec; null while pending. */
    readonly publicIpPrefix: string | null;
    readonly status: AddressStatus;
    readonly deploymentOutput: typeof EGRESS_PREFIX_OUTPUT;
    readonly prefixLength: number;
    readonly addressCount: number;
    readonly publicIpPrefixName: string;
    readonly publicIpPrefixResourceId: string;
    readonly natGatewayName: string;
    readonly natGatewayResourceId: string;
  };
  /** Null when the spec asks for no public ingress address. */
  readonly ingress: {
    readonly publicIpAddress: string | null;
    readonly status: AddressStatus;
    readonly deploymentOutput: typeof INGRESS_ADDRESS_OUTPUT;
    readonly publicIpName: string;
    readonly publicIpResourceId: string;
  } | null;
  readonly virtualNetwork: {
    readonly name: string;
    readonly addressSpace: readonly string[];
    readonly subnets: Readonly<Record<string, string>>;
  };
  readonly onPremises: { readonly ranges: readonly string[] };
  /**
   * Hybrid DNS, when the spec deploys the DNS Private Resolver: the inbound endpoint address, and the
   * zones on-premises DNS must forward to it (conditional forwarders). Null without a resolver.
   */
  readonly dns: {
    readonly resolverInboundAddress: string;
    readonly conditionalForwarders: ReadonlyArray<{ readonly zone: string; readonly forwardTo: string }>;
    readonly forwardedToOnPremises: ReadonlyArray<{ readonly zone: string; readonly servers: readonly string[] }>;
  } | null;
  /**
   * The team identities. Azure assigns the client ID at deployment: `recorded` once the team file
   * holds it (the ServiceAccounts are then annotated with it), `pending` until then (read it from
   * the deployment output and record it where `recordAs` says).
   */
  readonly workloadIdentities: ReadonlyArray<{
    readonly team: string;
    readonly identityName: string;
    readonly identityResourceId: string;
    readonly clientId: string | null;
    readonly status: AddressStatus;
    readonly deploymentOutput: typeof TEAM_IDENTITY_CLIENT_IDS_OUTPUT;
    readonly recordAs: string;
    readonly federatedCredentials: ReadonlyArray<{ readonly name: string; readonly serviceAccount: string; readonly subject: string }>;
    readonly keyVault: string | null;
  }>;
  /** The team Key Vaults, reachable only through their private endpoints. */
  readonly keyVaults: ReadonlyArray<{ readonly name: string; readonly uri: string; readonly privateEndpointName: string; readonly teams: readonly string[] }>;
}

/**
 * The inbound endpoint's static address: the first usable one of its subnet (Azure keeps the first
 * four of every subnet: https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq#are-there-any-restrictions-on-using-ip-addresses-within-these-subnets).
 * Undefined without a resolver.
 */
export function dnsResolverInboundAddress(spec: ClusterSpec): string | undefined {
  const subnet = spec.network.subnets.dnsResolverInbound;
  if (!subnet) return undefined;
  const cidr = parseCidr(subnet);
  if (!isCidr(cidr)) throw new Error(`spec.network.subnets.dnsResolverInbound ${subnet} is not a CIDR`);
  return formatIpv4(cidr.network + 4);
}

/** The private zones the cluster's names resolve in, which on-premises DNS must forward into Azure. */
export function privateZonesToForward(spec: ClusterSpec): string[] {
  return [
    ...(spec.registry.privateEndpoint ? ['privatelink.azurecr.io'] : []),
    ...(spec.cluster.apiServer.access === 'private' ? [`privatelink.${spec.azure.location}.azmk8s.io`] : []),
    ...((spec.keyVault?.vaults.length ?? 0) > 0 ? ['privatelink.vaultcore.azure.net'] : []),
  ];
}

/**
 * The addresses the rest of the world allow-lists, in one machine-readable place: written next to
 * the Bicep as addresses.json, and the same values the cluster's Calico sets are built from.
 */
export function fixedAddresses(spec: ClusterSpec): FixedAddresses {
  const id = (type: string, name: string) =>
    `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}/providers/Microsoft.Network/${type}/${name}`;
  const { names, egress, ingress } = spec;
  // A spoke creates no GatewaySubnet, whatever the spec lists.
  const subnets = Object.entries(spec.network.subnets).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && (entry[0] !== 'gateway' || spec.network.topology === 'combined'),
  );
  return {
    cluster: spec.name,
    source: spec.file,
    egress: {
      publicIpPrefix: egress.allocatedPrefix ?? null,
      status: egress.allocatedPrefix ? 'recorded' : 'pending',
      deploymentOutput: EGRESS_PREFIX_OUTPUT,
      prefixLength: egress.publicIpPrefixLength,
      addressCount: 2 ** (32 - egress.publicIpPrefixLength),
      publicIpPrefixName: names.egressPublicIpPrefix,
      publicIpPrefixResourceId: id('publicIPPrefixes', names.egressPublicIpPrefix),
      natGatewayName: names.natGateway,
      natGatewayResourceId: id('natGateways', names.natGateway),
    },
    ingress: ingress.publicIp
      ? {
          publicIpAddress: ingress.allocatedAddress ?? null,
          status: ingress.allocatedAddress ? 'recorded' : 'pending',
          deploymentOutput: INGRESS_ADDRESS_OUTPUT,
          publicIpName: names.ingressPublicIp,
          publicIpResourceId: id('publicIPAddresses', names.ingressPublicIp),
        }
      : null,
    virtualNetwork: {
      name: names.virtualNetwork,
      addressSpace: spec.network.addressSpace,
      subnets: Object.fromEntries(subnets),
    },
    onPremises: { ranges: spec.onPremises.ranges },
    dns: resolverDns(spec),
    workloadIdentities: spec.teams.flatMap((team) => {
      const identity = team.azureIdentity;
      if (!identity) return [];
      return [
        {
          team: team.name,
          identityName: identity.name,
          identityResourceId: `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${identity.name}`,
          clientId: identity.clientId ?? null,
          status: identity.clientId ? 'recorded' : 'pending',
          deploymentOutput: TEAM_IDENTITY_CLIENT_IDS_OUTPUT,
          recordAs: `${team.file} spec.azureIdentity.clientId`,
          federatedCredentials: identity.serviceAccounts.map((sa) => ({
            name: federatedCredentialName(sa),
            serviceAccount: sa,
            subject: workloadIdentitySubject(team.name, sa),
          })),
          keyVault: identity.keyVault ?? null,
        },
      ];
    }),
    // vaultUri is https://<name>.vault.azure.net/ in the public cloud.
    keyVaults: (spec.keyVault?.vaults ?? []).map((vault) => ({
      name: vault.name,
      uri: `https://${vault.name}.vault.azure.net/`,
      privateEndpointName: keyVaultPrivateEndpointName(vault.name),
      teams: vault.teams,
    })),
  };
}

function resolverDns(spec: ClusterSpec): FixedAddresses['dns'] {
  const address = dnsResolverInboundAddress(spec);
  if (!address) return null;
  return {
    resolverInboundAddress: address,
    conditionalForwarders: privateZonesToForward(spec).map((zone) => ({ zone, forwardTo: address })),
    forwardedToOnPremises: spec.network.subnets.dnsResolverOutbound
      ? spec.network.dnsForwarding.map((rule) => ({ zone: rule.domain, servers: rule.servers }))
      : [],
  };
}

export function renderAddressesJson(spec: ClusterSpec): string {
  return `${JSON.stringify(fixedAddresses(spec), null, 2)}\n`;
}
