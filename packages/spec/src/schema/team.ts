import { Type, type Static } from '@sinclair/typebox';
import { Cidr, CodeOwners, DnsLabel, Guid, Quantity, SPEC_API_VERSION, Strict, StringMap } from './common.js';
import { Notifications } from './notifications.js';
import { TeamDeliveryInput } from './tenant-delivery.js';

const ComputeResources = Strict({ cpu: Quantity('CPU, e.g. 250m or 2.'), memory: Quantity('Memory, e.g. 256Mi.') }, 'CPU and memory.');

const VolumeClaim = Strict(
  {
    name: DnsLabel('Claim template name (the PVCs are <name>-<workload>-<ordinal>).', 30),
    size: Quantity('Disk size, e.g. 64Gi; counts against quota.storage once per replica.'),
    mountPath: Type.String({ pattern: '^/[^:]*$', description: 'Where the container mounts the disk.' }),
    storageClass: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$',
        maxLength: 253,
        description: 'One of spec.storage.classes of the platform. Default: spec.storage.defaultClass.',
      }),
    ),
  },
  'A volume claim template (ReadWriteOnce).',
);

const CronJobSettings = Strict(
  {
    schedule: Type.String({
      minLength: 1,
      description: 'Cron schedule: five fields (minute hour day-of-month month day-of-week) or a macro such as @daily. No CRON_TZ/TZ: use timeZone.',
    }),
    timeZone: Type.Optional(
      Type.String({ description: 'IANA time zone of the schedule, e.g. Europe/Amsterdam. Default: the kube-controller-manager time zone (UTC on AKS).' }),
    ),
    concurrencyPolicy: Type.Optional(
      Type.Union([Type.Literal('Forbid'), Type.Literal('Allow'), Type.Literal('Replace')], {
        description: 'Default: Forbid (a run never overlaps the previous one).',
      }),
    ),
    successfulJobsHistoryLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: 'Default: 3.' })),
    failedJobsHistoryLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: 'Default: 1.' })),
    activeDeadlineSeconds: Type.Optional(Type.Integer({ minimum: 1, description: 'A run is stopped after this many seconds. Default: 3600.' })),
    backoffLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 10, description: 'Retries of a failed run. Default: 2.' })),
  },
  'CronJob only: when and how the job runs.',
);

const KeyVaultObject = Strict(
  {
    name: Type.String({ pattern: '^[0-9a-zA-Z-]{1,127}$', description: 'Name of the secret, key or certificate in the team vault.' }),
    type: Type.Optional(Type.Union([Type.Literal('secret'), Type.Literal('key'), Type.Literal('cert')], { description: 'Default: secret.' })),
    alias: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$', description: 'File name in the mount (default: the object name).' })),
  },
  'One Key Vault object.',
);

const TeamSecret = Strict(
  {
    name: DnsLabel('Name of the SecretProviderClass and of the mount /mnt/secrets/<name>.', 40),
    objects: Type.Array(KeyVaultObject, { minItems: 1, description: 'Objects read from the team vault with the team identity.' }),
    syncToSecret: Type.Optional(
      Strict(
        {
          name: DnsLabel('Name of the Kubernetes Secret the CSI driver keeps in sync (e.g. what a Flux source secretRef names).'),
          type: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9./-]+$', description: 'Secret type. Default: Opaque.' })),
          keys: Type.Array(
            Strict(
              {
                key: Type.String({ pattern: '^[-._a-zA-Z0-9]+$', description: 'Key in the Secret.' }),
                object: Type.String({ description: 'The object (its alias, or its name) whose content the key holds.' }),
              },
              'One key of the Secret.',
            ),
            { minItems: 1 },
          ),
        },
        'Also mirror the objects into a Kubernetes Secret. The driver syncs only while a pod mounts the entry: the kit adds a minimal secret-sync-<name> Deployment when no workload mounts it.',
      ),
    ),
  },
  'Key Vault objects a team reads through the Secrets Store CSI driver (needs azureIdentity.keyVault and a recorded clientId).',
);

const Workload = Strict(
  {
    name: DnsLabel('Workload name (Deployment, Service, HPA and PDB share it).', 50),
    image: Type.String({
      description: 'Image reference with a tag or digest, from the cluster registry (or an allowed registry).',
      pattern: '^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})$',
    }),
    workloadClass: Type.Optional(DnsLabel('Workload class; the workload runs on the user pool of that class. Default: the class of the team node pool.', 40)),
    kind: Type.Optional(
      Type.Union([Type.Literal('Deployment'), Type.Literal('StatefulSet'), Type.Literal('CronJob')], {
        description:
          'Deployment (default): Service, HPA, PDB. StatefulSet: volumeClaims, headless Service, PDB, fixed replicas unless autoscaling is set. CronJob: cronJob, no Service, HPA or PDB.',
      }),
    ),
    port: Type.Optional(
      Type.Integer({
        minimum: 1024,
        maximum: 65535,
        description: 'Container port (unprivileged, >= 1024). The Service exposes it on port 80. Required for Deployment and StatefulSet; not for CronJob.',
      }),
    ),
    replicas: Type.Optional(
      Strict(
        {
          min: Type.Integer({ minimum: 1, description: 'Minimum replicas (HPA). 2 or more keeps the workload up while a node drains.' }),
          max: Type.Integer({ minimum: 1, description: 'Maximum replicas (HPA).' }),
        },
        'Replica range. Required for Deployment and StatefulSet (a StatefulSet without autoscaling runs min = max replicas); not for CronJob.',
      ),
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
    env: Type.Optional(
      Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }), Type.String(), { description: 'Plain environment variables. Secrets never go here.' }),
    ),
    ingress: Type.Optional(Type.Boolean({ description: 'Reachable from the ingress controller. Default: true (false for CronJob).' })),
    secrets: Type.Optional(
      Type.Array(DnsLabel('Name of an entry of spec.secrets: mounted read-only at /mnt/secrets/<name>.', 40), {
        uniqueItems: true,
        description: 'Key Vault secrets the pods mount (the workload runs as a ServiceAccount federated with the team identity).',
      }),
    ),
    volumeClaims: Type.Optional(
      Type.Array(VolumeClaim, { minItems: 1, maxItems: 8, description: 'StatefulSet only: one ReadWriteOnce disk per replica and claim.' }),
    ),
    persistentVolumeClaimRetention: Type.Optional(
      Strict(
        {
          whenDeleted: Type.Optional(Type.Union([Type.Literal('Retain'), Type.Literal('Delete')], { description: 'Default: Retain.' })),
          whenScaled: Type.Optional(Type.Union([Type.Literal('Retain'), Type.Literal('Delete')], { description: 'Default: Retain.' })),
        },
        'StatefulSet only: what happens to the claims when the StatefulSet is deleted or scaled down. Default: Retain both (data outlives the workload).',
      ),
    ),
    cronJob: Type.Optional(CronJobSettings),
  },
  'A workload: Deployment (default), StatefulSet or CronJob.',
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
        codeowners: Type.Optional(
          CodeOwners('GitHub users or teams who approve changes to this team file and its rendered folder (.github/CODEOWNERS). Default: the platform owners.'),
        ),
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
        defaults: Type.Optional(Strict({ request: ComputeResources, limit: ComputeResources }, 'LimitRange defaults for containers that state none.')),
        egress: Type.Optional(Type.Array(EgressRule, { description: 'Allowed egress beyond DNS and the namespace itself.' })),
        workloads: Type.Optional(Type.Array(Workload)),
        labels: Type.Optional(StringMap('Extra namespace labels.')),
        policyExceptions: Type.Optional(Type.Array(PolicyException)),
        notifications: Type.Optional(
          Notifications(
            'Flux alerts of the team: reconcile failures of the Flux objects in the team namespace (Kustomizations, HelmReleases, sources), sent through a Provider in the namespace (docs/notifications.md).',
            'the team namespace',
          ),
        ),
        secrets: Type.Optional(Type.Array(TeamSecret, { description: 'Key Vault secrets of the team: one SecretProviderClass each (docs/decisions/0205).' })),
        delivery: Type.Optional(TeamDeliveryInput),
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
                  description:
                    "ServiceAccounts that get a federated credential on the identity. Default: the ServiceAccounts of the team's workloads (one per workload, named after it).",
                }),
              ),
              keyVault: Type.Optional(
                Type.Boolean({
                  description:
                    "The identity reads secrets from Key Vault (Key Vault Secrets User): the team's own vault, or the shared one, as spec.keyVault.mode of the platform says. Default: false.",
                }),
              ),
              clientId: Type.Optional(
                Guid(
                  'Client ID Azure gave the identity: record it from the deployment output teamIdentityClientIds. Until it is recorded the ServiceAccounts carry no client-id annotation.',
                ),
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
export type TeamSecretInput = Static<typeof TeamSecret>;
