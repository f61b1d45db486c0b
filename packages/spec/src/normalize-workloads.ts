import type { StorageSettings, TeamSecret, Workload } from './model.js';
import type { TeamSecretInput, WorkloadInput } from './schema/team.js';

/** CronJob defaults: no overlapping runs, Kubernetes' own history limits, a run stopped after an hour, two retries. */
export const CRON_JOB_DEFAULTS = {
  concurrencyPolicy: 'Forbid',
  successfulJobsHistoryLimit: 3,
  failedJobsHistoryLimit: 1,
  activeDeadlineSeconds: 3600,
  backoffLimit: 2,
} as const;

/** The kind of a workload and the settings of that kind, defaults applied (storage classes resolved). */
export function normalizeWorkloadKind(w: WorkloadInput, storage: StorageSettings): Pick<Workload, 'kind' | 'stateful' | 'cronJob'> {
  const kind = w.kind ?? 'Deployment';
  if (kind === 'StatefulSet') {
    return {
      kind,
      stateful: {
        volumeClaims: (w.volumeClaims ?? []).map((c) => ({
          name: c.name,
          size: c.size,
          mountPath: c.mountPath,
          storageClass: c.storageClass ?? storage.defaultClass,
        })),
        // Retain by default: deleting or scaling down the StatefulSet must not delete data.
        retention: {
          whenDeleted: w.persistentVolumeClaimRetention?.whenDeleted ?? 'Retain',
          whenScaled: w.persistentVolumeClaimRetention?.whenScaled ?? 'Retain',
        },
        autoscaled: w.autoscaling !== undefined,
      },
    };
  }
  if (kind === 'CronJob' && w.cronJob) {
    const c = w.cronJob;
    return {
      kind,
      cronJob: {
        schedule: c.schedule.trim(),
        ...(c.timeZone !== undefined ? { timeZone: c.timeZone } : {}),
        concurrencyPolicy: c.concurrencyPolicy ?? CRON_JOB_DEFAULTS.concurrencyPolicy,
        successfulJobsHistoryLimit: c.successfulJobsHistoryLimit ?? CRON_JOB_DEFAULTS.successfulJobsHistoryLimit,
        failedJobsHistoryLimit: c.failedJobsHistoryLimit ?? CRON_JOB_DEFAULTS.failedJobsHistoryLimit,
        activeDeadlineSeconds: c.activeDeadlineSeconds ?? CRON_JOB_DEFAULTS.activeDeadlineSeconds,
        backoffLimit: c.backoffLimit ?? CRON_JOB_DEFAULTS.backoffLimit,
      },
    };
  }
  return { kind };
}

export function normalizeSecrets(secrets: readonly TeamSecretInput[]): TeamSecret[] {
  return secrets.map((s) => ({
    name: s.name,
    objects: s.objects.map((o) => ({ name: o.name, type: o.type ?? 'secret', ...(o.alias !== undefined ? { alias: o.alias } : {}) })),
    ...(s.syncToSecret
      ? {
          syncToSecret: {
            name: s.syncToSecret.name,
            type: s.syncToSecret.type ?? 'Opaque',
            keys: s.syncToSecret.keys.map((k) => ({ key: k.key, object: k.object })),
          },
        }
      : {}),
  }));
}
