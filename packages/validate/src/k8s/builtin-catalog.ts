import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceScope } from './types.js';

/** A top-level kind served by the API, and where its schema lives. */
export interface BuiltinKind {
  readonly apiVersion: string;
  readonly kind: string;
  readonly scope: ResourceScope;
  /** components.schemas key, e.g. io.k8s.api.apps.v1.Deployment. */
  readonly definition: string;
}

interface OpenApiDocument {
  components: { schemas: Record<string, Record<string, unknown>> };
  paths: Record<string, Record<string, unknown>>;
}

interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** "api__v1_openapi.json" -> "v1", "apis__apps__v1_openapi.json" -> "apps/v1" (upstream naming). */
export function apiVersionOfFile(file: string): string | undefined {
  const m = /^(.*)_openapi\.json$/.exec(file);
  if (!m) return undefined;
  const parts = m[1]!.split('__');
  if (parts[0] === 'api' && parts.length === 2) return parts[1];
  if (parts[0] === 'apis' && parts.length === 3) return `${parts[1]}/${parts[2]}`;
  return undefined;
}

const gvkApiVersion = (g: Gvk): string => (g.group ? `${g.group}/${g.version}` : g.version);

/**
 * The built-in API groups of one vendored schema set. A document is parsed only when an object of
 * its apiVersion is first validated: the core document alone is 2 MB.
 */
export class BuiltinCatalog {
  private readonly files = new Map<string, string>();
  private readonly kinds = new Map<string, Map<string, BuiltinKind>>();

  constructor(
    dir: string,
    /** Receives each document's definitions when it is loaded. */
    private readonly onDocument: (schemas: Record<string, unknown>) => void,
  ) {
    for (const f of readdirSync(dir)) {
      const apiVersion = apiVersionOfFile(f);
      if (apiVersion) this.files.set(apiVersion, join(dir, f));
    }
  }

  apiVersions(): string[] {
    return [...this.files.keys()];
  }

  has(apiVersion: string): boolean {
    return this.files.has(apiVersion);
  }

  /** Kinds of an apiVersion, loading its document on first use. */
  kindsOf(apiVersion: string): ReadonlyMap<string, BuiltinKind> {
    const cached = this.kinds.get(apiVersion);
    if (cached) return cached;
    const file = this.files.get(apiVersion);
    if (!file) return new Map();
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    this.onDocument(doc.components.schemas);
    const found = resourceKinds(doc, apiVersion);
    this.kinds.set(apiVersion, found);
    return found;
  }

  /** Load the core document (for ObjectMeta, which CRD objects need). */
  loadCore(): void {
    if (this.has('v1')) this.kindsOf('v1');
  }
}

/**
 * Kinds you can create, with their scope, read from `paths`: a `post` on a collection path
 * (no subresource). A `{namespace}` segment makes the kind namespaced. This skips kinds that only
 * appear in schemas (Scale, DeleteOptions, WatchEvent) and subresource bodies (Eviction, TokenRequest).
 */
function resourceKinds(doc: OpenApiDocument, apiVersion: string): Map<string, BuiltinKind> {
  const prefix = apiVersion.includes('/') ? `/apis/${apiVersion}/` : `/api/${apiVersion}/`;
  const collection = /^(namespaces\/\{namespace\}\/)?[a-z0-9.-]+$/;
  const scopes = new Map<string, ResourceScope>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith(prefix)) continue;
    const m = collection.exec(path.slice(prefix.length));
    const post = item.post as { 'x-kubernetes-group-version-kind'?: Gvk } | undefined;
    const gvk = post?.['x-kubernetes-group-version-kind'];
    if (!m || !gvk || gvkApiVersion(gvk) !== apiVersion) continue;
    scopes.set(gvk.kind, m[1] ? 'Namespaced' : 'Cluster');
  }

  const out = new Map<string, BuiltinKind>();
  for (const [definition, schema] of Object.entries(doc.components.schemas)) {
    const gvks = schema['x-kubernetes-group-version-kind'] as Gvk[] | undefined;
    for (const g of gvks ?? []) {
      const scope = scopes.get(g.kind);
      if (scope && gvkApiVersion(g) === apiVersion) out.set(g.kind, { apiVersion, kind: g.kind, scope, definition });
    }
  }
  return out;
}
