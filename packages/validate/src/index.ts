export type { Finding } from './findings.js';
export { validateRendered, UNTYPED_AZURE_RESOURCE_TYPES, type ValidateOptions } from './validate-rendered.js';
export * from './k8s/index.js';
export * from './kustomize/index.js';
export * from './bicep/index.js';
