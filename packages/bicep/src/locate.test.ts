import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { locateBicep, pinnedBicepPath } from './locate.js';
import { BICEP_TOOLS_PROJECT } from './version.js';

const scratch = mkdtempSync(join(tmpdir(), 'kit-locate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function executable(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

// GIVEN one candidate in every place the kit looks
const repo = join(scratch, 'repo');
mkdirSync(join(repo, dirname(BICEP_TOOLS_PROJECT)), { recursive: true });
writeFileSync(join(repo, BICEP_TOOLS_PROJECT), '<Project />');
const pinned = executable(pinnedBicepPath(repo));
const onPath = executable(join(scratch, 'bin', 'bicep'));
const home = join(scratch, 'home');
const az = executable(join(home, '.azure', 'bin', 'bicep'));
const explicit = executable(join(scratch, 'custom', 'my-bicep'));
const nowhere = join(scratch, 'empty');
mkdirSync(nowhere);
const inRepo = { searchFrom: [join(repo, 'apps')] };
const outsideRepo = { searchFrom: [nowhere] };

describe('locateBicep', () => {
  it('takes KIT_BICEP first', () => {
    expect(locateBicep({ KIT_BICEP: explicit, PATH: join(scratch, 'bin'), HOME: home }, inRepo)).toEqual({ path: explicit, source: 'KIT_BICEP' });
  });

  it('then the pinned copy of the repository it runs in', () => {
    expect(locateBicep({ PATH: join(scratch, 'bin'), HOME: home }, inRepo)).toEqual({ path: pinned, source: 'pinned' });
  });

  it('then bicep on PATH', () => {
    expect(locateBicep({ PATH: `${nowhere}:${join(scratch, 'bin')}`, HOME: home }, outsideRepo)).toEqual({ path: onPath, source: 'PATH' });
  });

  it('then ~/.azure/bin/bicep, where az bicep install puts it', () => {
    expect(locateBicep({ PATH: nowhere, HOME: home }, outsideRepo)).toEqual({ path: az, source: 'az' });
  });

  it('finds nothing when there is nothing', () => {
    expect(locateBicep({ PATH: nowhere, HOME: nowhere }, outsideRepo)).toBeUndefined();
  });

  it('does not fall back to another CLI when KIT_BICEP names no executable', () => {
    expect(locateBicep({ KIT_BICEP: join(scratch, 'missing'), PATH: join(scratch, 'bin'), HOME: home }, inRepo)).toBeUndefined();
    writeFileSync(join(scratch, 'not-executable'), '');
    expect(locateBicep({ KIT_BICEP: join(scratch, 'not-executable') }, inRepo)).toBeUndefined();
  });

  it('ignores a pinned path that was restored but is not executable', () => {
    chmodSync(pinned, 0o644);
    try {
      expect(locateBicep({ PATH: join(scratch, 'bin'), HOME: home }, inRepo)?.source).toBe('PATH');
    } finally {
      chmodSync(pinned, 0o755);
    }
  });
});
