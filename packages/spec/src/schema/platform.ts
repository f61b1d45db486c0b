import { Type, type Static } from '@sinclair/typebox';
import { Cidr, CodeOwners, DnsLabel, Guid, Ipv4, SecretRef, SPEC_API_VERSION, Strict, StringMap } from './common.js';
import { Notifications } from './notifications.js';
import { TenantSourcesInput } from './tenant-delivery.js';

const Zones = Type.Array(Type.Union([Type.Literal('1'), Type.Literal('2'), Type.Literal('3')]), {
  description: 'Availability zones. Default: the cluster zones (azure.zones).',
  uniqueItems: true,
  minItems: 1,
});

const Taint = Type.String({
  description: 'Node taint `key=value:Effect`.',
  pattern: '^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?=[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?:(NoSchedule|PreferNoSchedule|NoExecute)$',
});

const poolProperties = {
  name: Type.String({
    description: 'Agent pool name: lowercase letters and digits, starting with a letter, at most 12 characters (AKS limit for Linux pools).',
    pattern: '^[a-z][a-z0-9]{0,11}$',
  }),
  vmSize: Type.String({ description: 'Azure VM size, e.g. Standard_D8ds_v5.', pattern: '^Standard_[A-Za-z0-9_]+$' }),
  vcpus: Type.Optional(Type.Integer({ minimum: 1, description: 'vCPUs of the VM size. Required only when the size is not in the kit table.' })),
  memoryGiB: Type.Optional(
    Type.Number({ exclusiveMinimum: 0, description: 'Memory (GiB) of the VM size. Required only when the size is not in the kit table.' }),
  ),
  minCount: Type.Integer({ minimum: 0, maximum: 1000, description: 'Cluster autoscaler minimum node count.' }),
  maxCount: Type.Integer({ minimum: 1, maximum: 1000, description: 'Cluster autoscaler maximum node count.' }),
  zones: Type.Optional(Zones),
  osDiskType: Type.Optional(Type.Union([Type.Literal('Ephemeral'), Type.Literal('Managed')], { description: 'Default: Ephemeral.' })),
  osDiskSizeGB: Type.Optional(Type.Integer({ minimum: 30, maximum: 2048, description: 'Default: 128.' })),
  osSku: Type.Optional(Type.Union([Type.Literal('AzureLinux'), Type.Literal('Ubuntu')], { description: 'Default: AzureLinux.' })),
  maxPods: Type.Optional(Type.Integer({ minimum: 10, maximum: 250, description: 'Default: 110.' })),
  labels: Type.Optional(StringMap('Extra node labels.')),
  upgradeSettings: Type.Optional(
    // Ranges from the agentPool type of Microsoft.ContainerService 2026-05-01 (AgentPoolUpgradeSettings)
    // and https://learn.microsoft.com/azure/aks/upgrade-aks-node-pools-rolling (formerly
    // https://learn.microsoft.com/azure/aks/upgrade-aks-cluster#customize-node-surge-upgrade).
    Strict(
      {
        maxSurge: Type.Optional(
          Type.String({
            // A node count (1 or more) or a percentage of the pool, 1% to 100%. 0 is valid only with
            // maxUnavailable, which the kit does not set.
            pattern: '^([1-9][0-9]{0,3}|([1-9]|[1-9][0-9]|100)%)$',
            description:
              "Extra nodes AKS adds while it upgrades the pool: a count ('1') or a percentage of the pool ('33%'). Default: '33%', Microsoft's recommendation for production pools.",
          }),
        ),
        drainTimeoutInMinutes: Type.Optional(
          Type.Integer({
            minimum: 1,
            maximum: 1440,
            description: 'Minutes AKS waits for the pods of one node to be evicted (honouring PodDisruptionBudgets) before the upgrade fails. Default: 30.',
          }),
        ),
        nodeSoakDurationInMinutes: Type.Optional(
          Type.Integer({ minimum: 0, maximum: 30, description: 'Minutes AKS waits after draining a node before reimaging it and moving on. Default: 0.' }),
        ),
      },
      'How AKS upgrades the pool: surge, drain timeout and soak time.',
    ),
  ),
};

const SystemPool = Strict(poolProperties, 'System node pool: runs cluster add-ons only (tainted CriticalAddonsOnly).');

const UserPool = Strict(
  {
    ...poolProperties,
    workloadClass: DnsLabel(
      'Workload class served by this pool (e.g. general, memory, storage). Workloads choose a class; the kit pins them to this pool.',
      40,
    ),
    taints: Type.Optional(
      Type.Array(Taint, { description: 'Default: `kit.aks-hybrid.dev/workload-class=<class>:NoSchedule` for every pool but the default one.' }),
    ),
    default: Type.Optional(
      Type.Boolean({ description: 'The pool for workloads that name no class. Exactly one user pool is the default; it carries no taint by default.' }),
    ),
  },
  'User node pool, one per workload shape.',
);

const PlatformPolicyException = Strict(
  {
    rule: Type.String({ description: 'Policy rule ID, e.g. KIT-RBAC-004.', pattern: '^KIT-[A-Z]+-[0-9]{3}$' }),
    object: Type.String({
      description:
        'Object the exception covers: `Kind/namespace/name` for a namespaced object, `Kind/name` for a cluster-scoped one or a Bicep resource (`registries/registry`).',
      pattern: '^[A-Za-z]+/([a-z0-9.-]+/)?[A-Za-z0-9.:-]+$',
    }),
    reason: Type.String({ minLength: 10, description: 'Why the exception is needed; shown in the policy report.' }),
  },
  'A reasoned exception to one policy rule for one object outside the team namespaces.',
);

const ExternalRange = Strict(
  {
    name: DnsLabel('Name of the set (becomes a Calico GlobalNetworkSet `external-<name>`).', 50),
    description: Type.String({ description: 'What these addresses are and who owns them.' }),
    cidrs: Type.Array(Cidr('CIDR'), { minItems: 1 }),
  },
  'An allow-listed range outside Azure and outside on-premises (e.g. CI runners).',
);

export const PlatformFile = Strict(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: Type.Literal(SPEC_API_VERSION, { description: `Always ${SPEC_API_VERSION}.` }),
    kind: Type.Literal('Platform'),
    metadata: Strict(
      {
        name: DnsLabel('Cluster key: the folder name under apps/, used in every generated name.', 24),
        service: DnsLabel('Service this cluster serves. Clusters with the same service form a fleet (used by the SLA report).'),
        environment: Type.Union([Type.Literal('production'), Type.Literal('staging'), Type.Literal('development')], {
          description: 'Environment of the cluster.',
        }),
        description: Type.Optional(Type.String()),
        codeowners: Type.Optional(CodeOwners('GitHub users or teams who approve changes to this cluster and to everything no team owns (.github/CODEOWNERS).')),
      },
      'Identity of the cluster.',
    ),
    spec: Strict(
      {
        azure: Strict(
          {
            tenantId: Guid('Entra ID tenant.'),
            subscriptionId: Guid('Subscription of the landing zone.'),
            location: Type.String({ description: 'Azure region, e.g. westeurope.', pattern: '^[a-z0-9]+$' }),
            resourceGroup: Type.String({ description: 'Resource group of the landing zone.', pattern: '^[-\\w._()]{1,89}[-\\w_()]$' }),
            zones: Zones,
            tags: Type.Optional(StringMap('Tags on every resource.')),
          },
          'Where the landing zone lives.',
        ),
        names: Type.Optional(
          Strict(
            {
              virtualNetwork: Type.Optional(Type.String()),
              cluster: Type.Optional(Type.String()),
              logAnalyticsWorkspace: Type.Optional(Type.String()),
              natGateway: Type.Optional(Type.String()),
            },
            'Overrides for generated resource names (default: CAF abbreviations + cluster key).',
          ),
        ),
        network: Strict(
          {
            topology: Type.Optional(
              Type.Union([Type.Literal('combined'), Type.Literal('spoke')], {
                description:
                  'combined: this VNet holds the gateways (hub-style). spoke: gateways live in a hub VNet peered with gateway transit. Default: combined.',
              }),
            ),
            hubVirtualNetworkId: Type.Optional(
              Type.String({
                description: 'Resource ID of the hub VNet (topology spoke).',
                pattern: '^/subscriptions/.+/providers/Microsoft.Network/virtualNetworks/[^/]+$',
              }),
            ),
            addressSpace: Type.Array(Cidr('VNet address prefix.'), { minItems: 1 }),
            dnsServers: Type.Optional(Type.Array(Ipv4('DNS server'), { description: 'Custom DNS servers for the VNet (e.g. on-premises resolvers).' })),
            subnets: Strict(
              {
                systemNodes: Cidr('Subnet of the system node pool.'),
                userNodes: Cidr('Subnet of the user node pools.'),
                gateway: Type.Optional(Cidr('GatewaySubnet (/27 or larger) for the ExpressRoute and VPN gateways. Required for topology combined.')),
                ingress: Cidr('Subnet for the internal ingress load balancer.'),
                privateEndpoints: Cidr('Subnet for private endpoints (registry).'),
                dnsResolverInbound: Type.Optional(
                  Cidr(
                    'Subnet (/28 to /24, delegated to Microsoft.Network/dnsResolvers) of the DNS Private Resolver inbound endpoint: on-premises DNS forwards the private zones to it. Deploys the resolver.',
                  ),
                ),
                dnsResolverOutbound: Type.Optional(
                  Cidr(
                    'Subnet (/28 to /24, delegated) of the DNS Private Resolver outbound endpoint, which forwards the dnsForwarding zones to on-premises. Needs dnsResolverInbound.',
                  ),
                ),
              },
              'Subnets, all inside the VNet address space.',
            ),
            dnsForwarding: Type.Optional(
              Type.Array(
                Strict(
                  {
                    domain: Type.String({
                      description: 'An on-premises DNS zone, e.g. corp.contoso.com.',
                      pattern: '^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}\\.?$',
                    }),
                    servers: Type.Optional(
                      Type.Array(Ipv4('On-premises DNS server'), { minItems: 1, description: 'Where the zone is forwarded. Default: network.dnsServers.' }),
                    ),
                  },
                  'An on-premises zone the resolver forwards.',
                ),
                {
                  description:
                    'On-premises zones the DNS Private Resolver forwards from Azure (outbound endpoint + forwarding ruleset linked to the VNet). Needs subnets.dnsResolverOutbound.',
                },
              ),
            ),
            privateDnsZones: Type.Optional(
              Strict(
                {
                  registry: Type.Optional(
                    Type.String({
                      description:
                        'Resource ID of an existing privatelink.azurecr.io zone (e.g. the central zone of an Azure Landing Zone); the registry private endpoint registers there instead of in a zone the kit creates.',
                      pattern: '^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/privateDnsZones/privatelink\\.azurecr\\.io$',
                    }),
                  ),
                  apiServer: Type.Optional(
                    Type.String({
                      description:
                        'Resource ID of an existing private zone for a private API server (privatelink.<region>.azmk8s.io or <sub>.privatelink.<region>.azmk8s.io) instead of the zone AKS creates.',
                      pattern:
                        '^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/privateDnsZones/([A-Za-z0-9-]+\\.)?privatelink\\.[a-z0-9]+\\.azmk8s\\.io$',
                    }),
                  ),
                },
                'Existing central private DNS zones (Azure Landing Zone style) to use instead of creating them.',
              ),
            ),
            podCidr: Cidr('Pod range (Azure CNI Overlay); must not overlap the VNet, on-premises or services.'),
            serviceCidr: Cidr('Kubernetes service range; must not overlap anything routable.'),
            dnsServiceIp: Ipv4('Cluster DNS service IP, inside serviceCidr.'),
          },
          'Virtual network and cluster address plan.',
        ),
        onPremises: Strict(
          {
            ranges: Type.Array(Cidr('On-premises range.'), {
              minItems: 1,
              description: 'On-premises ranges: routed from the VNet and admitted by Calico. One list, many renderers.',
            }),
          },
          'The on-premises network.',
        ),
        connectivity: Strict(
          {
            expressRoute: Strict(
              {
                circuitId: Type.String({
                  description: 'Resource ID of the ExpressRoute circuit.',
                  pattern: '^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.Network/expressRouteCircuits/[^/]+$',
                }),
                authorizationKey: Type.Optional(SecretRef('Circuit authorization key in Key Vault (when the circuit is in another subscription).')),
                gatewaySku: Type.Union([Type.Literal('ErGw1AZ'), Type.Literal('ErGw2AZ'), Type.Literal('ErGw3AZ')], {
                  description: 'Zone-redundant ExpressRoute gateway SKU.',
                }),
                routingWeight: Type.Optional(
                  Type.Integer({
                    minimum: 0,
                    maximum: 32000,
                    description:
                      'Routing weight of the ExpressRoute connection. It ranks ExpressRoute connections among themselves; ExpressRoute wins over the VPN for equal prefixes by Azure route preference, not by weight. Default: 100.',
                  }),
                ),
                providerSla: Type.Optional(
                  Type.Number({
                    exclusiveMinimum: 0,
                    maximum: 1,
                    description: "SLA of the provider's last mile as a fraction (e.g. 0.9995); Microsoft's circuit SLA excludes it.",
                  }),
                ),
              },
              'Primary path to on-premises.',
            ),
            vpn: Type.Optional(
              Strict(
                {
                  gatewaySku: Type.Union(
                    [Type.Literal('VpnGw1AZ'), Type.Literal('VpnGw2AZ'), Type.Literal('VpnGw3AZ'), Type.Literal('VpnGw4AZ'), Type.Literal('VpnGw5AZ')],
                    { description: 'Zone-redundant VPN gateway SKU.' },
                  ),
                  activeActive: Type.Optional(Type.Boolean({ description: 'Default: true.' })),
                  azureBgpAsn: Type.Optional(Type.Integer({ minimum: 1, maximum: 4294967295, description: 'ASN of the Azure VPN gateway. Default: 65515.' })),
                  peer: Strict(
                    {
                      name: DnsLabel('Name of the on-premises VPN device.', 40),
                      deviceIp: Ipv4('Public IP of the on-premises VPN device.'),
                      bgpAsn: Type.Integer({ minimum: 1, maximum: 4294967295, description: 'BGP ASN of the on-premises device.' }),
                      bgpPeeringAddress: Ipv4('BGP peering address of the on-premises device.'),
                    },
                    'The on-premises VPN device.',
                  ),
                  sharedKey: SecretRef('IPsec pre-shared key in Key Vault. Never in the repository.'),
                },
                'Site-to-site VPN, the failover for ExpressRoute. Omit to run without failover.',
              ),
            ),
          },
          'Hybrid connectivity to on-premises.',
        ),
        cluster: Strict(
          {
            kubernetesVersion: Type.String({ description: 'Kubernetes minor version, e.g. "1.33".', pattern: '^1\\.[0-9]{2}(\\.[0-9]+)?$' }),
            tier: Type.Optional(
              Type.Union([Type.Literal('Free'), Type.Literal('Standard'), Type.Literal('Premium')], {
                description: 'AKS pricing tier. Default: Standard (financially backed API server SLA).',
              }),
            ),
            autoUpgradeChannel: Type.Optional(
              Type.Union([Type.Literal('patch'), Type.Literal('stable'), Type.Literal('rapid'), Type.Literal('node-image'), Type.Literal('none')], {
                description: 'Default: patch.',
              }),
            ),
            nodeOsUpgradeChannel: Type.Optional(
              Type.Union([Type.Literal('NodeImage'), Type.Literal('SecurityPatch'), Type.Literal('Unmanaged'), Type.Literal('None')], {
                description: 'Default: NodeImage.',
              }),
            ),
            maintenanceWindow: Type.Optional(
              Strict(
                {
                  dayOfWeek: Type.Union(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => Type.Literal(d))),
                  startTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' }),
                  durationHours: Type.Integer({ minimum: 4, maximum: 24 }),
                  utcOffset: Type.Optional(Type.String({ pattern: '^[+-]([01][0-9]|2[0-3]):[0-5][0-9]$' })),
                },
                'Planned maintenance window for upgrades. Default: Sunday 02:00 UTC, 4 hours.',
              ),
            ),
            apiServer: Strict(
              {
                access: Type.Union([Type.Literal('public-restricted'), Type.Literal('private')], {
                  description:
                    'public-restricted: public endpoint limited to the authorized ranges plus the cluster egress prefix and any public on-premises ranges (private ranges never reach a public endpoint; on-premises users come through their internet egress, list it here). private: private cluster, reached over ExpressRoute/VPN.',
                }),
                authorizedRanges: Type.Optional(Type.Array(Cidr('Authorized range'), { description: 'Extra ranges allowed to reach the API server.' })),
              },
              'API server access.',
            ),
            networkPolicy: Type.Optional(
              Type.Union([Type.Literal('calico'), Type.Literal('azure')], { description: 'Network policy engine. Default: calico.' }),
            ),
            calicoApiPolicies: Type.Optional(
              Type.Boolean({
                description:
                  'Opt into Calico global policies: the kit also requests the Calico API server (operator.tigera.io APIServer) and, once Flux sees the v3.projectcalico.org APIService available, applies the GlobalNetworkSets and the cluster-wide ingress guard as their own Flux step. Only with networkPolicy calico. Default: false (stock AKS serves Kubernetes NetworkPolicy only).',
              }),
            ),
            systemPool: SystemPool,
            userPools: Type.Array(UserPool, { minItems: 1 }),
          },
          'The AKS cluster.',
        ),
        keyVault: Type.Optional(
          Strict(
            {
              mode: Type.Optional(
                Type.Union([Type.Literal('per-team'), Type.Literal('shared')], {
                  description:
                    "per-team: one vault per team that asks (azureIdentity.keyVault), readable only by that team's identity. shared: one vault for the cluster, readable by every team that asks (Azure RBAC grants per vault, not per secret). Default: per-team.",
                }),
              ),
              rotationPollInterval: Type.Optional(
                Type.String({
                  pattern: '^[1-9][0-9]*(s|m|h)$',
                  description: 'How often the Secrets Store CSI driver polls Key Vault for new secret versions, e.g. 2m. Default: 2m.',
                }),
              ),
              softDeleteRetentionInDays: Type.Optional(
                Type.Integer({
                  minimum: 7,
                  maximum: 90,
                  description: 'Days a deleted vault or secret can be recovered (purge protection is always on). Default: 90.',
                }),
              ),
            },
            'Azure Key Vault for the team secrets, read by the Secrets Store CSI driver add-on with rotation: RBAC authorization, no public network access, a private endpoint, purge protection.',
          ),
        ),
        storage: Type.Optional(
          Strict(
            {
              classes: Type.Optional(
                Type.Array(Type.String({ pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 }), {
                  minItems: 1,
                  uniqueItems: true,
                  description:
                    'StorageClasses team StatefulSets may claim from. Default: the AKS built-ins managed-csi (Standard SSD LRS) and managed-csi-premium (Premium SSD LRS).',
                }),
              ),
              defaultClass: Type.Optional(Type.String({ description: 'Class of a volume claim that names none; one of classes. Default: managed-csi.' })),
            },
            'Persistent storage for team StatefulSets (volume claim templates).',
          ),
        ),
        tenantSources: Type.Optional(TenantSourcesInput),
        registry: Strict(
          {
            name: Type.String({ description: 'Globally unique registry name (5-50 letters and digits).', pattern: '^[a-zA-Z0-9]{5,50}$' }),
            replicaLocations: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9]+$' }), { description: 'Geo-replica regions.', uniqueItems: true })),
            publicNetworkAccess: Type.Optional(
              Type.Union([Type.Literal('Disabled'), Type.Literal('Enabled')], { description: 'Default: Disabled (private endpoint).' }),
            ),
            privateEndpoint: Type.Optional(Type.Boolean({ description: 'Private endpoint + private DNS zone. Default: true.' })),
          },
          'Azure Container Registry (Premium, zone redundant).',
        ),
        ingress: Type.Optional(
          Strict(
            {
              controllerNamespace: Type.Optional(
                DnsLabel('Namespace of the ingress controller. Default: app-routing-system (AKS application routing add-on).'),
              ),
              publicIp: Type.Optional(Type.Boolean({ description: 'Static zone-redundant Standard public IP for ingress. Default: true.' })),
              allocatedAddress: Type.Optional(
                Ipv4(
                  'The ingress IP Azure allocated, recorded after the first deployment (deployment output ingressPublicIpAddress) so allow-lists can use it.',
                ),
              ),
            },
            'Ingress path.',
          ),
        ),
        egress: Type.Optional(
          Strict(
            {
              publicIpPrefixLength: Type.Optional(
                Type.Integer({ minimum: 28, maximum: 31, description: 'Size of the NAT gateway public IP prefix. Default: 31 (2 addresses).' }),
              ),
              idleTimeoutMinutes: Type.Optional(Type.Integer({ minimum: 4, maximum: 120, description: 'Default: 4.' })),
              allocatedPrefix: Type.Optional(
                Cidr(
                  'The egress prefix Azure allocated, recorded after the first deployment (deployment output egressPublicIpPrefix) so allow-lists can use it.',
                ),
              ),
            },
            'Fixed egress through a NAT gateway with a public IP prefix.',
          ),
        ),
        access: Strict(
          {
            platformAdminGroupObjectIds: Type.Array(Guid('Entra group object ID'), {
              minItems: 1,
              description: 'Platform admins: cluster-wide, the only groups bound cluster-wide.',
            }),
          },
          'Entra ID authorization, cluster level.',
        ),
        externalRanges: Type.Optional(Type.Array(ExternalRange, { description: 'Allow-listed external ranges (e.g. CI runners).' })),
        images: Type.Optional(
          Strict(
            {
              allowedRegistries: Type.Optional(
                Type.Array(Type.String({ pattern: '^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*$' }), {
                  description: 'Registries allowed besides the cluster registry.',
                }),
              ),
            },
            'Image sources.',
          ),
        ),
        gitops: Strict(
          {
            repositoryUrl: Type.String({ description: 'URL of this repository as Flux should clone it.', pattern: '^(https|ssh)://' }),
            branch: Type.Optional(Type.String({ description: 'Default: main.' })),
          },
          'Where Flux reads this repository.',
        ),
        notifications: Type.Optional(
          Notifications(
            'Flux alerts of the platform: reconcile failures of the entry, infrastructure, Calico and teams Kustomizations and of the platform GitRepository, sent through a Provider in flux-system (docs/notifications.md).',
            'flux-system',
          ),
        ),
        policyExceptions: Type.Optional(
          Type.Array(PlatformPolicyException, {
            description:
              'Exceptions to policy rules for cluster-scoped objects, objects outside team namespaces and the Azure resources. Team objects take theirs in the team file.',
          }),
        ),
      },
      'Landing zone and cluster.',
    ),
  },
  'Platform spec of one AKS cluster (apps/<cluster>/platform.yaml).',
);

export type PlatformFile = Static<typeof PlatformFile>;
export type UserPoolInput = Static<typeof UserPool>;
export type SystemPoolInput = Static<typeof SystemPool>;
