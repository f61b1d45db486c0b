export { renderCluster, renderClusterStreaming, slaReportFile, TEAMS_PER_BATCH, type RenderedObjectsSink } from './render-cluster.js';
export { layoutFluxTree, FluxTreeLayout } from './flux-tree.js';
export { RenderedFiles, IN_MEMORY_TEXT_BYTES } from './rendered-files.js';
export { renderCodeowners, CODEOWNERS_PATH, teamFluxDir } from './codeowners.js';
export { renderAndValidate, loadServiceFleet, type RenderOutcome } from './pipeline.js';
export { toYamlDocuments } from './yaml.js';
export { generatedHeader, generatedMarker, GITOPS_DIR, fluxEntryDir, azureDir, azureTemplateDir, docsDir, manifestPath, outputRoots } from './layout.js';
export { planWrite, planIsEmpty, workingTreeReader, type WritePlan, type FileChange, type TreeReader, type PlanOptions } from './writer/plan.js';
export { applyPlan, recoverPendingWrites, pendingTransactions, SimulatedCrash, TXN_DIR, type ApplyOptions } from './writer/transaction.js';
export { WriteFailedError, WriteRefusedError } from './writer/errors.js';
export { ownedPathProblem, symlinkProblem } from './writer/owned-paths.js';
export { withRepoLock, acquireRepoLock, readRepoLock, LockTimeoutError, LOCK_FILE, type LockHolder, type LockOptions } from './writer/lock.js';
export { writeCluster, type WriteClusterOptions, type WriteResult } from './writer/write-cluster.js';
export { describePlan } from './writer/describe.js';
export { buildManifest, readManifest, parseManifest, serializeManifest, sha256, type Manifest } from './writer/manifest.js';
export {
  diffClusterOutputs,
  diffCluster,
  readBicepParameters,
  formatDiffMarkdown,
  summaryLine,
  diffJson,
  slaFigures,
  GITHUB_COMMENT_LIMIT,
  DIFF_JSON_VERSION,
  type MarkdownOptions,
  type ParamValue,
  type ParameterSides,
  type BicepParameterReading,
  type ClusterDiff,
  type DiffContext,
  type Change,
  type Fact,
  type FieldChange,
  type ObjectRef,
  type ObjectSummary,
  type ObjectChange,
  type ObjectsDiff,
  type ParameterChange,
  type NodePoolChange,
  type NodePoolFigures,
  type FileDelta,
  type BicepDiff,
  type SlaDiff,
  type SlaFigures,
  type SlaPathFigures,
  type SlaPathChange,
} from './diff/index.js';
