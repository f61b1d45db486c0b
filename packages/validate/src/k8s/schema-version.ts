import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** packages/validate/schemas, found relative to this module so it works from src/ and dist/ alike. */
export const SCHEMAS_ROOT = fileURLToPath(new URL('../../schemas/', import.meta.url));
export const K8S_SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/k8s/', import.meta.url));
export const CRD_SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/crds/', import.meta.url));

export interface VersionChoice {
  /** Vendored set to use, "1.32". */
  readonly schemaVersion: string;
  /** Set when the choice is not an exact minor match, to be shown to the user. */
  readonly note?: string;
}

interface Minor {
  readonly major: number;
  readonly minor: number;
}

function parseMinor(v: string): Minor | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(v.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

const cmp = (a: Minor, b: Minor): number => a.major - b.major || a.minor - b.minor;
const fmt = (m: Minor): string => `${m.major}.${m.minor}`;

/** Vendored schema sets: the `v1.NN` folders under schemas/k8s. */
export function listVendoredVersions(dir: string = K8S_SCHEMAS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^v\d+\.\d+$/.test(e.name))
    .map((e) => e.name.slice(1))
    .sort((a, b) => cmp(parseMinor(a)!, parseMinor(b)!));
}

/**
 * Pick the schema set for a cluster version. Exact minor wins; a newer cluster falls back to the
 * newest set (APIs are rarely removed, so this mostly under-reports new fields); a version between
 * two sets uses the older one; a cluster older than every set is an error, because newer schemas
 * would accept fields that cluster rejects.
 */
export function chooseSchemaVersion(available: readonly string[], requested?: string): VersionChoice {
  const sets = available.map((v) => ({ v, m: parseMinor(v)! })).sort((a, b) => cmp(a.m, b.m));
  const newest = sets.at(-1);
  if (!newest) throw new Error('No vendored Kubernetes schema sets found under packages/validate/schemas/k8s');
  if (requested === undefined) return { schemaVersion: newest.v };

  const want = parseMinor(requested);
  if (!want) {
    throw new Error(`Cannot read Kubernetes version "${requested}"; expected something like "1.32" or "v1.32.4"`);
  }
  const exact = sets.find((s) => cmp(s.m, want) === 0);
  if (exact) return { schemaVersion: exact.v };
  if (cmp(want, newest.m) > 0) {
    return {
      schemaVersion: newest.v,
      note: `Kubernetes ${fmt(want)} is newer than the newest vendored schema set; validating against ${newest.v} (fields added after ${newest.v} will be reported as unknown)`,
    };
  }
  const older = sets.filter((s) => cmp(s.m, want) < 0).at(-1);
  if (!older) {
    throw new Error(
      `Kubernetes ${fmt(want)} is older than every vendored schema set (${sets.map((s) => s.v).join(', ')}); ` +
        `set spec.cluster.kubernetesVersion to a minor AKS supports (packages/spec/data/aks-kubernetes-versions.json), ` +
        `or vendor the OpenAPI documents for ${fmt(want)} under packages/validate/schemas/k8s/v${fmt(want)}`,
    );
  }
  return {
    schemaVersion: older.v,
    note: `No vendored schema set for Kubernetes ${fmt(want)}; validating against ${older.v}`,
  };
}
