import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import type { CheckContext } from './context.js';
import { cronScheduleProblem, timeZoneProblem } from './workload-schedule.js';

/** Paths the kit mounts itself: /tmp (emptyDir) and the Key Vault mounts under /mnt/secrets. */
const RESERVED_MOUNTS = ['/tmp', '/mnt/secrets'];

/**
 * Fields that belong to one workload kind: a Deployment and a StatefulSet need a port and a replica
 * range, a CronJob a schedule; volume claims are for StatefulSets; a StatefulSet without an HPA runs
 * a fixed count (replicas.min = replicas.max), since nothing would move it between the two.
 */
export function checkWorkloadKinds(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const { parsed, team } of ctx.teams) {
    (team.spec.workloads ?? []).forEach((w, i) => {
      const at = (...path: Array<string | number>) => ['spec', 'workloads', i, ...path];
      const kind = w.kind ?? 'Deployment';
      const refuse = (field: string, what: string) =>
        issues.push(
          issueAt(parsed, at(field), `${field} is for ${what} only; "${w.name}" is a ${kind}`, `remove ${field}, or set kind: ${what.split(' ')[0]}`),
        );
      if (kind !== 'CronJob') {
        if (w.port === undefined)
          issues.push(issueAt(parsed, at(), `${kind} "${w.name}" has no port`, 'set port (the container port the Service sends traffic to, >= 1024)'));
        if (w.replicas === undefined) issues.push(issueAt(parsed, at(), `${kind} "${w.name}" has no replicas`, 'set replicas: { min, max }'));
        if (w.cronJob) refuse('cronJob', 'CronJob workloads');
      } else {
        if (!w.cronJob) issues.push(issueAt(parsed, at(), `CronJob "${w.name}" has no cronJob settings`, "set cronJob.schedule, e.g. '0 2 * * *'"));
        for (const field of ['port', 'replicas', 'autoscaling'] as const) {
          if (w[field] !== undefined)
            issues.push(issueAt(parsed, at(field), `a CronJob has no ${field}: its pods run to completion, one per run`, `remove ${field}`));
        }
        if (w.ingress === true) issues.push(issueAt(parsed, at('ingress'), 'a CronJob gets no Service, so the ingress cannot reach it', 'remove ingress'));
      }
      if (kind !== 'StatefulSet') {
        if (w.volumeClaims) refuse('volumeClaims', 'StatefulSet workloads');
        if (w.persistentVolumeClaimRetention) refuse('persistentVolumeClaimRetention', 'StatefulSet workloads');
      } else {
        if (!w.volumeClaims)
          issues.push(
            issueAt(
              parsed,
              at(),
              `StatefulSet "${w.name}" has no volumeClaims`,
              'add volumeClaims (name, size, mountPath), or use kind: Deployment for a stateless workload',
            ),
          );
        if (w.replicas && !w.autoscaling && w.replicas.min !== w.replicas.max) {
          issues.push(
            issueAt(
              parsed,
              at('replicas'),
              `StatefulSet "${w.name}" has no autoscaling, so it runs a fixed number of replicas, but min ${w.replicas.min} differs from max ${w.replicas.max}`,
              `set min and max to the same count, or add autoscaling (an HPA then scales it between them)`,
            ),
          );
        }
      }
      const names = new Set<string>();
      const paths = new Set<string>();
      (w.volumeClaims ?? []).forEach((claim, c) => {
        if (names.has(claim.name))
          issues.push(issueAt(parsed, at('volumeClaims', c, 'name'), `claim "${claim.name}" is defined twice`, 'give each claim its own name'));
        names.add(claim.name);
        const mount = claim.mountPath.replace(/\/+$/, '') || '/';
        const clash = RESERVED_MOUNTS.find((r) => mount === r || mount.startsWith(`${r}/`) || r.startsWith(`${mount}/`) || mount === '/');
        if (clash)
          issues.push(
            issueAt(
              parsed,
              at('volumeClaims', c, 'mountPath'),
              `${claim.mountPath} overlaps ${clash}, which the kit mounts itself`,
              'mount the disk elsewhere, e.g. /var/lib/<app>',
            ),
          );
        if (paths.has(mount))
          issues.push(issueAt(parsed, at('volumeClaims', c, 'mountPath'), `two claims mount at ${claim.mountPath}`, 'give each claim its own mountPath'));
        paths.add(mount);
      });
      if (w.cronJob) {
        const schedule = cronScheduleProblem(w.cronJob.schedule);
        if (schedule)
          issues.push(
            issueAt(
              parsed,
              at('cronJob', 'schedule'),
              `schedule ${schedule}`,
              "write five fields, e.g. '30 2 * * *' (02:30 every day), or a macro such as @daily (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax)",
            ),
          );
        if (w.cronJob.timeZone !== undefined) {
          const zone = timeZoneProblem(w.cronJob.timeZone);
          if (zone) issues.push(issueAt(parsed, at('cronJob', 'timeZone'), `time zone ${zone}`, 'use an IANA name such as Europe/Amsterdam or Etc/UTC'));
        }
      }
    });
  }
  return issues;
}
