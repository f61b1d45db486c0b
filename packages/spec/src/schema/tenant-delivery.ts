import { Type, type Static } from '@sinclair/typebox';
import { DnsLabel, Strict } from './common.js';

/*
 * Tenant delivery: where a team's own Flux sources may come from (platform.yaml `spec.tenantSources`)
 * and what a team declares (team file `spec.delivery`). Cross-field rules (allow-list, names, dependsOn,
 * durations, credentials) are in checks/tenant-delivery.ts.
 */

const HOST = '[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?';
const SEGMENTS = '([A-Za-z0-9._~-]+/)*';

const Prefixes = (scheme: string, description: string) =>
  Type.Array(
    Type.String({
      pattern: `^${scheme}${HOST}/${SEGMENTS}$`,
      maxLength: 2048,
      'x-hint': 'write a URL prefix with its scheme and host, ending with "/", e.g. https://github.com/contoso/',
    }),
    { uniqueItems: true, description },
  );

/**
 * A prefix names its scheme and host and ends with `/`: `https://github.com/contoso/` can never match
 * `https://github.com.evil.example/` or `https://github.com/contoso-evil/`, which a bare host or an
 * organisation without its slash would.
 */
export const TenantSourcesInput = Strict(
  {
    git: Type.Optional(
      Prefixes(
        '(https://|ssh://([a-z0-9._-]+@)?)',
        'GitRepository URL prefixes teams may deliver from (https:// or ssh://), e.g. https://github.com/contoso/. Default: none.',
      ),
    ),
    oci: Type.Optional(Prefixes('oci://', 'OCIRepository (and OCI Helm repository) URL prefixes, e.g. oci://contosoacr.azurecr.io/. Default: none.')),
    helm: Type.Optional(Prefixes('https://', 'HTTPS Helm repository URL prefixes, e.g. https://charts.contoso.example/. Default: none.')),
  },
  'Where teams may deliver from (spec.delivery of a team file): URL prefixes by source kind, each with a scheme and host and ending with "/", so a prefix never matches a look-alike host or organisation. Empty or absent: no team may declare a source. Tenant sources are fetched by the cluster-wide Flux source-controller, so this list is the platform\'s say over what the cluster pulls.',
);

/** Flux's duration format (metav1.Duration, the pattern of the Flux CRDs' interval fields). */
export const FLUX_DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$';
const Duration = (description: string) => Type.String({ pattern: FLUX_DURATION_PATTERN, description, 'x-hint': 'write a duration such as 30s, 5m or 1h30m' });

const GitRef = Strict(
  {
    branch: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Follow the head of this branch.' })),
    tag: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Check out this tag.' })),
    semver: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The newest tag in this semver range, e.g. ">=1.0.0 <2.0.0".' })),
    commit: Type.Optional(Type.String({ pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$', description: 'Pin to this full commit SHA.' })),
  },
  'Exactly one of branch, tag, semver or commit.',
);

const OciRef = Strict(
  {
    tag: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$', description: 'Pull this tag.' })),
    semver: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The newest tag in this semver range.' })),
    digest: Type.Optional(Type.String({ pattern: '^sha256:[a-f0-9]{64}$', description: 'Pin to this manifest digest.' })),
  },
  'Exactly one of tag, semver or digest.',
);

const TenantSource = Strict(
  {
    name: DnsLabel('Name of the source and of the Flux Kustomization (or HelmRelease) that applies it; unique within the team.', 40),
    git: Type.Optional(
      Strict(
        {
          url: Type.String({
            pattern: '^(https|ssh)://\\S+$',
            maxLength: 2048,
            description: "Repository URL; must start with one of the platform's spec.tenantSources.git prefixes.",
          }),
          ref: GitRef,
          path: Type.Optional(
            Type.String({
              pattern: '^\\./?([A-Za-z0-9._-]+/?)*$',
              maxLength: 512,
              description: 'Folder of the repository to apply (kustomize), e.g. ./deploy. Default: ./',
            }),
          ),
        },
        'A Git repository (GitRepository + Kustomization).',
      ),
    ),
    oci: Type.Optional(
      Strict(
        {
          url: Type.String({
            pattern: '^oci://\\S+$',
            maxLength: 2048,
            description: "Artifact repository URL; must start with one of the platform's spec.tenantSources.oci prefixes.",
          }),
          ref: OciRef,
          path: Type.Optional(
            Type.String({ pattern: '^\\./?([A-Za-z0-9._-]+/?)*$', maxLength: 512, description: 'Folder inside the artifact to apply. Default: ./' }),
          ),
        },
        'An OCI artifact (OCIRepository + Kustomization), e.g. pushed with `flux push artifact`.',
      ),
    ),
    helm: Type.Optional(
      Strict(
        {
          repository: Type.String({
            pattern: '^(https|oci)://\\S+$',
            maxLength: 2048,
            description: 'Chart repository URL: https:// (spec.tenantSources.helm) or oci:// (spec.tenantSources.oci).',
          }),
          chart: Type.String({ pattern: '^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$', maxLength: 253, description: 'Chart name in the repository.' }),
          version: Type.String({ minLength: 1, maxLength: 255, description: 'Chart version or semver range, e.g. 1.4.2 or 1.x.' }),
          values: Type.Optional(
            Type.Record(Type.String(), Type.Unknown(), {
              description: 'Inline Helm values (at most 4 KiB as JSON; larger configuration belongs in the chart or the team repository). Never secrets.',
            }),
          ),
        },
        'A Helm chart (HelmRepository + HelmRelease).',
      ),
    ),
    interval: Type.Optional(Duration('How often the source is fetched and applied (at least 1m). Default: 5m.')),
    timeout: Type.Optional(Duration('How long one apply (with health checks) or Helm action may take (at most 1h). Default: 5m.')),
    prune: Type.Optional(Type.Boolean({ description: 'Delete objects removed from the source (git/oci). Default: true.' })),
    dependsOn: Type.Optional(
      Type.Array(DnsLabel('Name of another source of this team.', 40), { uniqueItems: true, description: 'Sources of this team that must be ready first.' }),
    ),
    credentials: Type.Optional(
      Strict(
        {
          secretRef: Type.Optional(
            DnsLabel(
              'Name of a Secret in the team namespace, created outside git (flux create secret git|oci|helm, or a Key Vault secret the team syncs with spec.secrets[].syncToSecret).',
              253,
            ),
          ),
          provider: Type.Optional(
            Type.Union([Type.Literal('generic'), Type.Literal('github'), Type.Literal('azure')], {
              description:
                'generic (default): the Secret holds a deploy key, token or basic auth. github: the Secret holds a GitHub App (git only). azure: refused, see docs/decisions/0107.',
            }),
          ),
        },
        'How Flux authenticates to a private source. Never a credential itself: only the name of a Secret created outside git.',
      ),
    ),
  },
  'One tenant source: exactly one of git, oci or helm.',
);

export const TeamDeliveryInput = Strict(
  {
    sources: Type.Array(TenantSource, {
      minItems: 1,
      maxItems: 20,
      description: "The team's own sources, reconciled in its namespace as the ServiceAccount flux-reconciler (bound to the Role team-edit).",
    }),
  },
  "The team ships its own apps from its own repositories (docs/onboarding.md, docs/decisions/0107): Flux reconciles each source in the team namespace, impersonating the team's flux-reconciler ServiceAccount, with targetNamespace forced to the team.",
);

export type TenantSourcesInput = Static<typeof TenantSourcesInput>;
export type TeamDeliveryInput = Static<typeof TeamDeliveryInput>;
export type TenantSourceInput = Static<typeof TenantSource>;
