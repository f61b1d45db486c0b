import { SpecError, type SpecIssue } from '../errors.js';
import type { ClusterSpec } from '../model.js';
import { normalizeCluster } from '../normalize.js';
import { PlatformFile } from '../schema/platform.js';
import { TeamFile } from '../schema/team.js';
import { checkCapacity } from '../checks/capacity.js';
import { checkConnectivity } from '../checks/connectivity.js';
import type { Check, CheckContext } from '../checks/context.js';
import { checkNetwork } from '../checks/network.js';
import { checkPools } from '../checks/pools.js';
import { checkTeams } from '../checks/teams.js';
import { checkShape } from './shape.js';
import type { SpecSource } from './source.js';
import { issueAt, parseYamlFile, type ParsedFile } from './yaml-file.js';

/** Folder of all cluster specs, relative to the repository root. */
export const APPS_DIR = 'apps';

export const platformPath = (cluster: string) => `${APPS_DIR}/${cluster}/platform.yaml`;
export const teamPath = (cluster: string, team: string) => `${APPS_DIR}/${cluster}/teams/${team}.yaml`;

/** Cross-field checks, in the order their messages are most useful. */
const CHECKS: readonly Check[] = [checkNetwork, checkConnectivity, checkPools, checkTeams, checkCapacity];

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
    if (name !== cluster) issues.push(issueAt(platformFile, ['metadata', 'name'], `metadata.name "${name}" differs from the folder name "${cluster}"`, `set metadata.name: ${cluster} (the folder name is the cluster key)`));
  }

  const teamsDir = `${APPS_DIR}/${cluster}/teams`;
  const teams: CheckContext['teams'][number][] = [];
  for (const fileName of source.list(teamsDir)) {
    if (!/\.ya?ml$/.test(fileName)) continue;
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

  return normalizeCluster(platformFile.file, ctx.platform, teams.map((t) => ({ file: t.parsed.file, team: t.team })));
}

/** Every cluster of the repository; the first failing cluster's errors are thrown. */
export function loadFleet(source: SpecSource): ClusterSpec[] {
  return listClusters(source).map((cluster) => loadCluster(source, cluster));
}
