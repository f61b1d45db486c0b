import { fileURLToPath } from 'node:url';
import { fileSystemSource, loadCluster } from '@aks-hybrid/spec';
import { describe, expect, it } from 'vitest';
import { renderSlaReport } from './report.js';
import { fixtureSpec, inOneZone, withoutVpn, withTier, withUserPool } from './testing/fixture.js';

/** The section of the report under a `## ` heading that starts with `title`. */
function section(report: string, title: string): string {
  const start = report.indexOf(`\n## ${title}`);
  if (start < 0) throw new Error(`no section ${title}`);
  const next = report.indexOf('\n## ', start + 4);
  return report.slice(start, next < 0 ? undefined : next);
}

/** The summary table row of a path. */
function summaryRow(report: string, title: string): string {
  return section(report, 'Summary')
    .split('\n')
    .find((line) => line.startsWith(`| ${title} |`))!;
}

describe('renderSlaReport', () => {
  const base = fixtureSpec();
  const report = renderSlaReport(base);

  it('has one mermaid flowchart per path and the composite figure with its downtime', () => {
    expect(report.match(/```mermaid\nflowchart LR/g)).toHaveLength(3);
    const cp = section(report, '1. Control plane');
    expect(cp).toContain('**Composite SLA: 99.929961%**');
    expect(cp).toContain('30 min 16 s of downtime per 30-day month');
    // Redundant links are drawn side by side: both branches leave the last on-premises box and join the next one.
    expect(cp).toMatch(/subgraph g1\["ExpressRoute"\]/);
    expect(cp).toMatch(/VPN gateway<br\/>99\.95%/);
  });

  it('names the dominant component in the summary and in the path section', () => {
    expect(summaryRow(report, 'Control plane')).toMatch(/\| AKS API server \|$/);
    expect(summaryRow(report, 'Workloads')).toMatch(/\| Container Registry \(home region\) \|$/);
    expect(section(report, '1. Control plane')).toContain('**Dominant component: AKS API server (99.95%)**');
  });

  it('states the assumptions plainly', () => {
    const assumptions = section(report, 'Assumptions');
    expect(assumptions).toMatch(/Failures are independent/);
    expect(assumptions).toMatch(/promise of service credits, not measured availability/);
    expect(assumptions).toMatch(/excludes the connectivity provider's last mile/);
    expect(assumptions).toMatch(/Failover time is ignored/);
  });

  it('says Key Vault is not on the runtime path', () => {
    expect(section(report, 'Not on the runtime path')).toMatch(/Key Vault.*when the landing zone is deployed/);
  });

  it('says the provider last mile is left out when the spec has no figure for it', () => {
    expect(section(report, 'What in the spec moves these figures')).toMatch(/\*\*Not counted\*\*.*last mile is not counted.*providerSla is not set/);
  });

  it('lists the source and the reading date of each figure', () => {
    const sources = section(report, 'Sources of the figures');
    expect(sources).toMatch(
      /\| AKS API server \| 99\.95% \| SLA \|.*\| yes \| 2026-11-26 \| \[.*\]\(https:\/\/learn\.microsoft\.com\/azure\/aks\/free-standard-pricing-tiers\)/,
    );
  });

  it('is deterministic: same spec, same bytes; fleet order does not matter', () => {
    const other = fixtureSpec('hyb-neu');
    expect(renderSlaReport(base)).toBe(report);
    expect(renderSlaReport(base, [base, other])).toBe(renderSlaReport(base, [other, base]));
  });
});

describe('the fleet section', () => {
  const a = fixtureSpec('hyb-weu');
  const b = fixtureSpec('hyb-neu');

  it('GIVEN two clusters of one service THEN each cluster report shows the service across regions, per-cluster parts named with their cluster', () => {
    for (const spec of [a, b]) {
      const fleet = section(renderSlaReport(spec, [a, b]), 'The service across regions');
      expect(fleet).toContain('`hyb-neu`, `hyb-weu`');
    }
    const workloads = section(renderSlaReport(a, [a, b]), 'Workloads of the service');
    expect(workloads).not.toContain('Azure Front Door (99.99%)');
    expect(section(renderSlaReport(a, [a, b]), 'The service across regions')).toContain('The kit deploys no global router (no Azure Front Door)');
    expect(workloads).toContain('| User pool general (hyb-neu) |');
    expect(workloads).toContain('| User pool general (hyb-weu) |');
    expect(workloads).toMatch(/subgraph g\d\["hyb-neu"\]/);
  });

  it('GIVEN one cluster THEN there is no fleet section and the report says the region is a single point of failure', () => {
    const report = renderSlaReport(a, [a]);
    expect(report).not.toContain('## The service across regions');
    expect(section(report, 'What in the spec moves these figures')).toMatch(/runs on this cluster only/);
  });
});

describe('the report says why a spec choice moved the figures', () => {
  const whyOf = (spec: ReturnType<typeof fixtureSpec>) => section(renderSlaReport(spec), 'What in the spec moves these figures');

  it('Free tier', () => {
    const report = renderSlaReport(withTier(fixtureSpec(), 'Free'));
    expect(whyOf(withTier(fixtureSpec(), 'Free'))).toMatch(
      /\*\*Lowers the figures\*\* \(control plane\): The cluster is on the Free tier.*no financially backed SLA/,
    );
    expect(section(report, '1. Control plane')).toMatch(/\| AKS API server \| 99\.5% \(objective, not an SLA\) \|/);
    expect(section(report, '1. Control plane')).toMatch(/\*\*Best single change: Move the cluster to the Standard tier\.\*\* 99\.480051% → 99\.929961%/);
  });

  it('no availability zones', () => {
    expect(whyOf(inOneZone(fixtureSpec()))).toMatch(/spec\.azure\.zones is \[1\].*API server SLA drops from 99\.95% to 99\.9%/);
  });

  it('no VPN failover', () => {
    const report = renderSlaReport(withoutVpn(fixtureSpec()));
    expect(whyOf(withoutVpn(fixtureSpec()))).toMatch(/no VPN failover.*ExpressRoute alone/);
    expect(summaryRow(report, 'Hybrid')).toMatch(/\| ExpressRoute circuit, ExpressRoute gateway \|$/);
  });

  it('a single user pool in one zone', () => {
    const spec = withUserPool(fixtureSpec(), 'general', { zones: ['1'] });
    expect(whyOf(spec)).toMatch(/Pool general keeps its 3 nodes only in zone 1.*99\.95%/);
    expect(section(renderSlaReport(spec), '2. Workloads')).toMatch(/\| User pool general \| 99\.95% \|.*only in zone 1/);
  });
});

describe('the bundled example (apps/weu-prod)', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const spec = loadCluster(fileSystemSource(root), 'weu-prod');
  const report = renderSlaReport(spec);

  it('renders the three paths and counts the provider last mile the spec declares', () => {
    expect(report.match(/```mermaid/g)).toHaveLength(3);
    expect(section(report, '3. Hybrid')).toMatch(/\| Provider last mile \| 99\.95% \(from the spec\) \|/);
  });

  it('with a public API server, keeps ExpressRoute and the VPN off the control plane path and says so', () => {
    expect(section(report, '1. Control plane')).not.toMatch(/ExpressRoute circuit/);
    expect(section(report, '1. Control plane')).toMatch(/over the internet/);
  });
});
