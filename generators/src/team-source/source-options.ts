import type { Tree } from '@nx/devkit';
import type { Team } from '@aks-hybrid/spec';
import { loadRequestedCluster } from '../internal/requested-cluster.js';
import type { TeamSourceGeneratorSchema } from './schema.js';

/** Bad input, stated so that the user can fix it; thrown before anything is written. */
export class TeamSourceError extends Error {}

/** The team-file entry of spec.delivery.sources this run writes (the spec package checks it in full). */
export interface SourceEntry {
  readonly name: string;
  readonly git?: { url: string; ref: Record<string, string>; path?: string };
  readonly oci?: { url: string; ref: Record<string, string>; path?: string };
  readonly interval?: string;
  readonly credentials?: { secretRef: string; provider?: 'github' };
}

export interface SourceOptions {
  readonly cluster: string;
  readonly team: Team;
  readonly entry: SourceEntry;
  readonly commit: boolean;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const REF_KINDS = { git: ['branch', 'tag', 'semver', 'commit'], oci: ['tag', 'semver', 'digest'] } as const;

/** Checks the options against the repository and builds the entry; reads only. */
export function normalizeSourceOptions(tree: Tree, schema: TeamSourceGeneratorSchema): SourceOptions {
  const name = typeof schema.name === 'string' ? schema.name.trim() : '';
  if (!DNS_LABEL.test(name) || name.length > 40)
    throw new TeamSourceError(`"${schema.name}" is not a team name (lowercase letters, digits and '-', at most 40 characters)`);
  const { cluster, spec } = loadRequestedCluster(
    tree,
    schema.cluster,
    (message) => new TeamSourceError(message),
    'the cluster spec must be valid before a source can be added; nothing was written.',
  );
  const team = spec.teams.find((t) => t.name === name);
  if (!team) {
    throw new TeamSourceError(
      `team "${name}" is not a team of ${cluster} (teams: ${spec.teams.map((t) => t.name).join(', ') || '(none)'}); onboard it first with \`nx g team-namespace ${name}\``,
    );
  }

  const url = typeof schema.sourceUrl === 'string' ? schema.sourceUrl.trim() : '';
  if (!/^(https|ssh|oci):\/\/\S+$/.test(url))
    throw new TeamSourceError(`--sourceUrl "${schema.sourceUrl ?? ''}" is not a repository URL: use https://, ssh:// (git) or oci:// (oci)`);
  const kind = schema.sourceKind ?? (url.startsWith('oci://') ? 'oci' : 'git');
  if (kind !== 'git' && kind !== 'oci') throw new TeamSourceError(`--sourceKind "${String(kind)}" is not git or oci`);
  const sourceName = schema.sourceName ?? defaultSourceName(url);
  if (!DNS_LABEL.test(sourceName) || sourceName.length > 40) {
    throw new TeamSourceError(`"${sourceName}" is not a source name (lowercase letters, digits and '-', at most 40 characters); give one with --sourceName`);
  }
  const ref = parseRef(kind, schema.sourceRef);
  const path = schema.sourcePath?.trim();
  if (schema.provider === 'github' && !schema.secretRef) throw new TeamSourceError('--provider github needs --secretRef: the Secret that holds the GitHub App');
  const entry: SourceEntry = {
    name: sourceName,
    [kind]: { url, ref, ...(path ? { path } : {}) },
    ...(schema.interval ? { interval: schema.interval } : {}),
    ...(schema.secretRef ? { credentials: { secretRef: schema.secretRef, ...(schema.provider === 'github' ? { provider: 'github' as const } : {}) } } : {}),
  };
  return { cluster, team, entry, commit: schema.commit === true };
}

/** `https://github.com/contoso/checkout-app.git` -> `checkout-app`. */
function defaultSourceName(url: string): string {
  const last = url.replace(/\/+$/, '').split('/').pop() ?? '';
  return last.replace(/\.git$/, '').toLowerCase();
}

/** `branch:main`, `semver:>=1.0.0`, `digest:sha256:...`; a bare value is a branch (git) or a tag (oci). */
function parseRef(kind: 'git' | 'oci', text: string | undefined): Record<string, string> {
  const allowed: readonly string[] = REF_KINDS[kind];
  if (text === undefined || text.trim() === '') {
    if (kind === 'git') return { branch: 'main' };
    throw new TeamSourceError('--sourceRef is required for an oci source: tag:<tag>, semver:<range> or digest:sha256:<hex>');
  }
  const colon = text.indexOf(':');
  const head = colon > 0 ? text.slice(0, colon) : '';
  if (allowed.includes(head)) {
    const value = text.slice(colon + 1);
    if (value === '') throw new TeamSourceError(`--sourceRef "${text}" names no ${head}`);
    return { [head]: value };
  }
  if (/^[a-z]+:/.test(text) && !text.startsWith('sha256:')) {
    throw new TeamSourceError(`--sourceRef "${text}": a ${kind} source follows one of ${allowed.map((a) => `${a}:<value>`).join(', ')}`);
  }
  return kind === 'git' ? { branch: text } : { tag: text };
}
