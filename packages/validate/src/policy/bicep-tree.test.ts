import { describe, expect, it } from 'vitest';
import { BicepTree, propertyAt } from '@aks-hybrid/policy';
import { compiledDeployments, exampleTree } from '../testing/policy-gate.js';

describe('BicepTree over the compiled example cluster', () => {
  it('GIVEN weu-prod compiled by bicep snapshot THEN the registry carries the value of main.bicepparam, through the module', async () => {
    const tree = BicepTree.fromDeployments(await compiledDeployments(exampleTree().bicep));
    const [registry] = tree.ofType('Microsoft.ContainerRegistry/registries');
    expect(registry).toMatchObject({ file: 'gitops/azure/weu-prod/main.bicepparam', symbol: 'acrcontosoweuprod' });
    expect(tree.resolve(propertyAt(registry!.body, ['properties', 'publicNetworkAccess']))).toEqual({ known: true, value: 'Disabled' });
    expect(tree.ofType('microsoft.containerservice/managedclusters').map((r) => r.symbol)).toEqual(['aks-weu-prod']);
  });
});
