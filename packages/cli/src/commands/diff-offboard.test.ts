import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { diffCommand } from './diff.js';
import { renderCommand } from './render.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEV = 'apps/weu-prod/teams/dev.yaml';
const PLATFORM = 'apps/weu-prod/platform.yaml';

let root: string;
let platform: string;
let output: string[];
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
const diff = () => diffCommand({ root, clusters: ['weu-prod'], all: false, json: false, base: 'HEAD' }, (line) => output.push(line));

/** A clone of main with the specs and their render committed; the dev team file then deleted (a PR that offboards dev). */
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kit-diff-offboard-'));
  for (const entry of ['apps', 'gitops', 'docs', 'nx.json']) cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true });
  expect(await renderCommand({ root, clusters: [], all: true, check: false, dryRun: false }, () => {})).toBe(0);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  platform = readFileSync(join(root, PLATFORM), 'utf8');
  rmSync(join(root, DEV));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  output = [];
  writeFileSync(join(root, PLATFORM), platform);
});

describe('kit diff: KIT-OFFBOARD-001 (a PR removes a team that may hold data)', () => {
  it('GIVEN the dev team file deleted and no exception THEN the comment shows the finding and kit diff exits 1', async () => {
    expect(await diff()).toBe(1);
    const md = output.join('\n');
    expect(md).toContain('**[KIT-OFFBOARD-001]** `Namespace dev`');
    expect(md).toContain('ResourceQuota team-quota lets the team create');
  });

  it('GIVEN a platform exception for Namespace/dev with a reason THEN it exits 0 and shows the waiver', async () => {
    const doc = parseDocument(platform);
    doc.setIn(
      ['spec', 'policyExceptions'],
      [{ rule: 'KIT-OFFBOARD-001', object: 'Namespace/dev', reason: 'PVCs backed up with Velero to bv-weu-prod (TICKET-456)' }],
    );
    writeFileSync(join(root, PLATFORM), doc.toString());
    expect(await diff(), output.join('\n')).toBe(0);
    expect(output.join('\n')).toContain('[KIT-OFFBOARD-001] `Namespace dev` waived by `apps/weu-prod/platform.yaml`, reason: PVCs backed up with Velero');
  });
});
