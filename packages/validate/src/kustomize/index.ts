export { checkKustomizationIndexes, type KustomizeIndexFinding } from './index-check.js';
export { kustomizeBuild, type KustomizeBuildOptions, type KustomizeBuildResult } from './build.js';
export { resolveKustomizeBinary } from './binary.js';
