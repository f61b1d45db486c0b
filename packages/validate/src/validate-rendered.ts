import type { ClusterSpec } from '@aks-hybrid/spec';
import { validateBicepFiles } from './bicep/index.js';
import type { Finding } from './findings.js';
import { createSchemaValidator, type SchemaValidator } from './k8s/index.js';
import { checkKustomizationIndexes } from './kustomize/index.js';

export interface ValidateOptions {
  /**
   * The objects behind each rendered YAML file, when the caller still has them: validating objects
   * skips re-parsing the YAML, which is most of the cost. Without it the files are parsed.
   */
  readonly objects?: ReadonlyMap<string, readonly unknown[]>;
}

/**
 * Azure resource types the kit renders but whose type data is not vendored yet: only syntax, symbols
 * and module wiring are checked for them. Each entry says why the type is needed.
 */
export const UNTYPED_AZURE_RESOURCE_TYPES: ReadonlyMap<string, string> = new Map([
  ['Microsoft.Insights/dataCollectionRules', 'Container Insights with managed-identity auth collects nothing without a data collection rule'],
  ['Microsoft.Insights/dataCollectionRuleAssociations', 'associates the Container Insights data collection rule with the cluster'],
]);

const validators = new Map<string, SchemaValidator>();

/** One validator per Kubernetes version, reused across clusters and runs (compiling is the cost). */
function validatorFor(version: string): SchemaValidator {
  let validator = validators.get(version);
  if (!validator) {
    validator = createSchemaValidator({ kubernetesVersion: version });
    validators.set(version, validator);
  }
  return validator;
}

/**
 * Every check that needs no cluster, over a cluster's rendered (or committed) files: Kubernetes and
 * CRD schemas, kustomization indexes, and the offline Bicep checks.
 */
export async function validateRendered(files: ReadonlyMap<string, string>, spec: ClusterSpec, options: ValidateOptions = {}): Promise<Finding[]> {
  const findings: Finding[] = [];
  const schema = validatorFor(spec.cluster.kubernetesVersion);
  const flux = new Map<string, string>();
  const bicep = new Map<string, string>();
  for (const [path, content] of files) {
    if (path.startsWith('gitops/clusters/')) {
      flux.set(path, content);
      if (!/\.ya?ml$/.test(path) || /(^|\/)kustomization\.ya?ml$/.test(path)) continue;
      const objects = options.objects?.get(path);
      if (objects) for (const object of objects) findings.push(...schema.validateObject(object, { file: path }));
      else findings.push(...schema.validateYamlFile(path, content));
    } else if (path.startsWith('gitops/azure/')) {
      bicep.set(path, content);
    }
  }
  findings.push(...checkKustomizationIndexes(flux));
  if (bicep.size > 0) findings.push(...(await validateBicepFiles(bicep, { untypedResourceTypes: UNTYPED_AZURE_RESOURCE_TYPES })));
  return findings;
}
