metadata description = 'Azure RBAC for the Entra groups: platform admins administer the whole cluster; team groups may fetch credentials, their namespace rights come from the GitOps RoleBindings.'

@description('Required. Name of the cluster.')
param clusterName string

@description('Required. Object IDs of the platform admin groups.')
param platformAdminGroupObjectIds string[]

@description('Required. Object IDs of the team groups (members and readers).')
param clusterUserGroupObjectIds string[]

// Azure Kubernetes Service RBAC Cluster Admin: every data action on every namespace.
var rbacClusterAdminRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b'
)
// Azure Kubernetes Service Cluster User Role: listClusterUserCredential only, so `az aks
// get-credentials` works; what the user may do inside comes from Kubernetes RoleBindings.
var clusterUserRoleId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  '4abbcc35-e782-43d8-92c5-2d3c1bd2253f'
)

resource managedCluster 'Microsoft.ContainerService/managedClusters@2026-05-01' existing = {
  name: clusterName
}

resource platformAdmins 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for groupObjectId in platformAdminGroupObjectIds: {
    name: guid(managedCluster.id, groupObjectId, rbacClusterAdminRoleId)
    scope: managedCluster
    properties: {
      roleDefinitionId: rbacClusterAdminRoleId
      principalId: groupObjectId
      principalType: 'Group'
      description: 'Platform admins: cluster-wide administration through Azure RBAC.'
    }
  }
]

resource clusterUsers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for groupObjectId in clusterUserGroupObjectIds: {
    name: guid(managedCluster.id, groupObjectId, clusterUserRoleId)
    scope: managedCluster
    properties: {
      roleDefinitionId: clusterUserRoleId
      principalId: groupObjectId
      principalType: 'Group'
      description: 'Team group: may fetch cluster credentials; namespace rights come from GitOps RoleBindings.'
    }
  }
]
