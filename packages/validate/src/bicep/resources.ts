// Resource declarations: the type and API version must exist in the vendored
// type data, and the body must fit that type (see type-check.ts).
import type { BicepFinding } from './findings.js';
import type { BicepFileModel, ResourceDecl } from './model.js';
import { didYouMean } from './suggest.js';
import { checkResourceBody } from './type-check.js';
import type { TypeStore } from './type-data.js';

export interface ResolvedResource {
  decl: ResourceDecl;
  type: string;
  apiVersion: string;
  /** Symbol of the enclosing resource for nested declarations. */
  parent: string | undefined;
}

/**
 * Flattens top-level and nested resources, giving nested ones their full type:
 * `resource s 'subnets'` inside a virtualNetworks resource is
 * `Microsoft.Network/virtualNetworks/subnets` at the parent's API version
 * unless it names its own (`'subnets@2024-05-01'`).
 */
export function resolveResources(resources: ResourceDecl[], parent?: ResolvedResource): ResolvedResource[] {
  const out: ResolvedResource[] = [];
  for (const decl of resources) {
    if (decl.typeText === undefined) continue; // interpolated type string
    const at = decl.typeText.lastIndexOf('@');
    let type = at >= 0 ? decl.typeText.slice(0, at) : decl.typeText;
    let apiVersion = at >= 0 ? decl.typeText.slice(at + 1) : '';
    if (parent && !type.includes('/')) {
      type = `${parent.type}/${type}`;
      apiVersion ||= parent.apiVersion;
    }
    const resolved: ResolvedResource = { decl, type, apiVersion, parent: parent?.decl.symbol };
    out.push(resolved);
    if (decl.body.kind === 'object') out.push(...resolveResources(decl.body.resources, resolved));
  }
  return out;
}

/**
 * Checks every resource declaration against the vendored type data. `untyped` lists resource types
 * the data does not cover that the caller renders on purpose (type -> why): they are accepted without
 * property checks instead of being reported.
 */
export function checkResources(file: string, model: BicepFileModel, store: TypeStore, untyped: ReadonlyMap<string, string> = new Map()): BicepFinding[] {
  const out: BicepFinding[] = [];
  for (const r of resolveResources(model.resources)) {
    const { decl } = r;
    const object = `${decl.symbol} (${r.type}@${r.apiVersion})`;
    const where = { file, ...decl.typeSpan, object };
    if (!r.apiVersion) {
      out.push({ ...where, message: `resource type '${r.type}' has no API version ('Type@apiVersion')`, rule: 'bicep-type' });
      continue;
    }
    const found = store.lookup(r.type, r.apiVersion);
    if (!found.ok) {
      if (found.reason === 'unknown-version') {
        out.push({
          ...where,
          message: `API version '${r.apiVersion}' of '${found.type}' is not in the vendored type data; available: ${found.versions.join(', ')}`,
          rule: 'bicep-type',
        });
      } else if (!found.knownProvider && untyped.has(r.type)) {
        continue;
      } else {
        const scope = found.knownProvider
          ? `unknown resource type '${r.type}'${didYouMean(r.type, found.similar)}`
          : `resource type '${r.type}' is not in the vendored type data (its provider is not vendored)`;
        out.push({ ...where, message: scope, rule: 'bicep-type' });
      }
      continue;
    }
    if (found.entry.writableScopes === 0 && !decl.existing) {
      out.push({ ...where, message: `'${found.entry.type}' is read-only; it can only be declared with 'existing'`, rule: 'bicep-type' });
    }
    for (const f of checkResourceBody(decl.body, found.entry.body, decl.existing)) {
      out.push({ file, object, ...f });
    }
  }
  return out;
}
