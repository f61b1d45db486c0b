import { describe, expect, it } from 'vitest';
import { BicepTree, propertyAt } from './bicep-tree.js';
import { exampleTree } from './test-support.js';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('BicepTree.resolve', () => {
  it('GIVEN a module property written as a param THEN it follows main.bicep to the .bicepparam value', async () => {
    const tree = await BicepTree.load(exampleTree().bicep);
    const [registry] = tree.ofType('Microsoft.ContainerRegistry/registries');
    expect(registry!.symbol).toBe('registry');
    expect(tree.resolve(registry!.file, propertyAt(registry!.body, ['properties', 'publicNetworkAccess']))).toEqual({ known: true, value: 'Disabled' });
  });

  it('GIVEN a param with a default that no caller sets THEN the default is the value', async () => {
    const tree = await BicepTree.load(
      files({
        'a/main.bicep': "module m 'mod.bicep' = {\n  name: 'm'\n  params: {}\n}\n",
        'a/mod.bicep': "param open bool = false\nresource r 'Microsoft.ContainerRegistry/registries@2025-11-01' = {\n  name: 'r'\n  properties: {\n    adminUserEnabled: open\n  }\n}\n",
      }),
    );
    const [r] = tree.ofType('Microsoft.ContainerRegistry/registries');
    expect(tree.resolve(r!.file, propertyAt(r!.body, ['properties', 'adminUserEnabled']))).toEqual({ known: true, value: false });
  });

  it('GIVEN two callers passing different values THEN the value is unknown, not guessed', async () => {
    const tree = await BicepTree.load(
      files({
        'b/main.bicep': "module one 'mod.bicep' = {\n  name: 'one'\n  params: { open: true }\n}\nmodule two 'mod.bicep' = {\n  name: 'two'\n  params: { open: false }\n}\n",
        'b/mod.bicep': "param open bool\nresource r 'Microsoft.ContainerRegistry/registries@2025-11-01' = {\n  name: 'r'\n  properties: {\n    adminUserEnabled: open\n  }\n}\n",
      }),
    );
    const [r] = tree.ofType('Microsoft.ContainerRegistry/registries');
    expect(tree.resolve(r!.file, propertyAt(r!.body, ['properties', 'adminUserEnabled']))).toEqual({ known: false, expression: 'open' });
  });

  it('GIVEN a function call or a whole object behind an expression THEN it is unknown', async () => {
    const tree = await BicepTree.load(
      files({
        'c/main.bicep': "var props = { adminUserEnabled: false }\nresource r 'Microsoft.ContainerRegistry/registries@2025-11-01' = {\n  name: 'r'\n  properties: props\n}\n",
      }),
    );
    const [r] = tree.ofType('Microsoft.ContainerRegistry/registries');
    expect(tree.resolve(r!.file, propertyAt(r!.body, ['properties', 'adminUserEnabled']))).toEqual({ known: false, expression: 'props' });
    expect(propertyAt(r!.body, ['properties', 'missing', 'deeper'])).toEqual({ $expr: 'props' });
    expect(propertyAt({ properties: {} }, ['properties', 'missing'])).toBeUndefined();
  });
});
