import type { ClusterSpec, Team } from '@aks-hybrid/spec';

/** Where `--runbook` writes it: hand-written docs, outside docs/<cluster>/ (which holds rendered output that `kit diff` and the writer own). */
export const runbookPath = (cluster: string, team: string) => `docs/offboarding/${cluster}-${team}.md`;

/**
 * The irreversible steps of offboarding, which no pull request does: Flux leaves the namespace in
 * place (it carries `kustomize.toolkit.fluxcd.io/prune: disabled`), and an incremental deployment
 * leaves role assignments that the template no longer declares. Filled in from the spec so every
 * command is ready to run. Pure: same spec, same text.
 */
export function offboardingRunbook(spec: ClusterSpec, team: Team): string {
  const ns = team.name;
  const scope = `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${spec.names.cluster}`;
  const groups = [team.groupObjectId, ...(team.readOnlyGroupObjectId ? [team.readOnlyGroupObjectId] : [])];
  return `# Offboarding team \`${ns}\` from \`${spec.name}\`

The pull request that removes \`${team.file}\` deletes the team's rendered files. After the merge Flux
removes the team's RBAC, network policies and workloads, but **not its namespace**: team namespaces
carry \`kustomize.toolkit.fluxcd.io/prune: disabled\`
(https://fluxcd.io/flux/components/kustomize/kustomizations/#prune), so the PersistentVolumeClaims in
\`${ns}\` and their disks survive the merge. Take the backup (step 1) before the merge, so that the
exception of step 0 can say where it is; steps 2 to 4 are irreversible: do them in order, after the
merge, and keep this page with the pull request.

Quota of the team at removal: ${team.quota.persistentVolumeClaims} PersistentVolumeClaims, ${team.quota.storage} of storage.
Contact: ${team.contact ?? '(none in the spec)'}.

## 0. Before the merge

\`kit diff\` flags the removal (KIT-OFFBOARD-001, docs/policies.md) when the team may hold data. Once
step 1 is done (or the data is not needed), record it in \`apps/${spec.name}/platform.yaml\`:

\`\`\`yaml
spec:
  policyExceptions:
    - rule: KIT-OFFBOARD-001
      object: Namespace/${ns}
      reason: <where the backup is, and the ticket>
\`\`\`

## 1. Back up the namespace

\`\`\`sh
az aks get-credentials --resource-group ${spec.azure.resourceGroup} --name ${spec.names.cluster}
kubectl get pvc,statefulsets --namespace ${ns}
# Velero (https://velero.io/docs/main/backup-reference/):
velero backup create offboard-${ns} --include-namespaces ${ns} --snapshot-volumes --wait
# or AKS Backup (https://learn.microsoft.com/en-us/azure/backup/azure-kubernetes-service-cluster-backup):
# an on-demand backup of a backup instance that includes the namespace ${ns}.
\`\`\`

Keep a disk you may need after the namespace is gone: a PersistentVolume with the reclaim policy
\`Delete\` (the default of dynamically provisioned volumes) is deleted with its claim
(https://kubernetes.io/docs/tasks/administer-cluster/change-pv-reclaim-policy/):

\`\`\`sh
kubectl get pv -o custom-columns=PV:.metadata.name,CLAIM:.spec.claimRef.namespace,POLICY:.spec.persistentVolumeReclaimPolicy | grep ' ${ns} '
kubectl patch pv <pv-name> --patch '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'
\`\`\`

## 2. Delete the namespace

\`\`\`sh
kubectl delete namespace ${ns}
\`\`\`

## 3. Remove the team's role assignments

Redeploying the landing zone without the team's group does not delete its role assignment: an
incremental deployment leaves resources the template no longer declares
(https://learn.microsoft.com/en-us/azure/azure-resource-manager/templates/deployment-modes).

\`\`\`sh
${groups.map((g) => `az role assignment list --all --assignee ${g} --output table\naz role assignment delete --assignee ${g} --scope ${scope}`).join('\n')}
\`\`\`

## 4. Remove the team's identities

Managed identities and federated credentials the team's workloads used (created outside the kit) go
with the team:

\`\`\`sh
az identity list --resource-group ${spec.azure.resourceGroup} --query "[?tags.team=='${ns}']" --output table
az identity federated-credential list --identity-name <identity> --resource-group ${spec.azure.resourceGroup} --output table
az identity delete --name <identity> --resource-group ${spec.azure.resourceGroup}
\`\`\`

## 5. Close

Remove the KIT-OFFBOARD-001 exception of step 0 in a later pull request (once the
namespace is gone; nothing else needs it), and tell ${team.contact ?? 'the team'} that the offboarding is done.
`;
}
