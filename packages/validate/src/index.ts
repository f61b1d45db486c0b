export {
  validateRendered,
  validateRenderedReport,
  ValidationSession,
  KUBERNETES_KINDS_WITHOUT_SCHEMA,
  type ValidateOptions,
  type ValidationReport,
} from './validate-rendered.js';
// Named exports only (tools/named-exports.test.ts). The schema-version choice and object labels stay internal.
export {
  createSchemaValidator,
  parseYamlDocuments,
  type CompileStat,
  type ParsedYaml,
  type ResourceScope,
  type SchemaFinding,
  type SchemaValidator,
  type SchemaValidatorOptions,
  type YamlDocument,
  type YamlSyntaxError,
} from './k8s/index.js';
export {
  checkKustomizationIndexes,
  kustomizeBuild,
  resolveKustomizeBinary,
  type KustomizeBuildOptions,
  type KustomizeBuildResult,
  type KustomizeIndexFinding,
} from './kustomize/index.js';
export {
  compileBicep,
  bicepRequired,
  bicepNotCompiledNotice,
  BICEP_COMPILER_RULE,
  type BicepCompilation,
  type CompileBicepOptions,
  type PredictedDeployment,
  type PredictedResource,
} from './bicep-compile/index.js';
export {
  evaluatePolicies,
  PolicyGate,
  CompiledAdmissionPolicy,
  compileAdmissionPolicies,
  CI_USER_INFO,
  type PolicyInput,
  type PolicyReport,
  type PolicyVerdict,
} from './policy/index.js';
