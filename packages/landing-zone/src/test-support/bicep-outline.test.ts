import { describe, expect, it } from 'vitest';
import { deploy } from './bicep-eval.js';
import { outline } from './bicep-outline.js';

const MAIN = `
@description('Required. Pools.')
param pools array
param enabled bool = true

var zones = [
  '1'
  '2'
]

resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = if (enabled) {
  name: 'vnet'
  properties: {
    subnets: [for (p, i) in pools: {
      name: '\${p}-\${i}'
      zones: zones
    }]
  }
}

module m 'modules/m.bicep' = {
  name: 'm'
  params: {
    id: vnet.id
  }
}

output first string = pools[0]
`;
const MODULE = `
@description('Required. An ID.')
param id string
resource x 'Microsoft.Network/routeTables@2025-09-01' = {
  name: last(split(id, '/'))
  properties: {
    disableBgpRoutePropagation: empty(id) ? true : false
  }
}
`;
const files = (params: string, module = MODULE) => new Map([['main.bicep', MAIN], ['main.bicepparam', params], ['modules/m.bicep', module]]);

describe('bicep-outline', () => {
  it('GIVEN declarations WHEN read THEN params, vars, resources (with condition and loop) and modules are listed', () => {
    const o = outline(MAIN);
    expect(o.params.map((p) => [p.name, p.type, p.defaultValue])).toEqual([['pools', 'array', undefined], ['enabled', 'bool', true]]);
    expect(o.vars.get('zones')).toEqual(['1', '2']);
    expect(o.resources[0]).toMatchObject({ symbol: 'vnet', type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', condition: 'enabled' });
    expect(o.modules[0]).toMatchObject({ symbol: 'm', path: 'modules/m.bicep' });
  });

  it('GIVEN malformed Bicep WHEN read THEN it fails with the line', () => {
    expect(() => outline("param x string\nresource r 'T@1' = {\n  name: 'x'\n")).toThrow(/line 4/);
    expect(() => outline('bogus x = 1\n')).toThrow(/unexpected 'bogus' at line 1/);
  });
});

describe('deploy (the evaluator behind the resource assertions)', () => {
  it('GIVEN params WHEN deployed THEN loops expand, interpolations and module parameters resolve', () => {
    const d = deploy(files("using './main.bicep'\nparam pools = [\n  'a'\n  'b'\n]\n"));
    const vnet = d.resources.find((r) => r.symbol === 'vnet')!;
    expect(vnet.body.properties).toEqual({ subnets: [{ name: 'a-0', zones: ['1', '2'] }, { name: 'b-1', zones: ['1', '2'] }] });
    expect(d.modules[0]!.params).toEqual({ id: { $ref: 'vnet.id' } });
    expect(d.resources.find((r) => r.symbol === 'x')!.body.properties).toEqual({ disableBgpRoutePropagation: false });
    expect(d.outputs.get('first')).toBe('a');
  });

  it('GIVEN a false condition WHEN deployed THEN the resource is not created', () => {
    const d = deploy(files("using './main.bicep'\nparam pools = []\nparam enabled = false\n"));
    expect(d.resources.map((r) => r.symbol)).toEqual(['x']);
  });

  it('GIVEN a missing required parameter WHEN deployed THEN it fails, naming it', () => {
    expect(() => deploy(files("using './main.bicep'\n"))).toThrow(/main.bicep: no value for required parameter 'pools'/);
  });

  it('GIVEN a module called with a parameter it does not declare WHEN deployed THEN it fails, naming it', () => {
    const module = MODULE.replace("@description('Required. An ID.')\nparam id string", "@description('Required. An ID.')\nparam identifier string");
    expect(() => deploy(files("using './main.bicep'\nparam pools = []\n", module))).toThrow(/modules\/m.bicep: (unknown parameter 'id'|no value for required parameter 'identifier')/);
  });
});
