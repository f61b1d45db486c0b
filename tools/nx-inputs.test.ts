import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Nx serves a cached render only when none of its inputs changed, so every file a cluster's targets
 * read must be an input. Nx itself resolves the inputs here (`nx show target inputs`, the list its task
 * hash is computed from): a file on that list changes the hash, a file off it does not.
 */
const ROOT = join(import.meta.dirname, '..');
const CLUSTER = 'neu-prod';
const SIBLING = 'weu-prod'; // same metadata.service: neu-prod's SLA report shows it in the fleet view
const TARGETS = ['render', 'sla', 'validate'] as const;
const inputs = new Map<string, Set<string>>();

const gitFiles = (dir: string) =>
  execFileSync('git', ['ls-files', '-co', '--exclude-standard', '--', dir], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && existsSync(join(ROOT, f))); // tracked but deleted in the working tree: not read

/** What the kit reads at run time: everything in its packages except docs, build and test configuration. */
// api/*.api.md: the API reports (decision 0014), read by reviewers and `pnpm api:check`, never by a render.
const NOT_READ_AT_RUN_TIME = /(^|\/)(README\.md|CHANGELOG\.md|vitest\.config\.ts|tsconfig[^/]*\.json)$|^packages\/[^/]+\/(test|scripts|api)\//;

beforeAll(async () => {
  const run = promisify(execFile);
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_INTERACTIVE: 'false', NO_COLOR: '1' };
  await Promise.all(
    TARGETS.map(async (target) => {
      const { stdout } = await run(
        process.execPath,
        [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'target', 'inputs', `${CLUSTER}:${target}`, '--json'],
        {
          cwd: ROOT,
          env,
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      inputs.set(target, new Set((JSON.parse(stdout) as { files: string[] }).files));
    }),
  );
}, 300_000);

describe.each(TARGETS)(`${CLUSTER}:%s cache inputs`, (target) => {
  it(`GIVEN a change to the sibling ${SIBLING}'s spec WHEN hashed THEN the change is an input (the cache is not served)`, () => {
    const sibling = gitFiles(`apps/${SIBLING}`).filter((f) => f.endsWith('.yaml'));
    expect(sibling).toContain(`apps/${SIBLING}/platform.yaml`);
    expect(sibling.some((f) => f.startsWith(`apps/${SIBLING}/teams/`))).toBe(true);
    expect(sibling.filter((f) => !inputs.get(target)!.has(f))).toEqual([]);
  });

  it('GIVEN its own spec WHEN hashed THEN every file is an input', () => {
    expect(gitFiles(`apps/${CLUSTER}`).filter((f) => !inputs.get(target)!.has(f))).toEqual([]);
  });

  it("GIVEN the kit's own packages (any package folder, new ones too) WHEN hashed THEN every file read at run time is an input", () => {
    const kit = gitFiles('packages').filter((f) => !NOT_READ_AT_RUN_TIME.test(f));
    expect(kit).toContain('packages/cli/bin/kit.mjs');
    expect(kit.filter((f) => !inputs.get(target)!.has(f))).toEqual([]);
  });

  it('GIVEN files no target reads WHEN hashed THEN they are not inputs (a README edit keeps the cache)', () => {
    expect(inputs.get(target)!.has('README.md')).toBe(false);
    expect(inputs.get(target)!.has('packages/gitops/README.md')).toBe(false);
  });
});
