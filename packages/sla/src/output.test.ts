import { describe, expect, it } from 'vitest';
import { computeSla } from './model.js';
import { formatSlaSummary, slaJson } from './output.js';
import { fixtureSpec, withoutVpn } from './testing/fixture.js';

describe('slaJson', () => {
  const model = computeSla(fixtureSpec());
  const json = slaJson(model);
  const parsed = JSON.parse(json) as { paths: Array<{ id: string; availability: string; percent: string }> };

  it('keeps exact availabilities as strings next to the rounded-down percent', () => {
    const cp = parsed.paths.find((p) => p.id === 'control-plane')!;
    expect(cp.availability).toBe('0.999299610469857516249375');
    expect(cp.percent).toBe('99.929961%');
  });

  it('sorts keys at every level and ends with a newline (stable diffs in pipelines)', () => {
    const keys = Object.keys(JSON.parse(json) as object);
    expect(keys).toEqual([...keys].sort());
    expect(Object.keys(parsed.paths[0]!)).toEqual(Object.keys(parsed.paths[0]!).sort());
    expect(json.endsWith('}\n')).toBe(true);
    expect(slaJson(computeSla(fixtureSpec()))).toBe(json);
  });
});

describe('formatSlaSummary', () => {
  it('prints one line per path with figure, monthly downtime and dominant component', () => {
    const lines = formatSlaSummary(computeSla(fixtureSpec())).split('\n');
    expect(lines[0]).toBe('hyb-prod (shop): composite SLA, rounded down');
    expect(lines[1]).toMatch(/^ {2}control plane +99\.929961% +≤ 30 min 16 s down per month +dominant: AKS API server$/);
    expect(lines.some((l) => /best change for workloads: Add a registry geo-replica/.test(l))).toBe(true);
  });

  it('lists the spec choices that lower the figures', () => {
    expect(formatSlaSummary(computeSla(withoutVpn(fixtureSpec())))).toMatch(/spec choices lowering the figures: no-vpn/);
  });
});
