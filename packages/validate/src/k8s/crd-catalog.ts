import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ResourceScope } from './types.js';

/** One served version of a vendored CustomResourceDefinition. */
export interface CrdKind {
  readonly apiVersion: string;
  readonly kind: string;
  readonly scope: ResourceScope;
  /** The version's openAPIV3Schema (structural schema). */
  readonly schema: unknown;
  /** CRD file it came from, for messages. */
  readonly source: string;
}

interface CrdDocument {
  kind?: string;
  spec?: {
    group?: string;
    scope?: string;
    names?: { kind?: string };
    versions?: { name?: string; served?: boolean; schema?: { openAPIV3Schema?: unknown } }[];
  };
}

/** The CRDs vendored under schemas/crds, read on first use (about 100 KB of YAML). */
export class CrdCatalog {
  private byApiVersion: Map<string, Map<string, CrdKind>> | undefined;

  constructor(private readonly dir: string) {}

  private load(): Map<string, Map<string, CrdKind>> {
    if (this.byApiVersion) return this.byApiVersion;
    const map = new Map<string, Map<string, CrdKind>>();
    const files = readdirSync(this.dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
    for (const file of files.sort()) {
      for (const doc of parseAllDocuments(readFileSync(join(this.dir, file), 'utf8'))) {
        if (doc.errors.length > 0) throw new Error(`Vendored CRD ${file} does not parse: ${doc.errors[0]!.message}`);
        const crd = doc.toJS() as CrdDocument | null;
        if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
        for (const entry of crdKinds(crd, file)) {
          let kinds = map.get(entry.apiVersion);
          if (!kinds) map.set(entry.apiVersion, (kinds = new Map()));
          kinds.set(entry.kind, entry);
        }
      }
    }
    this.byApiVersion = map;
    return map;
  }

  apiVersions(): string[] {
    return [...this.load().keys()];
  }

  kindsOf(apiVersion: string): ReadonlyMap<string, CrdKind> {
    return this.load().get(apiVersion) ?? new Map();
  }
}

function crdKinds(crd: CrdDocument, source: string): CrdKind[] {
  const { group, scope, names, versions } = crd.spec ?? {};
  if (!group || !names?.kind || (scope !== 'Namespaced' && scope !== 'Cluster')) {
    throw new Error(`Vendored CRD ${source} lacks spec.group, spec.names.kind or a valid spec.scope`);
  }
  return (versions ?? [])
    .filter((v) => v.served && v.name && v.schema?.openAPIV3Schema)
    .map((v) => ({ apiVersion: `${group}/${v.name}`, kind: names.kind!, scope, schema: v.schema!.openAPIV3Schema, source }));
}
