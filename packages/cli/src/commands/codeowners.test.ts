import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editFile, snapshotTree, tempRepo } from '../testing/temp-repo.js';
import { codeownersCommand } from './codeowners.js';

let repo: ReturnType<typeof tempRepo>;
let output: string[];
const log = (line: string) => output.push(line);
const run = (check: boolean) => codeownersCommand({ root: repo.root, check }, log);
const edit = (path: string, change: (text: string) => string) => editFile(repo.root, path, change);

beforeEach(() => {
  repo = tempRepo();
  output = [];
});
afterEach(() => repo.dispose());

describe('kit codeowners', () => {
  it('GIVEN no CODEOWNERS WHEN checked THEN it fails; WHEN written THEN the check passes', () => {
    expect(run(true)).toBe(1);
    expect(output.join('\n')).toContain('.github/CODEOWNERS is missing: run `pnpm kit codeowners` and commit it');
    expect(run(false)).toBe(0);
    expect(readFileSync(join(repo.root, '.github/CODEOWNERS'), 'utf8')).toContain('/apps/weu-prod/teams/dev.yaml @contoso/team-dev\n');
    expect(run(true)).toBe(0);
  });

  it('GIVEN a team changes its owners in the spec WHEN checked THEN the committed file is stale', () => {
    expect(run(false)).toBe(0);
    edit('apps/weu-prod/teams/dev.yaml', (t) => t.replace("codeowners: ['@contoso/team-dev']", "codeowners: ['@contoso/team-dev-leads']"));
    output = [];
    expect(run(true)).toBe(1);
    expect(output.join('\n')).toContain('.github/CODEOWNERS is stale');
  });

  it('GIVEN a bad handle WHEN written THEN it names the file and field and writes nothing', () => {
    mkdirSync(join(repo.root, '.github'));
    edit('apps/weu-prod/teams/dev.yaml', (t) => t.replace("codeowners: ['@contoso/team-dev']", "codeowners: ['contoso/team-dev']"));
    const before = snapshotTree(repo.root);
    expect(run(false)).toBe(1);
    expect(output.join('\n')).toMatch(/apps\/weu-prod\/teams\/dev\.yaml.*metadata\.codeowners/s);
    expect(snapshotTree(repo.root)).toEqual(before);
  });

  it('the committed example file is current', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../../.github/CODEOWNERS'), 'utf8');
    expect(run(false)).toBe(0);
    expect(readFileSync(join(repo.root, '.github/CODEOWNERS'), 'utf8')).toBe(committed);
  });
});
