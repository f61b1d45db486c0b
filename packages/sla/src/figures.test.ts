import { describe, expect, it } from 'vitest';
import { allComponentFigures, checkFigures, figure } from './figures.js';

describe('the figures data file', () => {
  it('has every component the issue lists, each with a source and a reading date', () => {
    const ids = allComponentFigures().map((c) => c.id);
    for (const id of [
      'aks-api-server',
      'virtual-machines',
      'expressroute-circuit',
      'expressroute-gateway',
      'vpn-gateway',
      'entra-id',
      'container-registry',
      'load-balancer',
      'application-gateway',
      'nat-gateway',
      'key-vault',
      'front-door',
    ]) {
      expect(ids).toContain(id);
    }
    for (const c of allComponentFigures()) for (const f of c.figures) expect(f.sources.length).toBeGreaterThan(0);
  });

  it('holds the published AKS conditions: 99.95% with zones, 99.9% without, Free is an objective', () => {
    expect(figure('aks-api-server', 'standard-zones').figure.percent).toBe('99.95');
    expect(figure('aks-api-server', 'standard-no-zones').figure.percent).toBe('99.9');
    expect(figure('aks-api-server', 'free').figure.kind).toBe('slo');
  });

  it('keeps Key Vault and Log Analytics off the runtime path', () => {
    const offPath = allComponentFigures()
      .filter((c) => !c.runtime)
      .map((c) => c.id);
    expect(offPath).toEqual(['key-vault', 'log-analytics']);
  });

  it.each([
    [
      {
        components: [
          {
            id: 'x',
            name: 'X',
            runtime: true,
            figures: [
              { key: 'k', condition: 'c', percent: '99,9', kind: 'sla', verified: true, readOn: '2026-01-01', sources: [{ title: 't', url: 'https://x' }] },
            ],
          },
        ],
      },
      /percent must be a decimal/,
    ],
    [
      {
        components: [
          {
            id: 'x',
            name: 'X',
            runtime: true,
            figures: [
              { key: 'k', condition: 'c', percent: '99.9', kind: 'sla', verified: true, readOn: 'yesterday', sources: [{ title: 't', url: 'https://x' }] },
            ],
          },
        ],
      },
      /readOn must be a YYYY-MM-DD/,
    ],
    [
      {
        components: [
          {
            id: 'x',
            name: 'X',
            runtime: true,
            figures: [{ key: 'k', condition: 'c', percent: '99.9', kind: 'sla', verified: true, readOn: '2026-01-01', sources: [] }],
          },
        ],
      },
      /at least one source/,
    ],
  ])('rejects a bad edit with the entry at fault (%#)', (raw, message) => {
    expect(() => checkFigures(raw)).toThrow(message);
  });
});
