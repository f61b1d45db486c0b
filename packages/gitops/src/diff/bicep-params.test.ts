import { describe, expect, it } from 'vitest';
import { diffParameters } from './bicep-diff.js';
import { readBicepParameters, type ParamValue } from './bicep-params.js';
import { CLUSTER, exampleSide, PLATFORM, userPoolIndex } from '../testing/diff-sides.js';

const PARAMS = `gitops/azure/${CLUSTER}/main.bicepparam`;
const values = (entries: Record<string, ParamValue>) => new Map(Object.entries(entries));

describe('readBicepParameters: the compiler reads both sides (bicep build-params)', () => {
  it("GIVEN a spec edit THEN both sides of main.bicepparam compile against their own shared template, and the values are the compiler's", async () => {
    const base = exampleSide().files;
    const head = exampleSide({ [PLATFORM]: [[['spec', 'cluster', 'userPools', userPoolIndex('memory'), 'maxCount'], 20]] }).files;
    const reading = await readBicepParameters(base, head);
    expect(reading.notes).toEqual([]);
    expect([...reading.files.keys()]).toEqual([PARAMS]);
    const { before, after } = reading.files.get(PARAMS)!;
    const memory = (side: ReadonlyMap<string, ParamValue>) =>
      (side.get('agentPools') as Array<{ name: string; maxCount: number }>).find((p) => p.name === 'memory');
    expect(memory(before!)?.maxCount).toBe(12);
    expect(memory(after!)?.maxCount).toBe(20);
    // A secret stays a Key Vault reference: its value is never read.
    expect(after!.get('vpnSharedKey')).toEqual({
      reference: { keyVault: { id: expect.stringContaining('/providers/Microsoft.KeyVault/vaults/') }, secretName: expect.any(String) },
    });
  });

  it('GIVEN nothing changed in the parameter files THEN nothing is compiled', async () => {
    const side = exampleSide().files;
    expect(await readBicepParameters(side, side)).toEqual({ files: new Map(), notes: [] });
  });

  it('GIVEN a base ref with the old per-cluster layout THEN the diff says so and still reads it against that template', async () => {
    const head = exampleSide().files;
    // The old layout: the cluster folder held its own main.bicep, `using './main.bicep'`.
    const oldTemplate = 'param skuTier string\noutput tier string = skuTier\n';
    const base = new Map([
      [`gitops/azure/${CLUSTER}/main.bicep`, oldTemplate],
      [PARAMS, "using './main.bicep'\nparam skuTier = 'Free'\n"],
    ]);
    const reading = await readBicepParameters(base, head);
    expect(reading.notes.join('\n')).toContain('The base ref has the per-cluster template layout');
    expect(reading.files.get(PARAMS)!.before).toEqual(values({ skuTier: 'Free' }));
    expect(reading.files.get(PARAMS)!.after!.get('skuTier')).toBe('Standard');
  });

  it('GIVEN a side whose parameters do not compile (e.g. its template is missing) THEN the diff says which and why, rather than crash', async () => {
    const head = exampleSide().files;
    const base = new Map([[PARAMS, "using '../landing-zone/main.bicep'\nparam skuTier = 'Free'\n"]]);
    const reading = await readBicepParameters(base, head);
    expect(reading.files.get(PARAMS)!.before).toBeUndefined();
    expect(reading.notes.join('\n')).toMatch(new RegExp(`${PARAMS} at the base ref does not compile \\(.*BCP\\d+`));
  });
});

describe('diffParameters', () => {
  it('GIVEN parameters added, removed and changed THEN each is reported with its kind', () => {
    const { parameters } = diffParameters(values({ a: 1, b: 'x' }), values({ a: 2, c: true }));
    expect(parameters).toEqual([
      { name: 'a', kind: 'changed', changes: [{ what: 'a', before: '1', after: '2' }] },
      { name: 'b', kind: 'removed', changes: [{ what: 'b', before: 'x' }] },
      { name: 'c', kind: 'added', changes: [{ what: 'c', after: 'true' }] },
    ]);
  });

  it('GIVEN a list of CIDRs with one added THEN the change lists the member, not the whole list', () => {
    const { parameters } = diffParameters(values({ r: ['10.0.0.0/16'] }), values({ r: ['10.0.0.0/16', '10.20.0.0/16'] }));
    expect(parameters[0]?.changes).toEqual([{ what: 'r', added: ['10.20.0.0/16'], removed: [] }]);
  });

  it('GIVEN a node pool added and one removed THEN the pool table has both, with their figures', () => {
    const pool = (name: string, vmSize: string) => ({ name, vmSize, count: 1, minCount: 1, maxCount: 3, availabilityZones: ['1', '2'] });
    const { nodePools } = diffParameters(values({ pools: [pool('a', 'S1')] }), values({ pools: [pool('b', 'S2')] }));
    expect(nodePools).toEqual([
      { parameter: 'pools', name: 'a', kind: 'removed', before: { vmSize: 'S1', minCount: '1', maxCount: '3', zones: '1,2' } },
      { parameter: 'pools', name: 'b', kind: 'added', after: { vmSize: 'S2', minCount: '1', maxCount: '3', zones: '1,2' } },
    ]);
  });
});
