import { Type, type Static } from '@sinclair/typebox';
import { Cidr, CodeOwners, DnsLabel, Guid, Quantity, SPEC_API_VERSION, Strict, StringMap } from './common.js';

const ComputeResources = Strict(
  { cpu: Quantity('CPU, e.g. 250m or 2.'), memory: Quantity('Memory, e.g. 256Mi.') },
  'CPU and memory.',
);

const Workload = Strict(
  {
    name: DnsLabel('Workload name (Deployment, Service, HPA and PDB share it).', 50),
    image: Type.String({
      description: 'Image reference with a tag or digest, from the cluster registry (or an allowed registry).',
      pattern: '^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$',
    }),
    workloadClass: Type.Optional(DnsLabel('Workload class; the workload runs on the user pool of that class. Default: the class of the team node pool.', 40)),
    port: Type.Integer({ minimum: 1024, maximum: 65535, description: 'Container port (unprivileged, >= 1024). The Service exposes it on port 80.' }),
    replicas: Strict(
      {
        min: Type.Integer({ minimum: 1, description: 'Minimum replicas (HPA). 2 or more keeps the workload up while a node drains.' }),
        max: Type.Integer({ minimum: 1, description: 'Maximum replicas (HPA).' }),
      },
      'Replica range.',
    ),
    resources: Strict({ requests: ComputeResources, limits: ComputeResources }, 'Container requests and limits.'),
    autoscaling: Type.Optional(
      Strict(
        {
          cpuUtilization: Type.Optional(Type.Integer({ minimum: 10, maximum: 100, description: 'Target average CPU utilisation (% of request).' })),
          memoryUtilization: Type.Optional(Type.Integer({ minimum: 10, maximum: 100, description: 'Target average memory utilisation (% of request).' })),
        },
        'HPA targets. Default: CPU 70%.',
      ),
    ),
    healthPath: Type.Optional(Type.String({ pattern: '^/', description: 'HTTP path for readiness and liveness probes. Default: /healthz.' })),
    env: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.String(), { description: 'Plain environment variables. Secrets never go here.' })),
    ingress: Type.Optional(Type.Boolean({ description: 'Reachable from the ingress controller. Default: true.' })),
  },
  'A stateless workload: Deployment + Service + HPA + PDB.',
);

const EgressRule = Strict(
  {
    name: DnsLabel('Rule name.', 40),
    cidrs: Type.Optional(Type.Array(Cidr('Destination range, inside the on-premises ranges.'))),
    onPremises: Type.Optional(Type.Boolean({ description: 'All on-premises ranges of the cluster.' })),
    externalRange: Type.Optional(DnsLabel('Name of an external range from the platform spec.', 50)),
    ports: Type.Array(Type.Integer({ minimum: 1, maximum: 65535 }), { minItems: 1, description: 'TCP ports.' }),
  },
  'Allowed egress destination.',
);

export const PolicyException = Strict(
  {
    rule: Type.String({ description: 'Policy rule ID, e.g. KIT-IMG-001.', pattern: '^KIT-[A-Z]+-[0-9]{3}$' }),
    object: Type.String({ description: 'Object the exception covers: `Kind/name` (in this team namespace).', pattern: '^[A-Za-z]+/[a-z0-9.-]+$' }),
    reason: Type.String({ minLength: 10, description: 'Why the exception is needed; shown in the policy report.' }),
  },
  'A reasoned exception to one policy rule for one object.',
);

export const TeamFile = Strict(
  {
    $schema: Type.Optional(Type.String()),
    apiVersion: Type.Literal(SPEC_API_VERSION, { description: `Always ${SPEC_API_VERSION}.` }),
    kind: Type.Literal('Team'),
    metadata: Strict(
      {
        name: DnsLabel('Team name = namespace name = file name.', 40),
        description: Type.Optional(Type.String()),
        contact: Type.Optional(Type.String({ description: 'Owner contact (e-mail or channel).' })),
        codeowners: Type.Optional(CodeOwners('GitHub users or teams who approve changes to this team file and its rendered folder (.github/CODEOWNERS). Default: the platform owners.')),
      },
      'Identity of the team.',
    ),
    spec: Strict(
      {
        groupObjectId: Guid('Entra ID group of the team members: edit rights in the team namespace only.'),
        readOnlyGroupObjectId: Type.Optional(Guid('Entra ID group with read-only rights in the namespace.')),
        nodePool: Type.String({ description: 'Default user pool for the team workloads.', pattern: '^[a-z][a-z0-9]{0,11}$' }),
        quota: Strict(
          {
            cpu: Quantity('Total CPU requests (limits are capped at 2x).'),
            memory: Quantity('Total memory requests (limits capped at 1x).'),
            storage: Quantity('Total persistent storage requested.'),
            pods: Type.Integer({ minimum: 1 }),
            persistentVolumeClaims: Type.Optional(Type.Integer({ minimum: 0, description: 'Default: 10.' })),
            services: Type.Optional(Type.Integer({ minimum: 0, description: 'Default: 20.' })),
            loadBalancers: Type.Optional(Type.Integer({ minimum: 0, description: 'Services of type LoadBalancer. Default: 0 (use the ingress).' })),
          },
          'ResourceQuota of the namespace.',
        ),
        defaults: Type.Optional(
          Strict({ request: ComputeResources, limit: ComputeResources }, 'LimitRange defaults for containers that state none.'),
        ),
        egress: Type.Optional(Type.Array(EgressRule, { description: 'Allowed egress beyond DNS and the namespace itself.' })),
        workloads: Type.Optional(Type.Array(Workload)),
        labels: Type.Optional(StringMap('Extra namespace labels.')),
        policyExceptions: Type.Optional(Type.Array(PolicyException)),
        azureIdentity: Type.Optional(
          Strict(
            {
              serviceAccounts: Type.Optional(
                Type.Array(DnsLabel('ServiceAccount in the team namespace that may use the identity.'), {
                  minItems: 1,
                  // Entra ID: at most 20 federated identity credentials per identity
                  // (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
                  maxItems: 20,
                  uniqueItems: true,
                  description: "ServiceAccounts that get a federated credential on the identity. Default: the ServiceAccounts of the team's workloads (one per workload, named after it).",
                }),
              ),
              keyVault: Type.Optional(
                Type.Boolean({ description: "The identity reads secrets from Key Vault (Key Vault Secrets User): the team's own vault, or the shared one, as spec.keyVault.mode of the platform says. Default: false." }),
              ),
              clientId: Type.Optional(
                Guid('Client ID Azure gave the identity: record it from the deployment output teamIdentityClientIds. Until it is recorded the ServiceAccounts carry no client-id annotation.'),
              ),
            },
            'A user-assigned managed identity for the team workloads (Microsoft Entra Workload ID), federated with its ServiceAccounts.',
          ),
        ),
      },
      'What the team gets.',
    ),
  },
  'One team of one cluster (apps/<cluster>/teams/<team>.yaml).',
);

export type TeamFile = Static<typeof TeamFile>;
export type WorkloadInput = Static<typeof Workload>;
export type EgressRuleInput = Static<typeof EgressRule>;
export type PolicyExceptionInput = Static<typeof PolicyException>;
