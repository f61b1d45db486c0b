import type { ClusterSpec } from '@aks-hybrid/spec';
import type { DriftReport } from './drift-report.js';
import { AzureCheckError, GroupLookupError } from './errors.js';
import { driftJson, formatDriftTable } from './format-drift.js';
import { formatPreflight, preflightJson } from './format-preflight.js';
import type { AzureOptions } from './options.js';
import { runPreflight } from './preflight.js';
import type { PreflightReport } from './preflight-report.js';
import { verifyCluster } from './verify.js';

export interface CommandOptions extends AzureOptions {
  /** Print JSON instead of the table. */
  readonly json?: boolean;
}

export interface CommandResult {
  readonly exitCode: number;
  /** What to print, without a trailing newline for text, with one for JSON. */
  readonly output: string;
}

/** 0 in sync / preflight passed, 1 drift / preflight problems, 2 the check could not run. */
export function exitCodeFor(result: DriftReport | PreflightReport | unknown): 0 | 1 | 2 {
  if (isDriftReport(result)) return result.inSync ? 0 : 1;
  if (isPreflightReport(result)) return result.ok ? 0 : 1;
  return 2;
}

/** `kit verify <cluster> [--json]`, with the CLI left to print and exit. */
export async function runVerifyCommand(spec: ClusterSpec, options: CommandOptions = {}): Promise<CommandResult> {
  const { json = false, ...azure } = options;
  try {
    const report = await verifyCluster(spec, azure);
    return { exitCode: exitCodeFor(report), output: json ? driftJson(report) : formatDriftTable(report) };
  } catch (error) {
    return { exitCode: 2, output: json ? errorJson(error) : formatError(error) };
  }
}

/** `kit preflight <cluster> [--json]`. */
export async function runPreflightCommand(spec: ClusterSpec, options: CommandOptions = {}): Promise<CommandResult> {
  const { json = false, ...azure } = options;
  try {
    const report = await runPreflight(spec, azure);
    return { exitCode: exitCodeFor(report), output: json ? preflightJson(report) : formatPreflight(report) };
  } catch (error) {
    return { exitCode: 2, output: json ? errorJson(error) : formatError(error) };
  }
}

/** `error: <what happened>` and `fix: <what to do>`. */
export function formatError(error: unknown): string {
  if (error instanceof AzureCheckError || error instanceof GroupLookupError) return `error: ${error.message}\nfix: ${error.fix}`;
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}

export function errorJson(error: unknown): string {
  const body =
    error instanceof AzureCheckError
      ? {
          error: {
            kind: error.kind,
            message: error.message,
            fix: error.fix,
            ...(error.status ? { status: error.status } : {}),
            ...(error.code ? { code: error.code } : {}),
          },
        }
      : error instanceof GroupLookupError
        ? { error: { kind: `group-${error.reason}`, message: error.message, fix: error.fix, candidates: error.candidates } }
        : { error: { kind: 'internal', message: error instanceof Error ? error.message : String(error) } };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function isDriftReport(value: unknown): value is DriftReport {
  return typeof value === 'object' && value !== null && typeof (value as DriftReport).inSync === 'boolean' && Array.isArray((value as DriftReport).drift);
}

function isPreflightReport(value: unknown): value is PreflightReport {
  return typeof value === 'object' && value !== null && typeof (value as PreflightReport).ok === 'boolean' && Array.isArray((value as PreflightReport).checks);
}
