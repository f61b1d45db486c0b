import type { SpecIssue } from '../errors.js';
import { issueAt } from '../load/yaml-file.js';
import { parseQuantity } from '../net/quantity.js';
import type { PlatformFile } from '../schema/platform.js';
import type { CheckContext } from './context.js';

/**
 * StorageClasses every AKS cluster has for Azure Disks: `managed-csi` (Standard SSD LRS, also the
 * `default` class) and `managed-csi-premium` (Premium SSD LRS), both `WaitForFirstConsumer`
 * (https://learn.microsoft.com/azure/aks/create-volume-azure-disk#built-in-storage-classes-for-dynamic-pvs-with-azure-disks,
 * https://learn.microsoft.com/azure/aks/concepts-storage#storage-classes). LRS disks are zonal: a
 * disk lives in the zone of the node its pod first ran on, and the pod can only run in that zone from
 * then on (https://learn.microsoft.com/azure/aks/azure-disk-csi). ZRS classes (skuName
 * StandardSSD_ZRS/Premium_ZRS) are not built in; a platform that creates them lists them here.
 */
export const BUILT_IN_STORAGE_CLASSES = ['managed-csi', 'managed-csi-premium'] as const;
export const DEFAULT_STORAGE_CLASS = 'managed-csi';

/** The storage classes a platform allows and its default, defaults applied. */
export function storageSettings(platform: PlatformFile): { classes: string[]; defaultClass: string } {
  const storage = platform.spec.storage;
  const classes = storage?.classes ?? [...BUILT_IN_STORAGE_CLASSES];
  return { classes, defaultClass: storage?.defaultClass ?? (classes.includes(DEFAULT_STORAGE_CLASS) ? DEFAULT_STORAGE_CLASS : classes[0]!) };
}

/**
 * Storage of StatefulSets: the default class is allowed, each claim names an allowed class, and the
 * claims fit the team quota at the most replicas the workload may run. A StatefulSet creates one
 * PVC per claim template and replica, and the ResourceQuota counts each PVC and its requested size
 * (`persistentvolumeclaims`, `requests.storage`:
 * https://kubernetes.io/docs/concepts/policy/resource-quotas/#storage-resource-quota); claims the
 * quota refuses leave replicas Pending, and retained claims of scaled-down replicas keep counting.
 */
export function checkStorage(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { classes, defaultClass } = storageSettings(ctx.platform);
  const storage = ctx.platform.spec.storage;
  if (storage?.defaultClass !== undefined && !classes.includes(storage.defaultClass)) {
    issues.push(
      issueAt(
        ctx.platformFile,
        ['spec', 'storage', 'defaultClass'],
        `default storage class "${storage.defaultClass}" is not in spec.storage.classes (${classes.join(', ')})`,
        'add it to spec.storage.classes or choose one of them',
      ),
    );
  }
  for (const { parsed, team } of ctx.teams) {
    let claims = 0;
    let bytes = 0;
    const contributors: string[] = [];
    (team.spec.workloads ?? []).forEach((w, i) => {
      if ((w.kind ?? 'Deployment') !== 'StatefulSet' || !w.volumeClaims) return;
      const replicas = w.replicas?.max ?? 1;
      w.volumeClaims.forEach((claim, c) => {
        if (claim.storageClass !== undefined && !classes.includes(claim.storageClass)) {
          issues.push(
            issueAt(
              parsed,
              ['spec', 'workloads', i, 'volumeClaims', c, 'storageClass'],
              `storage class "${claim.storageClass}" is not allowed on this cluster`,
              `use one of: ${classes.join(', ')} (platform spec.storage.classes), or omit it for ${defaultClass}`,
            ),
          );
        }
        claims += replicas;
        bytes += replicas * parseQuantity(claim.size);
      });
      contributors.push(
        `${w.name} (${w.volumeClaims.length} claim${w.volumeClaims.length === 1 ? '' : 's'} x ${replicas} replica${replicas === 1 ? '' : 's'})`,
      );
    });
    if (contributors.length === 0) continue;
    const quota = team.spec.quota;
    const pvcQuota = quota.persistentVolumeClaims ?? 10;
    if (claims > pvcQuota) {
      issues.push(
        issueAt(
          parsed,
          ['spec', 'quota', 'persistentVolumeClaims'],
          `the StatefulSets need ${claims} PersistentVolumeClaims at their most replicas (${contributors.join(', ')}), above the quota of ${pvcQuota}`,
          `raise quota.persistentVolumeClaims to ${claims} or more, or lower replicas.max or the claims`,
        ),
      );
    }
    const storageQuota = parseQuantity(quota.storage);
    if (bytes > storageQuota) {
      issues.push(
        issueAt(
          parsed,
          ['spec', 'quota', 'storage'],
          `the StatefulSets claim ${formatGi(bytes)} at their most replicas (${contributors.join(', ')}), above the quota of ${quota.storage}`,
          `raise quota.storage to ${formatGi(bytes)} or more, or lower the claim sizes or replicas.max`,
        ),
      );
    }
  }
  return issues;
}

const formatGi = (bytes: number) => `${Math.ceil(bytes / 2 ** 30)}Gi`;
