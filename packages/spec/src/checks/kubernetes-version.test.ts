import { describe, expect, it } from 'vitest';
import { SpecError, type SpecIssue } from '../errors.js';
import { loadCluster } from '../load/load-cluster.js';
import { EXAMPLE_CLUSTER, exampleWith } from '../testing/example.js';
import { aksVersionCalendar, checkKubernetesLifecycle, kubernetesVersionSupport, parseAsOf, supportedMinors } from './kubernetes-version.js';

const PLATFORM = 'apps/weu-prod/platform.yaml';
const VERSION = ['spec', 'cluster', 'kubernetesVersion'];
const withVersion = (version: string) => exampleWith({ [PLATFORM]: [[VERSION, version]] });

function loadIssues(version: string): readonly SpecIssue[] {
  try {
    loadCluster(withVersion(version), EXAMPLE_CLUSTER);
  } catch (error) {
    if (error instanceof SpecError) return error.issues;
    throw error;
  }
  return [];
}

describe('the AKS calendar data', () => {
  it('is dated, sourced from Microsoft Learn, and ordered oldest first with consistent dates', () => {
    const cal = aksVersionCalendar();
    expect(parseAsOf(cal.readOn)).toBe(cal.readOn);
    expect(cal.sources.some((s) => s.startsWith('https://learn.microsoft.com/azure/aks/supported-kubernetes-versions'))).toBe(true);
    const minors = cal.versions.map((v) => Number(v.minor.split('.')[1]));
    expect(minors).toEqual([...minors].sort((a, b) => a - b));
    for (const v of cal.versions) {
      expect(parseAsOf(v.endOfSupport)).toBe(v.endOfSupport);
      expect(`${v.aksGa}-01` < v.endOfSupport).toBe(true);
      if (v.ltsEndOfSupport) expect(v.ltsEndOfSupport > v.endOfSupport).toBe(true);
    }
  });
});

describe('kubernetesVersionSupport (fixed dates, never the clock)', () => {
  it('GIVEN 1.33 WHEN checked before and after its end of support (2026-07-31) THEN supported, ending, then ended', () => {
    expect(kubernetesVersionSupport('1.33', '2026-01-15').status).toBe('supported');
    expect(kubernetesVersionSupport('1.33', '2026-06-15')).toMatchObject({ status: 'ending', daysLeft: 46 });
    expect(kubernetesVersionSupport('1.33.4', '2026-07-31').status).toBe('ending');
    expect(kubernetesVersionSupport('1.33', '2026-08-01').status).toBe('ended');
  });

  it('warns from 60 days before the end, not 61', () => {
    expect(kubernetesVersionSupport('1.35', '2027-01-29').status).toBe('supported'); // 61 days left
    expect(kubernetesVersionSupport('1.35', '2027-01-30')).toMatchObject({ status: 'ending', daysLeft: 60 });
  });

  it('refuses a minor before its AKS GA month', () => {
    expect(kubernetesVersionSupport('1.36', '2026-05-31').status).toBe('not-yet-ga');
    expect(kubernetesVersionSupport('1.36', '2026-06-01').status).toBe('supported');
  });

  it('knows which minors are supported on a day', () => {
    expect(supportedMinors('2026-12-06')).toEqual(['1.35', '1.36', '1.37']);
    expect(supportedMinors('2026-01-01')).toEqual(['1.32', '1.33', '1.34']);
  });

  it('reads --as-of dates strictly', () => {
    expect(parseAsOf('2026-12-06')).toBe('2026-12-06');
    for (const bad of ['2026-02-30', '2026-1-5', 'today', '2026-12-06T00:00:00Z']) expect(parseAsOf(bad)).toBeUndefined();
  });
});

describe('loading a spec (date-free check)', () => {
  it('GIVEN the examples THEN they load: 1.35 is in the calendar', () => {
    expect(loadIssues('1.35')).toEqual([]);
  });

  it.each([
    ['1.99', /Kubernetes 1\.99 is newer than any AKS version the kit knows \(1\.32 to 1\.37, read 2026-12-06\)/],
    ['1.20', /Kubernetes 1\.20 is older than any version the kit validates/],
  ])('GIVEN kubernetesVersion %s THEN it is refused with file, line, field and a fix, not a stack trace', (version, message) => {
    const issues = loadIssues(version);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: PLATFORM, path: 'spec.cluster.kubernetesVersion', message: expect.stringMatching(message) });
    expect(issues[0]!.line).toBeGreaterThan(1);
    expect(issues[0]!.hint).toMatch(/1\.35, 1\.36, 1\.37/);
  });
});

describe('checkKubernetesLifecycle (render and validate, with the run date)', () => {
  it('GIVEN 1.33 as of 2026-12-06 THEN refused, naming the end date and the supported minors', () => {
    const { issues, warnings } = checkKubernetesLifecycle(withVersion('1.33'), EXAMPLE_CLUSTER, '2026-12-06');
    expect(warnings).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('Kubernetes 1.33 left AKS support on 2026-07-31, before 2026-12-06: AKS creates no new cluster on it');
    expect(issues[0]!.hint).toMatch(/^move to a supported minor: 1\.35, 1\.36, 1\.37 \(as of 2026-12-06/);
    expect(issues[0]).toMatchObject({ file: PLATFORM, path: 'spec.cluster.kubernetesVersion' });
    expect(issues[0]!.line).toBeGreaterThan(1);
  });

  it('GIVEN the same commit as of 2026-03-01 (--as-of) THEN 1.33 passes', () => {
    expect(checkKubernetesLifecycle(withVersion('1.33'), EXAMPLE_CLUSTER, '2026-03-01')).toEqual({ issues: [], warnings: [] });
  });

  it('GIVEN the example (1.35) THEN clean on 2026-12-06, a warning on 2027-02-15, refused on 2027-04-01', () => {
    const source = exampleWith();
    expect(checkKubernetesLifecycle(source, EXAMPLE_CLUSTER, '2026-12-06')).toEqual({ issues: [], warnings: [] });
    const soon = checkKubernetesLifecycle(source, EXAMPLE_CLUSTER, '2027-02-15');
    expect(soon.issues).toEqual([]);
    expect(soon.warnings[0]!.message).toBe('Kubernetes 1.35 leaves AKS support on 2027-03-31, 44 day(s) after 2027-02-15');
    expect(checkKubernetesLifecycle(source, EXAMPLE_CLUSTER, '2027-04-01').issues[0]!.message).toMatch(/1\.35 left AKS support on 2027-03-31/);
  });
});
