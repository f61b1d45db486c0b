export { diffClusterOutputs } from './diff-cluster.js';
export { formatDiffMarkdown, summaryLine, GITHUB_COMMENT_LIMIT, type MarkdownOptions } from './format-markdown.js';
export { diffJson, DIFF_JSON_VERSION } from './format-json.js';
export { slaFigures } from './sla-diff.js';
export { parseBicepParams, type ParamValue } from './bicep-params.js';
export type * from './types.js';
