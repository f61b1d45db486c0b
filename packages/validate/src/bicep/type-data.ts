// Loads the vendored bicep-types data (schemas/azure-types) and resolves
// `Type@apiVersion` to the ResourceType entry. Files are read lazily and cached.
import { readFileSync } from 'node:fs';

/** Property flag bits in bicep-types ObjectType properties. */
export const FLAG_REQUIRED = 1;
export const FLAG_READ_ONLY = 2;
export const FLAG_WRITE_ONLY = 4;
export const FLAG_DEPLOY_TIME_CONSTANT = 8;

export interface TypeRef {
  $ref: string;
}

export interface TypeProperty {
  type: TypeRef;
  flags: number;
  description?: string;
}

export type BicepType =
  | { $type: 'StringType'; minLength?: number; maxLength?: number; pattern?: string; sensitive?: boolean }
  | { $type: 'StringLiteralType'; value: string }
  | { $type: 'IntegerType'; minValue?: number; maxValue?: number }
  | { $type: 'BooleanType' }
  | { $type: 'AnyType' }
  | { $type: 'NullType' }
  | { $type: 'ArrayType'; itemType: TypeRef; minLength?: number; maxLength?: number }
  | { $type: 'ObjectType'; name: string; properties?: Record<string, TypeProperty>; additionalProperties?: TypeRef }
  | {
      $type: 'DiscriminatedObjectType';
      name: string;
      discriminator: string;
      baseProperties?: Record<string, TypeProperty>;
      elements: Record<string, TypeRef>;
    }
  | { $type: 'UnionType'; elements: TypeRef[] }
  | { $type: 'ResourceType'; name: string; body: TypeRef; readableScopes?: number; writableScopes?: number }
  | { $type: 'ResourceFunctionType'; name: string };

/** A type node plus the file it came from, so its `#/N` refs can be followed. */
export interface TypeHandle {
  file: TypeFile;
  type: BicepType;
}

export class TypeFile {
  constructor(
    readonly path: string,
    readonly types: BicepType[],
    private readonly store: TypeStore,
  ) {}

  resolve(ref: TypeRef): TypeHandle {
    const hash = ref.$ref.indexOf('#/');
    const filePart = ref.$ref.slice(0, hash);
    const index = Number(ref.$ref.slice(hash + 2));
    const file = filePart ? this.store.file(joinRelative(this.path, filePart)) : this;
    const type = file.types[index];
    if (!type) throw new Error(`bicep-types ref ${ref.$ref} out of range in ${file.path}`);
    return { file, type };
  }
}

function joinRelative(from: string, rel: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export interface ResourceTypeEntry {
  /** Canonical spelling from the type data, e.g. `Microsoft.Network/virtualNetworks`. */
  type: string;
  apiVersion: string;
  body: TypeHandle;
  writableScopes: number | undefined;
}

export type ResourceLookup =
  | { ok: true; entry: ResourceTypeEntry }
  | { ok: false; reason: 'unknown-version'; type: string; versions: string[] }
  | { ok: false; reason: 'unknown-type'; knownProvider: boolean; similar: string[] };

export class TypeStore {
  private readonly files = new Map<string, TypeFile>();
  /** lower-case type -> apiVersion -> `file#/N` */
  private readonly byType = new Map<string, { type: string; versions: Map<string, string> }>();
  private readonly providers = new Set<string>();

  constructor(private readonly root: URL) {
    const index = JSON.parse(readFileSync(new URL('resource-index.json', root), 'utf8')) as {
      resources: Record<string, TypeRef>;
    };
    for (const [name, ref] of Object.entries(index.resources)) {
      const at = name.lastIndexOf('@');
      const type = name.slice(0, at);
      const key = type.toLowerCase();
      let slot = this.byType.get(key);
      if (!slot) this.byType.set(key, (slot = { type, versions: new Map() }));
      slot.versions.set(name.slice(at + 1), ref.$ref);
      this.providers.add(type.split('/')[0]!.toLowerCase());
    }
  }

  file(path: string): TypeFile {
    let f = this.files.get(path);
    if (!f) {
      const types = JSON.parse(readFileSync(new URL(path, this.root), 'utf8')) as BicepType[];
      f = new TypeFile(path, types, this);
      this.files.set(path, f);
    }
    return f;
  }

  /** Resource type names are case-insensitive in ARM and Bicep; API versions are matched exactly. */
  lookup(type: string, apiVersion: string): ResourceLookup {
    const slot = this.byType.get(type.toLowerCase());
    if (!slot) {
      const provider = type.split('/')[0]!.toLowerCase();
      const similar = [...this.byType.values()]
        .map((s) => s.type)
        .filter((t) => t.toLowerCase().startsWith(`${provider}/`) && t.split('/').length === type.split('/').length);
      return { ok: false, reason: 'unknown-type', knownProvider: this.providers.has(provider), similar };
    }
    const ref = slot.versions.get(apiVersion);
    if (!ref) return { ok: false, reason: 'unknown-version', type: slot.type, versions: [...slot.versions.keys()].sort() };
    const [path, index] = ref.split('#/');
    const file = this.file(path!);
    const resource = file.types[Number(index)];
    if (resource?.$type !== 'ResourceType') throw new Error(`resource-index entry ${ref} is not a ResourceType`);
    return {
      ok: true,
      entry: { type: slot.type, apiVersion, body: file.resolve(resource.body), writableScopes: resource.writableScopes },
    };
  }

  /** All vendored `Type@apiVersion` names (for messages and tests). */
  allResourceTypes(): string[] {
    return [...this.byType.values()].flatMap((s) => [...s.versions.keys()].map((v) => `${s.type}@${v}`));
  }
}

let store: TypeStore | undefined;

/**
 * The vendored data lives at <package>/schemas/azure-types; this module sits at
 * src/bicep (or dist/bicep once built), two levels below the package root.
 */
export function getTypeStore(): TypeStore {
  store ??= new TypeStore(new URL('../../schemas/azure-types/', import.meta.url));
  return store;
}
