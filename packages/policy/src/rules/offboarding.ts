import type { DiffRule } from '../types.js';

/**
 * KIT-OFFBOARD-001: a pull request that removes a team whose namespace may hold data. `kit diff`
 * checks it (it needs the base ref); the rule is here so a platform exception can name it.
 * Team namespaces carry `kustomize.toolkit.fluxcd.io/prune: disabled`, so the merge itself deletes
 * nothing (https://fluxcd.io/flux/components/kustomize/kustomizations/#prune); the rule makes the
 * reviewer confirm the backup before the runbook's irreversible `kubectl delete namespace`.
 */
export const OFFBOARD_STATEFUL_TEAM: DiffRule = {
  id: 'KIT-OFFBOARD-001',
  engine: 'diff',
  title: 'A team with stateful workloads is removed only with a platform exception',
  severity: 'high',
  kinds: ['Namespace', 'PersistentVolumeClaim', 'StatefulSet', 'ResourceQuota'],
  hint: 'back up the namespace (Velero or AKS Backup, see the offboarding runbook), then add to platform.yaml spec.policyExceptions: { rule: KIT-OFFBOARD-001, object: Namespace/<team>, reason: <where the backup is> }',
  rationale:
    'Deleting a team namespace deletes its PersistentVolumeClaims and, with the default Delete reclaim policy, their disks. A pull request that removes such a team must say that its data is backed up or not needed.',
};

export const offboardingRules: readonly DiffRule[] = [OFFBOARD_STATEFUL_TEAM];
