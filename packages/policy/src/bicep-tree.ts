/**
 * What the Bicep rules need of one compiled deployment: the `.bicepparam` it comes from and the resources
 * `bicep snapshot` predicts (ARM's shape: `type`, `name`, `properties`, ...). `@aks-hybrid/validate`'s
 * compileBicep returns these; the catalogue only states the shape, so it needs no compiler.
 */
export interface DeploymentPrediction {
  /** Repo path of the .bicepparam file. */
  readonly file: string;
  readonly resources: readonly { readonly type: string; readonly name: string }[];
}

/**
 * A resource the compiled Bicep would deploy, from `bicep snapshot`: parameters applied, modules expanded,
 * conditions decided, values evaluated where the compiler can evaluate them before the deployment runs.
 */
export interface BicepResource {
  /** The .bicepparam file whose deployment creates it (repo path). */
  readonly file: string;
  /** The resource name, as deployed (e.g. aks-weu-prod). */
  readonly symbol: string;
  /** Full type, e.g. Microsoft.ContainerRegistry/registries. */
  readonly type: string;
  /** The predicted resource (`properties`, `sku`, ...). */
  readonly body: unknown;
}

/** A value the gate can decide on, or the ARM expression that is only known during the deployment. */
export type Resolved = { readonly known: true; readonly value: unknown } | { readonly known: false; readonly expression: string };

/**
 * An ARM template expression (`[reference(...)]`) that the snapshot left for deployment time; `[[` escapes a
 * literal bracket. https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
 */
const isArmExpression = (v: unknown): v is string => typeof v === 'string' && v.startsWith('[') && !v.startsWith('[[') && v.endsWith(']');

/**
 * The resources of every compiled deployment of one cluster. The compiler has already followed parameters through
 * the modules; what is left unknown is what only the deployment knows (another resource's runtime output).
 */
export class BicepTree {
  constructor(readonly resources: readonly BicepResource[]) {}

  static fromDeployments(deployments: readonly DeploymentPrediction[]): BicepTree {
    return new BicepTree(deployments.flatMap((d) => d.resources.map((r) => ({ file: d.file, symbol: String(r.name), type: r.type, body: r }))));
  }

  /** Resources of one type, in deployment order. */
  ofType(type: string): BicepResource[] {
    return this.resources.filter((r) => r.type.toLowerCase() === type.toLowerCase());
  }

  /** Known unless the snapshot holds an ARM expression there. */
  resolve(value: unknown): Resolved {
    return isArmExpression(value) ? { known: false, expression: value } : { known: true, value };
  }
}

/**
 * `body.a.b.c`; undefined when a level is missing. When a level is an ARM expression (`properties: [...]`)
 * that expression is returned, so resolving it says "unknown" instead of "absent".
 */
export function propertyAt(body: unknown, path: readonly string[]): unknown {
  let v = body;
  for (const key of path) {
    if (isArmExpression(v)) return v;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
