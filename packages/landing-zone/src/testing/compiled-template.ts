import { inject } from 'vitest';

interface ArmResource {
  readonly type?: string;
  readonly dependsOn?: readonly string[];
  readonly copy?: { readonly mode?: string; readonly batchSize?: number };
  readonly properties?: { readonly template?: ArmTemplate };
}
interface ArmTemplate {
  readonly resources: Record<string, ArmResource> | readonly ArmResource[];
}

/**
 * A resource of the compiled ARM template of the example (`bicep build-params`), by symbolic name,
 * following modules: `armResource('aks', 'userAgentPools')` is the pools' copy loop inside the aks
 * module. Ordering (dependsOn, batchSize) is not part of `bicep snapshot`, so it is asserted here.
 */
export function armResource(...symbols: string[]): ArmResource {
  let template = inject('compiledTemplate') as ArmTemplate;
  let found: ArmResource | undefined;
  for (const symbol of symbols) {
    const resources = template.resources;
    found = Array.isArray(resources) ? undefined : (resources as Record<string, ArmResource>)[symbol];
    if (!found) throw new Error(`no resource ${symbols.join(' > ')} in the compiled template`);
    template = found.properties?.template ?? { resources: {} };
  }
  return found!;
}
