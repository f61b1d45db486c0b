import type { AgentPool, ManagedCluster } from '@azure/arm-containerservice';
import type { ClusterSpec } from '@aks-hybrid/spec';
import { callAzure, malformed, type CallContext } from './classify-error.js';
import type { ResolvedOptions } from './options.js';
import { containerServiceClient } from './pipeline.js';

/** The managed cluster and its agent pools, as the AKS SDK returns them. */
export interface LiveCluster {
  readonly cluster: ManagedCluster;
  readonly pools: readonly AgentPool[];
}

/** Role that verify needs, named in the 403 message. */
export function verifyPermission(spec: ClusterSpec): string {
  const scope = `/subscriptions/${spec.azure.subscriptionId}/resourceGroups/${spec.azure.resourceGroup}`;
  return (
    `grant the identity \`Reader\` on resource group ${spec.azure.resourceGroup} ` +
    '(it carries Microsoft.ContainerService/managedClusters/read and managedClusters/agentPools/read); ' +
    '`Azure Kubernetes Service Cluster User Role` is not enough, it only lists kubeconfig credentials. ' +
    `Example: \`az role assignment create --role Reader --assignee <principal-id> --scope ${scope}\``
  );
}

/** What a 404 means for this cluster, by ARM error code. */
export function clusterNotFound(spec: ClusterSpec) {
  return (code: string | undefined) => {
    const { subscriptionId, resourceGroup } = spec.azure;
    if (code === 'SubscriptionNotFound' || code === 'InvalidSubscriptionId') {
      return {
        message: `subscription ${subscriptionId} was not found, or the signed-in identity has no access to it`,
        fix: `check spec.azure.subscriptionId in ${spec.file}, and that \`az account list\` shows it for this identity`,
      };
    }
    if (code === 'ResourceGroupNotFound') {
      return {
        message: `resource group ${resourceGroup} does not exist in subscription ${subscriptionId}`,
        fix: `check spec.azure.resourceGroup and spec.azure.subscriptionId in ${spec.file}; if the landing zone was never deployed, deploy gitops/azure/${spec.name}/ first`,
      };
    }
    return {
      message: `managed cluster ${spec.names.cluster} does not exist in resource group ${resourceGroup} (subscription ${subscriptionId})`,
      fix: `deploy the landing zone (gitops/azure/${spec.name}/) or, if the cluster has another name, set names.cluster in ${spec.file}`,
    };
  };
}

export async function readLiveCluster(spec: ClusterSpec, options: ResolvedOptions): Promise<LiveCluster> {
  const client = containerServiceClient(spec.azure.subscriptionId, options);
  const { resourceGroup } = spec.azure;
  const name = spec.names.cluster;
  const context = (action: string): CallContext => ({
    action,
    service: 'Azure Resource Manager',
    endpoint: options.armEndpoint,
    permission: verifyPermission(spec),
    tenantId: spec.azure.tenantId,
    notFound: clusterNotFound(spec),
    timeoutMs: options.timeoutMs,
  });

  const clusterContext = context(`read managed cluster ${name} in resource group ${resourceGroup}`);
  const cluster = await callAzure(clusterContext, () => client.managedClusters.get(resourceGroup, name));
  if (typeof cluster?.kubernetesVersion !== 'string' || typeof cluster.networkProfile !== 'object') {
    throw malformed(clusterContext, 'the managed cluster has no properties.kubernetesVersion or properties.networkProfile');
  }

  const poolsContext = context(`list the agent pools of managed cluster ${name} in resource group ${resourceGroup}`);
  const pools = await callAzure(poolsContext, async () => {
    const list: AgentPool[] = [];
    for await (const pool of client.agentPools.list(resourceGroup, name)) list.push(pool);
    return list;
  });
  const unnamed = pools.find((p) => typeof p?.name !== 'string' || typeof p.vmSize !== 'string');
  if (unnamed) throw malformed(poolsContext, 'an agent pool has no name or properties.vmSize');
  return { cluster, pools };
}
