import type { KubernetesVersion } from '@azure/arm-containerservice';
import type { ClusterSpec } from '@aks-hybrid/spec';
import type { PreflightCheck } from './preflight-report.js';

/** Is the spec's Kubernetes version (minor `1.33` or patch `1.33.2`) offered in the region? */
export function checkKubernetesVersion(spec: ClusterSpec, offered: readonly KubernetesVersion[]): PreflightCheck {
  const wanted = spec.cluster.kubernetesVersion;
  const minor = wanted.split('.').slice(0, 2).join('.');
  const where = spec.azure.location;
  const subject = 'kubernetes';
  const check = 'version offered';
  const field = `cluster.kubernetesVersion in ${spec.file}`;
  const entry = offered.find((v) => v.version === minor);

  if (!entry) {
    const list = offered.map((v) => `${v.version}${v.isDefault ? ' (default)' : ''}${v.isPreview ? ' (preview)' : ''}`).sort(compareVersionText);
    return {
      subject,
      check,
      status: 'error',
      message: `Kubernetes ${wanted} is not offered in ${where}`,
      fix: `set ${field} to an offered version: ${list.join(', ') || 'none listed'}`,
    };
  }
  const patches = Object.keys(entry.patchVersions ?? {}).sort(compareVersionText);
  if (minor !== wanted && !patches.includes(wanted)) {
    return {
      subject,
      check,
      status: 'error',
      message: `Kubernetes ${wanted} is not offered in ${where}`,
      fix: `set ${field} to ${minor} (latest patch) or an offered patch: ${patches.join(', ') || 'none listed'}`,
    };
  }
  const plans = entry.capabilities?.supportPlan ?? [];
  if (plans.length > 0 && !plans.includes('KubernetesOfficial') && spec.cluster.tier !== 'Premium') {
    return {
      subject,
      check,
      status: 'error',
      message: `Kubernetes ${wanted} is offered in ${where} only with Long-Term Support, which needs the Premium tier (spec: ${spec.cluster.tier})`,
      fix: `set cluster.tier: Premium in ${spec.file}, or choose a version in community support`,
    };
  }
  if (entry.isPreview) {
    return {
      subject,
      check,
      status: 'warning',
      message: `Kubernetes ${wanted} is in preview in ${where}; previews have no SLA`,
      fix: `use a generally available version for ${spec.environment}`,
    };
  }
  return { subject, check, status: 'ok', message: `Kubernetes ${wanted} is offered in ${where}${patches.length ? ` (patches ${patches.join(', ')})` : ''}` };
}

/** Orders `1.9` before `1.10`; suffixes such as ` (default)` ride along. */
export function compareVersionText(a: string, b: string): number {
  const pa = a.split(/[.\s]/).map((x) => Number.parseInt(x, 10));
  const pb = b.split(/[.\s]/).map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d && !Number.isNaN(d)) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
