import { TENANT_RECONCILER_SERVICE_ACCOUNT } from '../constants.js';
import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import type { TenantSourceInput } from '../schema/tenant-delivery.js';
import type { CheckContext } from './context.js';

/** Kit policy: a tenant source is polled at most once a minute (every poll is a fetch from the cluster's egress IP). */
export const MIN_TENANT_INTERVAL_MS = 60_000;
/** Kit policy: one apply or Helm action of a tenant source may take at most an hour. */
export const MAX_TENANT_TIMEOUT_MS = 3_600_000;
/** Inline Helm values stay small: configuration belongs in the chart or the team's repository. */
const MAX_INLINE_VALUES_BYTES = 4096;
/**
 * Helm release names are at most 53 characters; a HelmRelease with `targetNamespace` is released as
 * `<targetNamespace>-<name>` (https://fluxcd.io/flux/components/helm/helmreleases/#release-name).
 */
const MAX_HELM_RELEASE_NAME = 53;

type Path = Array<string | number>;
const KINDS = ['git', 'oci', 'helm'] as const;
type Kind = (typeof KINDS)[number];

/** The kinds a source declares: exactly one when it is valid. */
const kindsOf = (source: TenantSourceInput): Kind[] => KINDS.filter((k) => source[k] !== undefined);

/**
 * Parses a Flux duration (`1h30m`, `90s`, `500ms`) into milliseconds; undefined when it does not parse.
 * The schema already holds the format (FLUX_DURATION_PATTERN); this gives its value.
 */
export function parseFluxDuration(text: string): number | undefined {
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = text;
  while (rest.length > 0) {
    const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * unit[match[2]!]!;
    rest = rest.slice(match[0].length);
  }
  return text.length > 0 ? total : undefined;
}

/** `.` and `..` segments would let a URL that starts with an allowed prefix leave it once normalised. */
function hasDotSegment(url: string): boolean {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/, '');
  return path.split('/').some((segment) => segment === '.' || segment === '..');
}

/**
 * Why a branch or tag name is not a valid git ref name, or undefined when it is: the rules of
 * `git check-ref-format` (https://git-scm.com/docs/git-check-ref-format), which a Git server applies
 * too. Flux would only fail at fetch time ("couldn't find remote ref"), so the spec says it first.
 */
export function gitRefNameProblem(name: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what git refuses
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) return 'has a space, a control character or one of ~ ^ : ? * [ \\';
  if (name.includes('..')) return 'has ".."';
  if (name.includes('@{')) return 'has "@{"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'starts or ends with "/", or has "//"';
  if (name.endsWith('.') || name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) {
    return 'ends with ".", or a part of it starts with "." or ends with ".lock"';
  }
  return undefined;
}

/** Which allow-list a source URL is judged against. */
function allowListOf(kind: Kind, url: string): Kind {
  if (kind === 'helm') return url.startsWith('oci://') ? 'oci' : 'helm';
  return kind;
}

/**
 * Tenant delivery (issue 14, docs/decisions/0107): the platform's allow-list, and each team's
 * `spec.delivery` against it. Everything a tenant Flux object would otherwise fail on at reconcile
 * time (or worse, succeed on) is refused here with the file, line and field.
 */
export function checkTenantDelivery(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const platformFile = ctx.platformFile;
  const allow = ctx.platform.spec.tenantSources;
  for (const kind of KINDS) {
    (allow?.[kind] ?? []).forEach((prefix, i) => {
      if (hasDotSegment(prefix)) {
        issues.push(
          issueAt(
            platformFile,
            ['spec', 'tenantSources', kind, i],
            `prefix "${prefix}" has a "." or ".." segment`,
            'write the prefix as the plain path of the host and organisation, e.g. https://github.com/contoso/',
          ),
        );
      }
    });
  }

  for (const { parsed, team } of ctx.teams) {
    // The reconciler's ServiceAccount is the kit's: a workload of that name would share it (and its Role).
    (team.spec.workloads ?? []).forEach((w, i) => {
      if (w.name === TENANT_RECONCILER_SERVICE_ACCOUNT) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'workloads', i, 'name'],
            `"${TENANT_RECONCILER_SERVICE_ACCOUNT}" is reserved for the ServiceAccount Flux impersonates to deliver the team's sources`,
            'choose another workload name',
          ),
        );
      }
    });
    (team.spec.azureIdentity?.serviceAccounts ?? []).forEach((sa, i) => {
      if (sa === TENANT_RECONCILER_SERVICE_ACCOUNT) {
        issues.push(
          issueAt(
            parsed,
            ['spec', 'azureIdentity', 'serviceAccounts', i],
            `"${TENANT_RECONCILER_SERVICE_ACCOUNT}" is the tenant reconciler and gets no Azure identity`,
            'federate the ServiceAccounts of your workloads only',
          ),
        );
      }
    });

    const delivery = team.spec.delivery;
    if (!delivery) continue;
    const sources = delivery.sources;
    const kindOf = new Map<string, Kind>();
    sources.forEach((source) => {
      const kinds = kindsOf(source);
      if (kinds.length === 1 && !kindOf.has(source.name)) kindOf.set(source.name, kinds[0]!);
    });

    const seen = new Set<string>();
    sources.forEach((source, i) => {
      const base: Path = ['spec', 'delivery', 'sources', i];
      const at = (path: Path, message: string, hint: string) => issues.push(issueAt(parsed, [...base, ...path], message, hint));
      if (seen.has(source.name)) at(['name'], `source "${source.name}" is defined twice`, 'source names are unique within a team');
      seen.add(source.name);

      const kinds = kindsOf(source);
      if (kinds.length !== 1) {
        at(
          [],
          `source "${source.name}" must be exactly one of git, oci or helm (it has ${kinds.length === 0 ? 'none' : kinds.join(' and ')})`,
          'keep one of git, oci or helm; declare another source for the other',
        );
        return;
      }
      const kind = kinds[0]!;
      issues.push(...checkRef(parsed, base, source, kind));
      if (kind === 'git') {
        const ref = source.git!.ref as { branch?: string; tag?: string };
        for (const field of ['branch', 'tag'] as const) {
          const name = ref[field];
          const problem = name === undefined ? undefined : gitRefNameProblem(name);
          if (problem)
            at(
              ['git', 'ref', field],
              `${field} "${name}" is not a valid git ref name: it ${problem}`,
              'use the name exactly as `git branch` or `git tag` shows it',
            );
        }
      }
      const sourcePath = kind === 'helm' ? undefined : source[kind]!.path;
      // kustomize-controller joins the path securely inside the artifact, so ".." cannot leave it
      // (https://fluxcd.io/flux/components/kustomize/kustomizations/#path); a ".." is always a mistake.
      if (sourcePath?.split('/').includes('..')) {
        at([kind, 'path'], `path "${sourcePath}" has a ".." segment`, 'give the folder from the root of the repository or artifact, e.g. ./deploy');
      }
      const url = kind === 'helm' ? source.helm!.repository : source[kind]!.url;
      const urlPath: Path = kind === 'helm' ? ['helm', 'repository'] : [kind, 'url'];
      issues.push(...checkUrl(ctx, parsed, [...base, ...urlPath], url, allowListOf(kind, url)));
      issues.push(...checkDurations(parsed, base, source));
      issues.push(...checkCredentials(parsed, base, source, kind, url));

      if (kind === 'helm') {
        const release = `${team.metadata.name}-${source.name}`;
        if (release.length > MAX_HELM_RELEASE_NAME) {
          at(
            ['name'],
            `the Helm release would be named "${release}" (${release.length} characters), above Helm's ${MAX_HELM_RELEASE_NAME}`,
            `use a source name of at most ${MAX_HELM_RELEASE_NAME - team.metadata.name.length - 1} characters (https://fluxcd.io/flux/components/helm/helmreleases/#release-name)`,
          );
        }
        const values = source.helm!.values;
        const size = values ? Buffer.byteLength(JSON.stringify(values), 'utf8') : 0;
        if (size > MAX_INLINE_VALUES_BYTES) {
          at(
            ['helm', 'values'],
            `inline values are ${size} bytes as JSON, above ${MAX_INLINE_VALUES_BYTES}`,
            "keep inline values to a few keys: put the rest in the chart's own values.yaml",
          );
        }
      }

      (source.dependsOn ?? []).forEach((dep, d) => {
        const depKind = kindOf.get(dep);
        if (dep === source.name) at(['dependsOn', d], `source "${source.name}" depends on itself`, 'remove it from dependsOn');
        else if (!depKind)
          at(
            ['dependsOn', d],
            `source "${dep}" is not a source of this team`,
            `name one of: ${[...kindOf.keys()].filter((n) => n !== source.name).join(', ') || '(no other source)'}`,
          );
        else if ((depKind === 'helm') !== (kind === 'helm')) {
          at(
            ['dependsOn', d],
            `source "${source.name}" (${kind}) cannot depend on "${dep}" (${depKind})`,
            'Flux orders Kustomizations after Kustomizations and HelmReleases after HelmReleases only (https://fluxcd.io/flux/components/kustomize/kustomizations/#dependencies); split the dependency another way',
          );
        }
      });
    });
    issues.push(...checkCycles(parsed, sources));
  }
  return issues;
}

function checkRef(parsed: CheckContext['platformFile'], base: Path, source: TenantSourceInput, kind: Kind): SpecIssue[] {
  if (kind === 'helm') return [];
  const ref = (kind === 'git' ? source.git!.ref : source.oci!.ref) as Record<string, unknown>;
  const options = kind === 'git' ? ['branch', 'tag', 'semver', 'commit'] : ['tag', 'semver', 'digest'];
  const set = options.filter((o) => ref[o] !== undefined);
  if (set.length === 1) return [];
  return [
    issueAt(
      parsed,
      [...base, kind, 'ref'],
      `ref must name exactly one of ${options.join(', ')} (it names ${set.length === 0 ? 'none' : set.join(' and ')})`,
      kind === 'git' ? 'e.g. ref: { branch: main }' : 'e.g. ref: { tag: 1.4.2 } or ref: { digest: sha256:... }',
    ),
  ];
}

function checkUrl(ctx: CheckContext, parsed: CheckContext['platformFile'], path: Path, url: string, list: Kind): SpecIssue[] {
  const issues: SpecIssue[] = [];
  // https://user:token@host/... would put a credential in git.
  if (/^https:\/\/[^/]*@/.test(url)) {
    issues.push(
      issueAt(
        parsed,
        path,
        'the URL carries user information (a credential in git)',
        'remove it from the URL and name a Secret in credentials.secretRef instead',
      ),
    );
  }
  if (hasDotSegment(url)) issues.push(issueAt(parsed, path, `"${url}" has a "." or ".." segment`, 'write the plain URL of the repository'));
  const prefixes = ctx.platform.spec.tenantSources?.[list] ?? [];
  if (!prefixes.some((prefix) => url.startsWith(prefix))) {
    const field = `spec.tenantSources.${list}`;
    issues.push(
      issueAt(
        parsed,
        path,
        `"${url}" is not in the platform's allow-list ${field} (${prefixes.length ? prefixes.join(', ') : 'empty'})`,
        `use a URL under one of those prefixes, or ask the platform owners to add its prefix (scheme, host, path, ending with "/") to ${field} in ${ctx.platformFile.file}`,
      ),
    );
  }
  return issues;
}

function checkDurations(parsed: CheckContext['platformFile'], base: Path, source: TenantSourceInput): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (source.interval !== undefined) {
    const ms = parseFluxDuration(source.interval);
    if (ms === undefined)
      issues.push(issueAt(parsed, [...base, 'interval'], `interval "${source.interval}" does not parse`, 'write a duration such as 5m or 1h'));
    else if (ms < MIN_TENANT_INTERVAL_MS)
      issues.push(
        issueAt(
          parsed,
          [...base, 'interval'],
          `interval ${source.interval} is below the 1m minimum`,
          'poll at most once a minute (5m is the default); push-based updates need a Receiver from the platform',
        ),
      );
  }
  if (source.timeout !== undefined) {
    const ms = parseFluxDuration(source.timeout);
    if (ms === undefined || ms === 0)
      issues.push(issueAt(parsed, [...base, 'timeout'], `timeout "${source.timeout}" does not parse as a positive duration`, 'write a duration such as 5m'));
    else if (ms > MAX_TENANT_TIMEOUT_MS)
      issues.push(
        issueAt(parsed, [...base, 'timeout'], `timeout ${source.timeout} is above the 1h maximum`, 'a longer apply holds the reconciler; split the source'),
      );
  }
  return issues;
}

function checkCredentials(parsed: CheckContext['platformFile'], base: Path, source: TenantSourceInput, kind: Kind, url: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const credentials = source.credentials;
  const path = [...base, 'credentials'];
  if (credentials?.provider === 'azure') {
    // Flux's `provider: azure` authenticates as the source-controller's own identity (one for every tenant)
    // unless object-level workload identity is on (Flux 2.6+, feature gate ObjectLevelWorkloadIdentity:
    // https://fluxcd.io/flux/integrations/azure/, fluxcd/flux2 RFC-0010). The AKS Flux extension documents
    // workload identity for the controllers only (workloadIdentity.enable/azureClientId, federated with
    // flux-system:source-controller: https://learn.microsoft.com/azure/azure-arc/kubernetes/tutorial-use-gitops-flux2#workload-identity-in-aks-clusters)
    // and no feature-gate setting, so here it cannot be per tenant (docs/decisions/0107).
    issues.push(
      issueAt(
        parsed,
        [...path, 'provider'],
        'provider azure is refused: on the AKS Flux extension it would authenticate as the shared source-controller identity, so every team could read what any team can',
        'use credentials.secretRef with a token or deploy key (for ACR: a repository-scoped token), see docs/onboarding.md',
      ),
    );
  }
  if (credentials?.provider === 'github' && kind !== 'git') {
    issues.push(
      issueAt(parsed, [...path, 'provider'], `provider github is for git sources (a GitHub App), not ${kind}`, 'remove provider (generic) or use a git source'),
    );
  }
  if (credentials?.provider && credentials.provider !== 'azure' && !credentials.secretRef) {
    issues.push(
      issueAt(
        parsed,
        path,
        `provider ${credentials.provider} needs a secretRef`,
        'name the Secret (created outside git) that holds the credential in credentials.secretRef',
      ),
    );
  }
  if (kind === 'git' && url.startsWith('ssh://') && !credentials?.secretRef) {
    issues.push(
      issueAt(
        parsed,
        path,
        'an ssh:// source needs a deploy key',
        'create it outside git with `flux create secret git <name> -n <team> --url=<url>` and name it in credentials.secretRef',
      ),
    );
  }
  return issues;
}

/** dependsOn must not loop: Flux would wait forever. */
function checkCycles(parsed: CheckContext['platformFile'], sources: readonly TenantSourceInput[]): SpecIssue[] {
  const deps = new Map(sources.map((s) => [s.name, (s.dependsOn ?? []).filter((d) => d !== s.name)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const looped = new Set<string>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      for (const n of trail.slice(trail.indexOf(name))) looped.add(n);
      return;
    }
    state.set(name, 'visiting');
    for (const dep of deps.get(name) ?? []) if (deps.has(dep)) visit(dep, [...trail, dep]);
    state.set(name, 'done');
  };
  for (const s of sources) visit(s.name, [s.name]);
  return sources.flatMap((s, i) =>
    looped.has(s.name)
      ? [
          issueAt(
            parsed,
            ['spec', 'delivery', 'sources', i, 'dependsOn'],
            `source "${s.name}" is part of a dependsOn cycle`,
            'remove one dependency of the cycle',
          ),
        ]
      : [],
  );
}
