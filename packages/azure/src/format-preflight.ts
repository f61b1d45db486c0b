import type { PreflightReport } from './preflight-report.js';
import { textTable } from './text-table.js';

const MARK = { ok: 'ok', warning: 'WARN', error: 'FAIL' } as const;

/** One line per check, the fix under each problem, and a verdict. */
export function formatPreflight(report: PreflightReport): string {
  const rows = report.checks.map((c) => [MARK[c.status], c.subject, c.message]);
  const fixes = report.checks.filter((c) => c.status !== 'ok' && c.fix).map((c) => `  ${c.subject} (${c.check}): ${c.fix}`);
  const errors = report.checks.filter((c) => c.status === 'error').length;
  const warnings = report.checks.filter((c) => c.status === 'warning').length;
  const verdict = report.ok
    ? `Preflight passed for ${report.cluster} in ${report.location}${warnings ? ` with ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`
    : `Preflight failed for ${report.cluster} in ${report.location}: ${errors} problem${errors === 1 ? '' : 's'} to fix before deploying.`;
  return [textTable(['RESULT', 'SUBJECT', 'FINDING'], rows), ...(fixes.length ? ['', 'What to do:', ...fixes] : []), '', verdict].join('\n');
}

/** Stable JSON for pipelines. */
export function preflightJson(report: PreflightReport): string {
  const body = {
    cluster: report.cluster,
    subscriptionId: report.subscriptionId,
    location: report.location,
    ok: report.ok,
    checks: report.checks.map((c) => ({ subject: c.subject, check: c.check, status: c.status, message: c.message, ...(c.fix ? { fix: c.fix } : {}) })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
