/**
 * Assertions on what `bicep snapshot` predicts a deployment creates, in the spirit of aws-cdk's
 * `Template.fromStack(...).hasResourceProperties(type, props)`.
 */

/** One predicted resource of `bicep snapshot`: type, name, apiVersion, location, properties, ... */
export interface PredictedResource {
  readonly type: string;
  readonly name: string;
  readonly apiVersion: string;
  readonly id?: string;
  readonly location?: string;
  readonly tags?: Record<string, string>;
  readonly zones?: string[];
  readonly sku?: Record<string, unknown>;
  readonly identity?: Record<string, unknown>;
  readonly properties?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

export class SnapshotTemplate {
  constructor(
    readonly resources: readonly PredictedResource[],
    readonly outputs: Readonly<Record<string, unknown>>,
  ) {}

  static fromSnapshot(snapshot: { predictedResources: readonly unknown[]; outputs: Readonly<Record<string, unknown>> }): SnapshotTemplate {
    return new SnapshotTemplate(snapshot.predictedResources as PredictedResource[], snapshot.outputs);
  }

  /** Every predicted resource of a type, in deployment order. Types compare case-insensitively, as in ARM. */
  resourcesOfType(type: string): PredictedResource[] {
    return this.resources.filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
  }

  resourceCount(type: string): number {
    return this.resourcesOfType(type).length;
  }

  /** The only resource of a type that matches `where` (a partial resource); throws unless there is exactly one. */
  one(type: string, where: Partial<PredictedResource> = {}): PredictedResource {
    const found = this.resourcesOfType(type).filter((resource) => matches(resource, where));
    if (found.length !== 1) throw new Error(`expected one ${type} matching ${JSON.stringify(where)}, found ${found.length}`);
    return found[0]!;
  }

  /**
   * Throws unless some resource of `type` matches `expected`: objects match when every expected key
   * matches (extra keys are fine), arrays when they have the same length and match item by item,
   * anything else by equality.
   */
  hasResourceProperties(type: string, expected: Record<string, unknown>): void {
    const candidates = this.resourcesOfType(type);
    if (candidates.some((resource) => matches(resource.properties ?? {}, expected))) return;
    throw new Error(
      `no ${type} has the properties ${JSON.stringify(expected)}; the ${candidates.length} candidates:\n${candidates
        .map((resource) => `${resource.name}: ${JSON.stringify(resource.properties)}`)
        .join('\n')}`,
    );
  }

  /** Throws unless some resource of `type` matches `expected` as a whole (name, sku, zones, properties, ...). */
  hasResource(type: string, expected: Record<string, unknown>): void {
    const candidates = this.resourcesOfType(type);
    if (candidates.some((resource) => matches(resource, expected))) return;
    throw new Error(`no ${type} matches ${JSON.stringify(expected)}; candidates: ${candidates.map((resource) => resource.name).join(', ')}`);
  }

  output(name: string): unknown {
    if (!(name in this.outputs)) throw new Error(`no output ${name}; outputs: ${Object.keys(this.outputs).join(', ')}`);
    return this.outputs[name];
  }
}

/** Partial deep match: see hasResourceProperties. */
export function matches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => matches(actual[i], item));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([key, value]) => matches((actual as Record<string, unknown>)[key], value));
  }
  return Object.is(actual, expected);
}
