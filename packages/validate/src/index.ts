export type { Finding } from './findings.js';
export {
  validateRendered,
  validateRenderedReport,
  KUBERNETES_KINDS_WITHOUT_SCHEMA,
  type ValidateOptions,
  type ValidationReport,
} from './validate-rendered.js';
export * from './k8s/index.js';
export * from './kustomize/index.js';
export * from './bicep-compile/index.js';
export * from './policy/index.js';
