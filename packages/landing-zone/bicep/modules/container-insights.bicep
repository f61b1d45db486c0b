metadata description = 'Container Insights with managed identity authentication: the data collection rule that sends the monitoring add-on\'s data to the workspace, associated with the cluster.'

@description('Required. Name of the cluster.')
param clusterName string

@description('Required. Resource ID of the Log Analytics workspace.')
param workspaceResourceId string

@description('Required. Location of the data collection rule (the cluster\'s region).')
param location string

@description('Required. Tags of the data collection rule.')
param tags object

resource managedCluster 'Microsoft.ContainerService/managedClusters@2026-05-01' existing = {
  name: clusterName
}

// With useAADAuth the add-on sends nothing until a data collection rule is associated with the
// cluster; the portal and the CLI create this pair implicitly, a template has to declare it.
resource dataCollectionRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: 'MSCI-${location}-${clusterName}'
  location: location
  tags: tags
  kind: 'Linux'
  properties: {
    dataSources: {
      extensions: [
        {
          name: 'ContainerInsightsExtension'
          extensionName: 'ContainerInsights'
          streams: [
            'Microsoft-ContainerInsights-Group-Default'
          ]
          extensionSettings: {
            dataCollectionSettings: {
              interval: '1m'
              namespaceFilteringMode: 'Off'
              enableContainerLogV2: true
            }
          }
        }
      ]
    }
    destinations: {
      logAnalytics: [
        {
          name: 'ciworkspace'
          workspaceResourceId: workspaceResourceId
        }
      ]
    }
    dataFlows: [
      {
        streams: [
          'Microsoft-ContainerInsights-Group-Default'
        ]
        destinations: [
          'ciworkspace'
        ]
      }
    ]
  }
}

resource dataCollectionRuleAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = {
  name: 'ContainerInsightsExtension'
  scope: managedCluster
  properties: {
    description: 'Sends Container Insights data of this cluster to its Log Analytics workspace. Deleting it stops the collection.'
    dataCollectionRuleId: dataCollectionRule.id
  }
}

@description('The resource ID of the data collection rule.')
output dataCollectionRuleResourceId string = dataCollectionRule.id
