import { describe, expect, it } from 'vitest';
import type { DriftReport } from './drift-report.js';
import { driftJson, formatDriftTable } from './format-drift.js';

const report: DriftReport = {
  cluster: 'weu-prod',
  subscriptionId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  resourceGroup: 'rg-aks-weu-prod',
  clusterName: 'aks-weu-prod',
  inSync: false,
  checked: 70,
  drift: [
    { scope: 'cluster', field: 'sku.tier', kind: 'changed', spec: 'Standard', live: 'Free' },
    { scope: 'pool general', field: 'availabilityZones', kind: 'changed', spec: '1, 2, 3', live: '1, 2' },
  ],
  notes: ['203.0.113.128/30 was taken for the NAT egress prefix'],
};

describe('formatDriftTable', () => {
  it('GIVEN drift WHEN formatted THEN the four columns line up under their headers', () => {
    const lines = formatDriftTable(report).split('\n');
    const header = lines.find((l) => l.startsWith('SCOPE'))!;
    const rows = lines.filter((l) => l.startsWith('cluster') || l.startsWith('pool'));

    expect(rows).toHaveLength(2);
    for (const column of ['FIELD', 'SPEC', 'LIVE']) {
      const at = header.indexOf(column);
      for (const row of rows) expect(row[at - 1]).toBe(' '); // every cell of the column starts at the header's offset
    }
    expect(rows[1]!.slice(header.indexOf('LIVE'))).toBe('1, 2');
  });

  it('GIVEN drift WHEN formatted THEN it names the cluster resource, counts the differences and prints the notes', () => {
    const text = formatDriftTable(report);

    expect(text.split('\n')[0]).toBe(
      'weu-prod has drifted: managed cluster aks-weu-prod (resource group rg-aks-weu-prod, subscription 6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b)',
    );
    expect(text).toContain('2 differences in 70 values checked.');
    expect(text).toContain('note: 203.0.113.128/30 was taken for the NAT egress prefix');
  });

  it('GIVEN no drift WHEN formatted THEN there is no table', () => {
    const text = formatDriftTable({ ...report, inSync: true, drift: [], notes: [] });

    expect(text).not.toContain('SCOPE');
    expect(text).toContain('is in sync');
  });
});

describe('driftJson', () => {
  it('GIVEN the same report WHEN serialised twice THEN the bytes are equal and keys come in a fixed order', () => {
    const shuffled = {
      ...report,
      drift: report.drift.map((d) => ({ live: d.live, spec: d.spec, kind: d.kind, field: d.field, scope: d.scope })),
    } as DriftReport;

    expect(driftJson(shuffled)).toBe(driftJson(report));
    expect(Object.keys(JSON.parse(driftJson(report)))).toEqual(['cluster', 'resource', 'inSync', 'checked', 'drift', 'notes']);
    expect(Object.keys(JSON.parse(driftJson(report)).drift[0])).toEqual(['scope', 'field', 'kind', 'spec', 'live']);
  });
});
