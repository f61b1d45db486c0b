import type { DriftItem } from '../drift-report.js';

/** The drift rows a verify test expects, written out (`(not set)` for the side that has none). */
export const changed = (scope: string, field: string, specValue: string, liveValue: string): DriftItem => ({
  scope,
  field,
  kind: 'changed',
  spec: specValue,
  live: liveValue,
});
export const missing = (scope: string, field: string, specValue: string): DriftItem => ({ scope, field, kind: 'missing', spec: specValue, live: '(not set)' });
export const unexpected = (scope: string, field: string, liveValue: string): DriftItem => ({
  scope,
  field,
  kind: 'unexpected',
  spec: '(not set)',
  live: liveValue,
});
