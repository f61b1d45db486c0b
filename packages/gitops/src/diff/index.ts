export { diffClusterOutputs, diffCluster } from './diff-cluster.js';
export { formatDiffMarkdown, summaryLine, GITHUB_COMMENT_LIMIT, type MarkdownOptions } from './format-markdown.js';
export { diffJson, DIFF_JSON_VERSION } from './format-json.js';
export { slaFigures } from './sla-diff.js';
export { readBicepParameters, type ParamValue, type ParameterSides, type BicepParameterReading } from './bicep-params.js';
export type {
  BicepDiff,
  Change,
  ChangeImpact,
  ClusterDiff,
  DeclaredPolicyException,
  DiffContext,
  DiffFinding,
  Fact,
  FieldChange,
  FileDelta,
  ImpactNote,
  NodePoolChange,
  NodePoolFigures,
  ObjectChange,
  ObjectRef,
  ObjectSummary,
  ObjectsDiff,
  ParameterChange,
  SlaDiff,
  SlaFigures,
  SlaPathChange,
  SlaPathFigures,
  WaivedFinding,
} from './types.js';
export { AKS_CHANGE_IMPACT, aksPropertyOf, changeImpactOf } from './azure-change-impact.js';
export { removedTeamFindings } from './removed-teams.js';
