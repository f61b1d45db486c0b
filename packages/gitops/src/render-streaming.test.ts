import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCluster } from '@aks-hybrid/charts';
import { POLICY_RULES } from '@aks-hybrid/policy';
import { fileSystemSource, listClusters, loadCluster, type ClusterSpec } from '@aks-hybrid/spec';
import { ValidationSession, validateRenderedReport } from '@aks-hybrid/validate';
import { describe, expect, it } from 'vitest';
import { renderCluster, renderClusterStreaming } from './render-cluster.js';
import { describePlan } from './writer/describe.js';
import { planIsEmpty, planWrite } from './writer/plan.js';
import { applyPlan } from './writer/transaction.js';

const source = fileSystemSource(fileURLToPath(new URL('../../../', import.meta.url)));
const base = loadCluster(source, listClusters(source)[0]!);
const team = (t: number) => `team-${String(t).padStart(4, '0')}`;

type Obj = Record<string, unknown> & { kind?: string; metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } };

/**
 * Violations planted in the objects (the same for both ways of validating), in the platform and in
 * teams of different batches, with one exception that waives one of them in a late batch and one that
 * waives nothing.
 */
function withExceptions(spec: ClusterSpec): ClusterSpec {
  const teams = spec.teams.map((t) => {
    if (t.name === team(25)) return { ...t, policyExceptions: [{ rule: 'KIT-NS-005', object: `Namespace/${t.name}`, reason: 'test: waived in a late batch' }] };
    if (t.name === team(11)) return { ...t, policyExceptions: [{ rule: 'KIT-NS-004', object: `Namespace/${t.name}`, reason: 'test: waives nothing' }] };
    return t;
  });
  return { ...spec, teams };
}

function plantViolations(objects: ReadonlyMap<string, readonly unknown[]>): Map<string, readonly unknown[]> {
  const out = new Map<string, readonly unknown[]>();
  for (const [path, list] of objects) {
    const copy = structuredClone(list) as Obj[];
    const kept = copy.filter((o) => {
      const ns = o.metadata?.namespace ?? (o.kind === 'Namespace' ? o.metadata?.name : undefined);
      if (ns === team(2) && o.kind === 'ResourceQuota') return false; // KIT-NS-003
      if (ns === team(25) && o.kind === 'NetworkPolicy' && o.metadata?.name === 'default-deny') return false; // KIT-NS-005, excepted
      return true;
    });
    for (const o of kept) {
      if (o.kind === 'Namespace' && o.metadata?.name === team(11)) delete o.metadata.labels?.['kit.aks-hybrid.dev/tenant']; // KIT-NS-001
      if (o.kind === 'Namespace' && o.metadata?.name === team(18)) delete o.metadata.labels?.['pod-security.kubernetes.io/enforce']; // KIT-NS-002 (CEL)
      if (o.kind === 'ValidatingAdmissionPolicy' && o.metadata?.name === 'kit-ns-002') (o as { spec: { failurePolicy: string } }).spec.failurePolicy = 'Ignore'; // KIT-ADM-001
    }
    out.set(path, kept);
  }
  return out;
}

describe('renderClusterStreaming', () => {
  it('GIVEN batches of 1, 7 and 100 teams THEN the bytes are renderCluster’s, and the sink gets the platform first, then every team once with every file once', () => {
    const spec = syntheticCluster(base, { teams: 23 });
    const whole = new Map<string, readonly unknown[]>();
    const expected = renderCluster(spec, [spec], whole);
    for (const size of [1, 7, 100]) {
      const seenTeams: string[] = [];
      const seenFiles = new Map<string, readonly unknown[]>();
      const calls: number[] = [];
      const files = renderClusterStreaming(
        spec,
        [spec],
        (objects, teams) => {
          calls.push(teams.length);
          seenTeams.push(...teams.map((t) => t.name));
          for (const [path, list] of objects) {
            expect(seenFiles.has(path), path).toBe(false);
            seenFiles.set(path, list);
          }
        },
        size,
      );
      expect(new Map(files)).toEqual(expected);
      expect([...files.keys()]).toEqual([...expected.keys()]);
      expect(calls[0]).toBe(0);
      expect(calls.slice(1).every((n) => n > 0 && n <= size)).toBe(true);
      expect(seenTeams).toEqual(spec.teams.map((t) => t.name));
      expect(seenFiles).toEqual(whole);
    }
  });
});

describe('validating batch by batch', () => {
  it('GIVEN violations in the platform and in teams of different batches, an exception applied in a late batch and one that waives nothing THEN the findings and exceptions are exactly those of the whole tree', async () => {
    const spec = withExceptions(syntheticCluster(base, { teams: 30 }));
    const all = new Map<string, readonly unknown[]>();
    const session = new ValidationSession(spec, { requireBicep: false });
    const files = renderClusterStreaming(
      spec,
      [spec],
      (objects, teams) => {
        const planted = plantViolations(objects);
        for (const [path, list] of planted) all.set(path, list);
        session.add(planted, teams);
      },
      7,
    );
    const streamed = await session.finish(files);
    const whole = await validateRenderedReport(files, spec, { requireBicep: false, objects: all });

    expect(streamed.findings).toEqual(whole.findings);
    expect(streamed.exceptions).toEqual(whole.exceptions);
    expect(streamed.notes).toEqual(whole.notes);
    // Not vacuous: every planted violation is found (once), the late exception applied, the idle one reported.
    const found = streamed.findings.map((f) => `${f.rule} ${f.object}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `KIT-NS-003 Namespace ${team(2)}`,
        `KIT-NS-001 Namespace ${team(11)}`,
        `KIT-NS-002 Namespace ${team(18)}`,
        'KIT-ADM-001 ValidatingAdmissionPolicy kit-ns-002',
        `policy-exception Namespace ${team(11)}`,
      ]),
    );
    expect(found.filter((f) => f.startsWith('KIT-ADM-001'))).toHaveLength(1);
    expect(found.some((f) => f.startsWith('KIT-NS-005'))).toBe(false);
    expect(streamed.exceptions.map((e) => `${e.rule} ${e.object}`)).toEqual([`KIT-NS-005 Namespace ${team(25)}`]);
  });

  it('GIVEN the catalogue THEN every cross-object rule is one whose batch safety was checked (a new one must be, see 0013)', () => {
    // Per namespace of the batch's teams (KIT-NS-*, KIT-AVAIL-*) or about the platform's admission objects
    // (KIT-ADM-001, seen again beside each batch and reported once). A rule comparing teams with each
    // other would need every team at once: add it here only with a batch test like the one above.
    const batchSafe = ['KIT-ADM-001', 'KIT-AVAIL-001', 'KIT-AVAIL-002', 'KIT-NS-001', 'KIT-NS-003', 'KIT-NS-004', 'KIT-NS-005'];
    expect(
      POLICY_RULES.filter((r) => r.engine === 'objects')
        .map((r) => r.id)
        .sort(),
    ).toEqual(batchSafe);
  });

  it('GIVEN a clean render THEN batch by batch finds nothing, as the whole tree does', async () => {
    const spec = syntheticCluster(base, { teams: 12 });
    const session = new ValidationSession(spec, { requireBicep: false });
    const files = renderClusterStreaming(spec, [spec], (objects, teams) => session.add(objects, teams), 5);
    expect((await session.finish(files)).findings).toEqual([]);
  });

  it('GIVEN a render that keeps none of its text in memory THEN the same bytes are validated, planned and written as by one that keeps all', async () => {
    const spec = syntheticCluster(base, { teams: 9 });
    const trees: string[] = [];
    for (const inMemoryBytes of [Number.MAX_SAFE_INTEGER, 0]) {
      const session = new ValidationSession(spec, { requireBicep: false });
      const files = renderClusterStreaming(spec, [spec], (objects, teams) => session.add(objects, teams), 4, inMemoryBytes);
      expect(files.spilled).toBe(inMemoryBytes === 0);
      expect(new Map(files)).toEqual(renderCluster(spec));
      expect((await session.finish(files)).findings).toEqual([]);
      const root = mkdtempSync(join(tmpdir(), 'kit-spilled-'));
      try {
        const plan = planWrite(root, spec.name, files);
        expect(describePlan(plan)).toMatch(/\+ gitops\/clusters\/.*\(new, \d+ lines\)/);
        await applyPlan(root, plan);
        expect(planIsEmpty(planWrite(root, spec.name, files))).toBe(true);
        trees.push(JSON.stringify([...readTree(root)]));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
    expect(trees[1]).toBe(trees[0]);
  });
});

/** Every file under `root`, path -> text, sorted. */
function readTree(root: string, dir = ''): [string, string][] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      return entry.isDirectory() ? readTree(root, path) : [[path, readFileSync(join(root, path), 'utf8')] as [string, string]];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
