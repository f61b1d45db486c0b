import { SpecError, type SpecIssue } from '../errors.js';
import type { ClusterSpec } from '../model.js';
import { normalizeCluster } from '../normalize.js';
import { PlatformFile } from '../schema/platform.js';
import { TeamFile } from '../schema/team.js';
import { checkCapacity } from '../checks/capacity.js';
import { checkConnectivity } from '../checks/connectivity.js';
import { checkDns } from '../checks/dns.js';
import { checkGroups, sharedGroupWarnings } from '../checks/groups.js';
import { checkLimits } from '../checks/limits.js';
import { checkKubernetesVersion } from '../checks/kubernetes-version.js';
import type { Check, CheckContext } from '../checks/context.js';
import { checkNetwork } from '../checks/network.js';
import { checkPools } from '../checks/pools.js';
import { checkAzureIdentities, pendingClientIdWarnings } from '../checks/azure-identity.js';
import { checkTeams } from '../checks/teams.js';
import { checkTenantDelivery } from '../checks/tenant-delivery.js';
import { checkSecrets } from '../checks/secrets.js';
import { checkStorage } from '../checks/storage.js';
import { checkWorkloadKinds } from '../checks/workload-kinds.js';
import { checkNotifications } from '../checks/notifications.js';
import { checkShape } from './shape.js';
import type { SpecSource } from './source.js';
import { issueAt, parseYamlFile, type ParsedFile } from './yaml-file.js';

/** Folder of all cluster specs, relative to the repository root. */
export const APPS_DIR = 'apps';

export const platformPath = (cluster: string) => `${APPS_DIR}/${cluster}/platform.yaml`;
export const teamPath = (cluster: string, team: string) => `${APPS_DIR}/${cluster}/teams/${team}.yaml`;

/** Cross-field checks, in the order their messages are most useful. */
const CHECKS: readonly Check[] = [
  checkKubernetesVersion,
  checkNetwork,
  checkDns,
  checkConnectivity,
  checkPools,
  checkTeams,
  checkWorkloadKinds,
  checkStorage,
  checkCapacity,
  checkGroups,
  checkAzureIdentities,
  checkSecrets,
  checkTenantDelivery,
  checkNotifications,
  checkLimits,
];
/** Findings that do not stop a render; they travel on the loaded spec as `warnings`. */
const WARNINGS: readonly Check[] = [sharedGroupWarnings, pendingClientIdWarnings];

/** Clusters are the folders of apps/ that hold a platform.yaml. */
export function listClusters(source: SpecSource): string[] {
  return source.list(APPS_DIR).filter((name) => source.read(platformPath(name)) !== undefined);
}

/**
 * Loads and checks one cluster: shape (JSON Schema) first, then cross-field checks. Throws a
 * SpecError listing every problem found; returns the normalised model otherwise.
 */
export function loadCluster(source: SpecSource, cluster: string): ClusterSpec {
  const known = listClusters(source);
  if (!known.includes(cluster)) {
    throw new SpecError([
      {
        file: platformPath(cluster),
        path: '',
        message: `cluster "${cluster}" does not exist`,
        hint: known.length ? `known clusters: ${known.join(', ')}` : `create ${platformPath(cluster)}`,
      },
    ]);
  }
  const issues: SpecIssue[] = [];
  const parse = (path: string): ParsedFile | undefined => {
    const parsed = parseYamlFile(path, source.read(path) ?? '');
    if ('data' in parsed) return parsed;
    issues.push(parsed);
    return undefined;
  };

  const platformFile = parse(platformPath(cluster));
  const platformOk = platformFile ? checkShape(platformFile, PlatformFile) : [];
  issues.push(...platformOk);
  if (platformFile && platformOk.length === 0) {
    const name = (platformFile.data as PlatformFile).metadata.name;
    if (name !== cluster)
      issues.push(
        issueAt(
          platformFile,
          ['metadata', 'name'],
          `metadata.name "${name}" differs from the folder name "${cluster}"`,
          `set metadata.name: ${cluster} (the folder name is the cluster key)`,
        ),
      );
  }

  const teamsDir = `${APPS_DIR}/${cluster}/teams`;
  const teams: CheckContext['teams'][number][] = [];
  for (const fileName of source.list(teamsDir)) {
    const unexpected = unexpectedTeamsEntry(source, teamsDir, fileName);
    if (unexpected) {
      issues.push(unexpected);
      continue;
    }
    if (fileName === KEEP_FILE) continue;
    const parsed = parse(`${teamsDir}/${fileName}`);
    if (!parsed) continue;
    const shape = checkShape(parsed, TeamFile);
    issues.push(...shape);
    if (shape.length === 0) teams.push({ parsed, team: parsed.data as TeamFile, fileName });
  }

  // Cross-field checks need shape-valid input; report shape problems first.
  if (issues.length > 0 || !platformFile) throw new SpecError(issues);
  const ctx: CheckContext = { platformFile, platform: platformFile.data as PlatformFile, teams };
  for (const check of CHECKS) issues.push(...check(ctx));
  if (issues.length > 0) throw new SpecError(issues);

  const spec = normalizeCluster(
    platformFile.file,
    ctx.platform,
    teams.map((t) => ({ file: t.parsed.file, team: t.team })),
  );
  const warnings = WARNINGS.flatMap((check) => check(ctx));
  return warnings.length > 0 ? { ...spec, warnings } : spec;
}

/** An empty teams/ folder is kept in git with this file. */
const KEEP_FILE = '.gitkeep';

/**
 * teams/ holds one <team>.yaml per team and nothing else: a .json file, a folder or a stray file
 * would otherwise be skipped without a word, and the team it was meant to define silently missing.
 */
function unexpectedTeamsEntry(source: SpecSource, teamsDir: string, name: string): SpecIssue | undefined {
  const path = `${teamsDir}/${name}`;
  if (name === KEEP_FILE) return undefined;
  const isFile = source.read(path) !== undefined;
  if (!isFile) {
    return {
      file: path,
      path: '',
      message: 'is a folder inside teams/; the kit reads only the files directly in teams/',
      hint: `move its team files up to ${teamsDir}/ (one <team>.yaml each) or move the folder out of apps/`,
    };
  }
  if (/\.ya?ml$/.test(name)) return undefined;
  return {
    file: path,
    path: '',
    message: 'is not a team file: teams/ holds only <team>.yaml files',
    hint: `convert it to YAML as ${teamsDir}/<team>.yaml, or move it out of ${teamsDir}/`,
  };
}

/** Every cluster of the repository; the first failing cluster's errors are thrown. */
export function loadFleet(source: SpecSource): ClusterSpec[] {
  return listClusters(source).map((cluster) => loadCluster(source, cluster));
}
