export { PINNED_BICEP_VERSION, BICEP_NUGET_PACKAGE, BICEP_TOOLS_PROJECT, BICEP_CACHE_DIR } from './version.js';
export { locateBicep, pinnedBicepPath, findRepositoryRoot, type BicepLocation, type LocateOptions } from './locate.js';
export { BicepNotFoundError, BicepRunError, HOW_TO_GET_BICEP } from './errors.js';
export { runBicep, requireBicep, DEFAULT_BICEP_TIMEOUT_MS, type RunBicepOptions, type BicepResult } from './run.js';
export { parseDiagnostics, formatDiagnostic, type BicepDiagnostic } from './diagnostics.js';
export { BicepSession, type BicepSessionOptions, type BuildParamsResult, type SnapshotResult, type SnapshotMetadata } from './session.js';
export { buildParams, snapshot, lint, sharedBicepSession, closeSharedBicepSession } from './commands.js';
