import { parseAllDocuments } from 'yaml';
import type { ObjectRef } from './types.js';

export interface ParsedObject {
  readonly ref: ObjectRef;
  /** Matches an object across sides: group (not version), kind, namespace, name. */
  readonly identity: string;
  readonly value: Record<string, unknown>;
  /** Position among all objects of the side, for a stable, file-ordered report. */
  readonly order: number;
}

export const isYamlFile = (path: string) => /\.ya?ml$/.test(path);

/**
 * Every Kubernetes object in the YAML files of one side, by identity. Objects are keyed by what
 * they are, not where they are written, so a file split or a move is no change. An object without
 * a name (a kustomize index) is identified by its file. A file that does not parse is returned in
 * `unparsed` so the caller can still report it as a file.
 */
export function collectObjects(files: ReadonlyMap<string, string>): { objects: Map<string, ParsedObject>; unparsed: string[] } {
  const objects = new Map<string, ParsedObject>();
  const unparsed: string[] = [];
  for (const [file, content] of [...files].filter(([path]) => isYamlFile(path)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const docs = parseAllDocuments(content);
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) {
      unparsed.push(file);
      continue;
    }
    for (const doc of docs) {
      const value: unknown = doc.toJS();
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const obj = value as Record<string, unknown>;
      if (typeof obj.kind !== 'string') continue;
      const made = describe(obj, file);
      let identity = made.identity;
      // Two objects with one identity would be an apply conflict; keep both visible rather than drop one.
      for (let n = 2; objects.has(identity); n++) identity = `${made.identity}#${n}`;
      objects.set(identity, { ref: made.ref, identity, value: obj, order: objects.size });
    }
  }
  return { objects, unparsed };
}

function describe(obj: Record<string, unknown>, file: string): { ref: ObjectRef; identity: string } {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = obj.kind as string;
  const metadata = (typeof obj.metadata === 'object' && obj.metadata !== null ? obj.metadata : {}) as Record<string, unknown>;
  const named = typeof metadata.name === 'string' && metadata.name !== '';
  const name = named ? (metadata.name as string) : file;
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : 'core';
  const scope = namespace ? `${namespace}/${name}` : name;
  return {
    ref: { key: `${apiVersion}/${kind}/${scope}`, apiVersion, kind, ...(namespace ? { namespace } : {}), name, file },
    identity: `${group}/${kind}/${named ? scope : `file:${file}`}`,
  };
}
