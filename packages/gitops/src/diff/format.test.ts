import { beforeAll, describe, expect, it } from 'vitest';
import { diffClusterOutputs } from './diff-cluster.js';
import { diffJson } from './format-json.js';
import { formatDiffMarkdown, GITHUB_COMMENT_LIMIT } from './format-markdown.js';
import { CLUSTER, exampleSide, teamFile, type Side } from '../testing/diff-sides.js';
import type { ClusterDiff } from './types.js';

let base: Side;
/** Teams onboarded at once: one for a comment that fits, several for one that must be cut. */
let oneTeam: ClusterDiff;
let onboarded: ClusterDiff;
beforeAll(() => {
  base = exampleSide();
  const diffWith = (teams: number) => {
    const edits: Record<string, string> = {};
    for (let i = 0; i < teams; i++)
      edits[`apps/${CLUSTER}/teams/team${i}.yaml`] = teamFile(`team${i}`, `0000000${i}-5f4e-4d3c-8b2a-1f0e9d8c7b6a`, '2', `10.10.${60 + i}.0/24`);
    const head = exampleSide(edits);
    return diffClusterOutputs(base.files, head.files, { cluster: CLUSTER, base: 'origin/main', slaBefore: base.sla, slaAfter: head.sla });
  };
  oneTeam = diffWith(1);
  onboarded = diffWith(6);
});

const balanced = (md: string) => (md.match(/<details>/g) ?? []).length === (md.match(/<\/details>/g) ?? []).length;

describe('formatDiffMarkdown', () => {
  it('GIVEN a diff that fits THEN it is whole, with the base in the heading and a section per cluster', () => {
    const md = formatDiffMarkdown([oneTeam, { ...oneTeam, cluster: 'neu-prod' }]);
    expect(md.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(md.startsWith('## Desired-state change against `origin/main`')).toBe(true);
    expect(md).toContain(`### \`${CLUSTER}\``);
    expect(md).toContain('### `neu-prod`');
    expect(md).not.toContain('Truncated');
    expect(balanced(md)).toBe(true);
  });

  it('GIVEN a limit the full comment exceeds THEN it drops the per-object detail first and keeps every object', () => {
    const full = formatDiffMarkdown([onboarded], { maxLength: Number.MAX_SAFE_INTEGER });
    const md = formatDiffMarkdown([onboarded], { maxLength: full.length - 1 });
    expect(md.length).toBeLessThan(full.length);
    expect(md).toContain('Truncated');
    for (const o of onboarded.objects.added) expect(md).toContain(o.name === o.file ? `\`${o.file}\`` : `\`${o.namespace ? `${o.namespace}/` : ''}${o.name}\``);
    expect(md).not.toContain('hard requests.cpu');
  });

  it('GIVEN no limit given THEN the comment never exceeds what GitHub accepts', () => {
    const many = formatDiffMarkdown([onboarded, { ...onboarded, cluster: 'neu-prod' }, { ...onboarded, cluster: 'sec-prod' }]);
    expect(many.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(balanced(many)).toBe(true);
  });

  it('GIVEN a tight limit THEN it cuts whole lines, closes what it opened and says so', () => {
    const md = formatDiffMarkdown([onboarded], { maxLength: 3000 });
    expect(md.length).toBeLessThanOrEqual(3000);
    expect(balanced(md)).toBe(true);
    expect(md).toMatch(/Truncated.*kit diff --json/);
  });

  it('keeps a value with backticks inside its code span', () => {
    const diff: ClusterDiff = {
      ...onboarded,
      objects: { added: [], removed: [], changed: [] },
      bicep: { parameters: [{ name: 'p', kind: 'changed', changes: [{ what: 'p', before: 'a`b', after: 'c' }] }], nodePools: [], templates: [], impacts: [] },
      files: [],
    };
    expect(formatDiffMarkdown([diff])).toContain('p: `` a`b `` → `c`');
  });
});

describe('diffJson', () => {
  it('is stable: keys sorted at every level, the same bytes for the same diff', () => {
    const json = diffJson([onboarded]);
    expect(json).toBe(diffJson([JSON.parse(JSON.stringify(onboarded)) as ClusterDiff]));
    const parsed = JSON.parse(json) as { version: number; clusters: ClusterDiff[] };
    expect(parsed.version).toBe(1);
    const keysSorted = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.every(keysSorted);
      if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && Object.values(value).every(keysSorted);
      }
      return true;
    };
    expect(keysSorted(parsed)).toBe(true);
    expect(parsed.clusters[0]!.objects.added.length).toBe(onboarded.objects.added.length);
  });
});
