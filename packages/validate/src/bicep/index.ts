// Public surface of the offline Bicep checker.
export type { BicepFinding, BicepRule } from './findings.js';
export { validateBicepFiles, type BicepValidationOptions } from './validate.js';
export {
  listBicepModules,
  listBicepOutputs,
  listBicepParams,
  listBicepResources,
  toPlain,
  type BicepDecoratorInfo,
  type BicepExpr,
  type BicepModuleInfo,
  type BicepOutputInfo,
  type BicepParamInfo,
  type BicepResourceInfo,
} from './query.js';
