export {
  computeSla,
  serviceFleet,
  type SlaModel,
  type PathResult,
  type ComponentUse,
  type ChangeResult,
  type ChangeEffect,
  type BlockJson,
  type Downtime,
  type PathId,
  type SlaFinding,
} from './model.js';
export { renderSlaReport } from './report.js';
export { slaJson, formatSlaSummary } from './output.js';
export { Dec, serial, parallel } from './decimal.js';
export { formatPercent, formatDuration, allowedDowntime, MONTH_SECONDS, YEAR_SECONDS, SIGNIFICANT_DIGITS } from './format.js';
export { allComponentFigures, type ComponentFigures, type Figure, type FigureSource, type FigureKind } from './figures.js';
