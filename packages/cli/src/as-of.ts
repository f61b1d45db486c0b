import { checkKubernetesLifecycle, formatIssue, parseAsOf, type SpecSource } from '@aks-hybrid/spec';
import { UsageError } from './repo.js';

/**
 * The day the AKS support calendar is read for: `--as-of YYYY-MM-DD` (to reproduce an old commit's
 * verdict), else today in UTC. The clock is read here, in the command, and passed down: renderers
 * and checks take the date as an input.
 */
export function resolveAsOf(value: string | undefined, now: () => Date = () => new Date()): string {
  if (value === undefined) return now().toISOString().slice(0, 10);
  const day = parseAsOf(value);
  if (!day) throw new UsageError(`--as-of needs a calendar date YYYY-MM-DD, e.g. --as-of 2026-12-06 (got "${value}")`);
  return day;
}

/**
 * The Kubernetes version's AKS support on `asOf`: logs warnings, and returns the refusal message
 * (file:line field: what, and what to do) when the version is past its end of support.
 */
export function kubernetesLifecycleGate(source: SpecSource, cluster: string, asOf: string, log: (line: string) => void): string | undefined {
  const { issues, warnings } = checkKubernetesLifecycle(source, cluster, asOf);
  for (const warning of warnings) log(`${cluster}: warning: ${formatIssue(warning)}`);
  if (issues.length === 0) return undefined;
  return `${cluster}: the Kubernetes version is out of AKS support as of ${asOf}; nothing was written:\n${issues.map((i) => `  - ${formatIssue(i)}`).join('\n')}`;
}
