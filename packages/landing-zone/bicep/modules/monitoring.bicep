metadata description = 'Log Analytics workspace that Container Insights writes to.'

@description('Required. Name of the Log Analytics workspace.')
param name string

@description('Required. Location of the workspace.')
param location string

@description('Required. Tags of the workspace.')
param tags object

@description('Optional. Days of retention of the interactive tier.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Container Insights authenticates with the cluster's managed identity (useAADAuth), so the
      // shared workspace keys are not needed by anything.
      disableLocalAuth: true
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

@description('The resource ID of the workspace.')
output resourceId string = workspace.id

@description('The name of the workspace.')
output name string = workspace.name
