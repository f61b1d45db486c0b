/** Shared by the tests: the example cluster, variations of it, and lookups in rendered output. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster, type ClusterSpec, type Team } from '@aks-hybrid/spec';
import type { ManifestUnit } from '../manifest.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let cached: ClusterSpec | undefined;
/** apps/weu-prod, loaded and checked by the spec package (loaded once; specs are immutable). */
export function exampleCluster(): ClusterSpec {
  cached ??= loadCluster(fileSystemSource(repoRoot), 'weu-prod');
  return cached;
}

export function withCalicoApi(spec: ClusterSpec, enabled: boolean): ClusterSpec {
  return { ...spec, cluster: { ...spec.cluster, calicoApiPolicies: enabled } };
}

export function team(spec: ClusterSpec, name: string): Team {
  const found = spec.teams.find((t) => t.name === name);
  if (!found) throw new Error(`example cluster has no team ${name}`);
  return found;
}

/** The spec with one team replaced (and only that team kept, to keep outputs small). */
export function withTeam(spec: ClusterSpec, changed: Team): ClusterSpec {
  return { ...spec, teams: [changed] };
}

export type Obj = Record<string, any>;

export function allObjects(units: readonly ManifestUnit[]): Obj[] {
  return units.flatMap((u) => u.files.flatMap((f) => f.objects as Obj[]));
}

export function objectsOf(unit: ManifestUnit): Obj[] {
  return unit.files.flatMap((f) => f.objects as Obj[]);
}

export function findObject(objects: readonly Obj[], kind: string, name: string, apiVersion?: string): Obj {
  const found = objects.filter((o) => o.kind === kind && o.metadata?.name === name && (apiVersion === undefined || o.apiVersion === apiVersion));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0]!;
}

export function fileOf(unit: ManifestUnit, name: string): Obj[] {
  const file = unit.files.find((f) => f.name === name);
  if (!file) throw new Error(`${unit.dir} has no file ${name}; it has ${unit.files.map((f) => f.name).join(', ')}`);
  return file.objects as Obj[];
}
