import type { ValidateFunction } from 'ajv';
import type { K8sAjv } from './ajv-instance.js';
import { BuiltinCatalog } from './builtin-catalog.js';
import { CrdCatalog } from './crd-catalog.js';
import { DefinitionRegistry } from './definitions.js';
import { suggestion } from './error-format.js';
import type { PrecompiledStore } from './precompiled.js';
import type { CompileStat, ResourceScope } from './types.js';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** A kind ready to validate. */
export interface KnownKind {
  readonly apiVersion: string;
  readonly kind: string;
  readonly scope: ResourceScope;
  readonly validate: ValidateFunction;
}

export type KindLookup =
  | { readonly found: true; readonly kind: KnownKind }
  | { readonly found: false; readonly path: '/apiVersion' | '/kind'; readonly message: string };

/**
 * apiVersion/kind -> compiled validator, for built-in kinds (OpenAPI documents of one Kubernetes
 * version) and vendored CRDs. Everything is lazy and cached: documents load on first use of their
 * apiVersion, a kind compiles on its first object, and unknown pairs are remembered too. With a
 * precompiled store, a kind compiled by an earlier process loads from its standalone code instead.
 */
export class KindRegistry {
  private readonly defs: DefinitionRegistry;
  private readonly builtins: BuiltinCatalog;
  private readonly crds: CrdCatalog;
  private readonly cache = new Map<string, KindLookup>();
  private readonly stats: CompileStat[] = [];

  constructor(
    private readonly k8sAjv: K8sAjv,
    schemaVersion: string,
    builtinDir: string,
    crdDir: string,
    private readonly store?: PrecompiledStore,
  ) {
    this.defs = new DefinitionRegistry(k8sAjv, `https://aks-hybrid.kit/k8s/${schemaVersion}/`);
    this.builtins = new BuiltinCatalog(builtinDir, (schemas) => this.defs.addDocument(schemas));
    this.crds = new CrdCatalog(crdDir);
  }

  compileStats(): readonly CompileStat[] {
    return this.stats;
  }

  lookup(apiVersion: string, kind: string): KindLookup {
    const key = `${apiVersion}\u0000${kind}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.resolve(apiVersion, kind);
      this.cache.set(key, hit);
    }
    return hit;
  }

  /** Every apiVersion the kit can validate: built-in groups of the schema set plus the CRDs. */
  apiVersions(): string[] {
    return [...this.builtins.apiVersions(), ...this.crds.apiVersions()];
  }

  private resolve(apiVersion: string, kind: string): KindLookup {
    const t0 = performance.now();
    const stored = this.store?.get(apiVersion, kind);
    if (stored) {
      this.stats.push({ apiVersion, kind, loadMs: performance.now() - t0, compileMs: 0, precompiled: true });
      return { found: true, kind: { apiVersion, kind, scope: stored.scope, validate: stored.validate } };
    }
    const found = this.compile(apiVersion, kind, t0);
    if (found.found) this.store?.put(apiVersion, kind, found.kind.scope, found.kind.validate, this.k8sAjv.ajv);
    return found;
  }

  private compile(apiVersion: string, kind: string, t0: number): KindLookup {
    if (this.builtins.has(apiVersion)) {
      const entry = this.builtins.kindsOf(apiVersion).get(kind);
      if (!entry) return this.unknownKind(apiVersion, kind, [...this.builtins.kindsOf(apiVersion).keys()]);
      const t1 = performance.now();
      this.defs.ensure(entry.definition);
      const validate = this.k8sAjv.ajv.getSchema(this.defs.idFor(entry.definition));
      if (!validate) throw new Error(`ajv did not compile ${entry.definition}`);
      this.record(apiVersion, kind, t0, t1);
      return { found: true, kind: { apiVersion, kind, scope: entry.scope, validate } };
    }

    const crd = this.crds.kindsOf(apiVersion).get(kind);
    if (!crd) {
      const known = this.crds.kindsOf(apiVersion);
      if (known.size > 0) return this.unknownKind(apiVersion, kind, [...known.keys()]);
      return this.unknownApiVersion(apiVersion, kind);
    }
    // Custom resources get the real ObjectMeta schema: the API server checks metadata of every
    // object, while the CRD itself only says `metadata: {type: object}`.
    this.builtins.loadCore();
    const t1 = performance.now();
    const root = crd.schema as { properties?: Record<string, unknown> };
    const withMeta = {
      ...root,
      properties: { ...root.properties, metadata: { $ref: `#/components/schemas/${OBJECT_META}` } },
    };
    const validate = this.k8sAjv.ajv.compile(this.defs.convert(withMeta));
    this.record(apiVersion, kind, t0, t1);
    return { found: true, kind: { apiVersion, kind, scope: crd.scope, validate } };
  }

  private record(apiVersion: string, kind: string, t0: number, t1: number): void {
    this.stats.push({ apiVersion, kind, loadMs: t1 - t0, compileMs: performance.now() - t1 });
  }

  private unknownKind(apiVersion: string, kind: string, kinds: string[]): KindLookup {
    const hint = suggestion(kind, kinds);
    return {
      found: false,
      path: '/kind',
      message:
        `no schema for apiVersion ${apiVersion} kind ${kind}${hint ? ` (did you mean ${hint}?)` : ''}; ` +
        `the kit validates these ${apiVersion} kinds: ${kinds.sort().join(', ')}`,
    };
  }

  private unknownApiVersion(apiVersion: string, kind: string): KindLookup {
    // Error path only: load every document to say where this kind does live.
    const homes = this.apiVersions().filter((v) => this.kindsIn(v).includes(kind));
    const where = homes.length > 0 ? ` (${kind} is validated as ${homes.join(' or ')})` : '';
    return {
      found: false,
      path: '/apiVersion',
      message: `no schema for apiVersion ${apiVersion} kind ${kind}${where}; the kit validates: ${this.apiVersions().join(', ')}`,
    };
  }

  /** Kinds the kit validates for an apiVersion (loads its document or CRDs). */
  kindNames(apiVersion: string): string[] {
    return this.kindsIn(apiVersion).sort();
  }

  private kindsIn(apiVersion: string): string[] {
    return this.builtins.has(apiVersion) ? [...this.builtins.kindsOf(apiVersion).keys()] : [...this.crds.kindsOf(apiVersion).keys()];
  }
}
