import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
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

/**
 * The CRDs vendored under schemas/crds. Files are named `<group>_<plural>.yaml` (controller-gen's
 * convention), so only the files of the group being validated are parsed: YAML parsing is the
 * slow part of loading them (js-yaml, several times faster than `yaml` here; no positions are
 * needed for vendored data). A file not following the convention is parsed for every group.
 */
export class CrdCatalog {
  private readonly filesByGroup = new Map<string, string[]>();
  private readonly parsedFiles = new Set<string>();
  private readonly byApiVersion = new Map<string, Map<string, CrdKind>>();

  constructor(private readonly dir: string) {
    for (const file of readdirSync(dir).sort()) {
      if (!/\.ya?ml$/.test(file)) continue;
      const group = /^([a-z0-9.-]+\.[a-z0-9.-]+)_/.exec(file)?.[1] ?? '*';
      this.filesByGroup.set(group, [...(this.filesByGroup.get(group) ?? []), file]);
    }
  }

  private parse(file: string): void {
    if (this.parsedFiles.has(file)) return;
    this.parsedFiles.add(file);
    let docs: unknown[];
    try {
      docs = jsYaml.loadAll(readFileSync(join(this.dir, file), 'utf8'), null, { schema: jsYaml.CORE_SCHEMA });
    } catch (error) {
      throw new Error(`Vendored CRD ${file} does not parse: ${(error as Error).message.split('\n')[0]}`);
    }
    for (const doc of docs) {
      const crd = doc as CrdDocument | null;
      if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
      for (const entry of crdKinds(crd, file)) {
        let kinds = this.byApiVersion.get(entry.apiVersion);
        if (!kinds) this.byApiVersion.set(entry.apiVersion, (kinds = new Map()));
        kinds.set(entry.kind, entry);
      }
    }
  }

  private parseGroup(group: string): void {
    for (const f of [...(this.filesByGroup.get(group) ?? []), ...(this.filesByGroup.get('*') ?? [])]) this.parse(f);
  }

  /** Every apiVersion served by the vendored CRDs (parses them all: for error messages). */
  apiVersions(): string[] {
    for (const group of this.filesByGroup.keys()) this.parseGroup(group);
    return [...this.byApiVersion.keys()].sort();
  }

  kindsOf(apiVersion: string): ReadonlyMap<string, CrdKind> {
    const slash = apiVersion.indexOf('/');
    if (slash > 0) this.parseGroup(apiVersion.slice(0, slash));
    return this.byApiVersion.get(apiVersion) ?? new Map();
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
