export {
  compileBicep,
  bicepRequired,
  bicepNotCompiledNotice,
  BICEP_COMPILER_RULE,
  type BicepCompilation,
  type CompileBicepOptions,
  type PredictedDeployment,
  type PredictedResource,
} from './compile-bicep.js';
