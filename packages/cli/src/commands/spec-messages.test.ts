import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editFile, snapshotTree, tempRepo } from '../testing/temp-repo.js';
import { renderCommand } from './render.js';

let repo: ReturnType<typeof tempRepo>;
let output: string[];
const log = (line: string) => output.push(line);
const render = () => renderCommand({ root: repo.root, clusters: ['weu-prod'], all: false, check: false, dryRun: true }, log);
const edit = (path: string, change: (text: string) => string) => editFile(repo.root, path, change);

beforeEach(() => {
  repo = tempRepo();
  output = [];
});
afterEach(() => repo.dispose());

describe('render prints the spec warnings and refuses hostile input with a message', () => {
  it('GIVEN two teams bound to one Entra group WHEN rendered THEN a warning names both teams with file:line', async () => {
    edit('apps/weu-prod/teams/checkout.yaml', (t) => t.replace(/groupObjectId: [0-9a-f-]+/, 'groupObjectId: 5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d'));
    await render();
    expect(output.join('\n')).toMatch(
      /weu-prod: warning: apps\/weu-prod\/teams\/dev\.yaml:\d+:\d+ spec\.groupObjectId: teams "checkout" and "dev" are bound to the same Entra group/,
    );
  });

  it('GIVEN teams with their own groups WHEN rendered THEN no group warning is printed (only the pending client ID of dev)', async () => {
    await render();
    const warnings = output
      .join('\n')
      .split('\n')
      .filter((line) => line.includes('warning:'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /weu-prod: warning: apps\/weu-prod\/teams\/dev\.yaml:\d+:\d+ spec\.azureIdentity: team "dev" has an Azure identity whose client ID is not recorded/,
      ),
    ]);
  });

  it('GIVEN an alias bomb in a team file WHEN rendered THEN exit 1 with the file and line, no stack trace, nothing written', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...['b', 'c', 'd', 'e', 'f'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`),
    ].join('\n');
    writeFileSync(join(repo.root, 'apps/weu-prod/teams/bomb.yaml'), `${bomb}\n`);
    const before = snapshotTree(repo.root);
    expect(await render()).toBe(1);
    const text = output.join('\n');
    expect(text).toMatch(/apps\/weu-prod\/teams\/bomb\.yaml:2:\d+ expands its YAML aliases/);
    expect(text).not.toMatch(/ReferenceError|\n\s+at /);
    expect(snapshotTree(repo.root)).toEqual(before);
  });
});
