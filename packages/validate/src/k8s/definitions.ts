import type { K8sAjv } from './ajv-instance.js';
import { KNOWN_FORMATS } from './ajv-instance.js';
import { convertSchema, type JsonSchema } from './openapi-convert.js';

/**
 * The `components.schemas` of every loaded OpenAPI document of one Kubernetes version, registered
 * with ajv one definition per schema id. Each document repeats the shared types (ObjectMeta,
 * PodSpec, ...); registering by name means ajv compiles each of them once for all kinds, and
 * only the definitions a validated kind actually reaches are converted at all.
 */
export class DefinitionRegistry {
  private readonly raw = new Map<string, unknown>();
  private readonly added = new Set<string>();

  constructor(
    private readonly k8sAjv: K8sAjv,
    /** Namespace for schema ids, e.g. "https://aks-hybrid.kit/k8s/1.32/". */
    private readonly idPrefix: string,
  ) {}

  /** Remember the raw definitions of a document. The first document to define a name wins (they are identical). */
  addDocument(schemas: Record<string, unknown>): void {
    for (const [name, schema] of Object.entries(schemas)) if (!this.raw.has(name)) this.raw.set(name, schema);
  }

  has(name: string): boolean {
    return this.raw.has(name);
  }

  idFor(name: string): string {
    return this.idPrefix + name;
  }

  /** The converted schema for a raw node, with its references registered with ajv. */
  convert(node: unknown): JsonSchema {
    const pending: string[] = [];
    const schema = convertSchema(node, {
      refFor: (name) => {
        pending.push(name);
        return this.idFor(name);
      },
      knownFormats: KNOWN_FORMATS,
      onVendorKeyword: (k) => this.k8sAjv.ensureVendorKeyword(k),
    });
    for (const name of pending) this.ensure(name);
    return schema;
  }

  /** Register a definition and everything it references (iteratively: no deep recursion). */
  ensure(name: string): void {
    const queue = [name];
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (this.added.has(next)) continue;
      const raw = this.raw.get(next);
      if (raw === undefined) throw new Error(`OpenAPI definition ${next} is referenced but not defined in the loaded documents`);
      this.added.add(next);
      const schema = convertSchema(raw, {
        refFor: (ref) => {
          if (!this.added.has(ref)) queue.push(ref);
          return this.idFor(ref);
        },
        knownFormats: KNOWN_FORMATS,
        onVendorKeyword: (k) => this.k8sAjv.ensureVendorKeyword(k),
      });
      this.k8sAjv.ajv.addSchema({ ...schema, $id: this.idFor(next) });
    }
  }
}
