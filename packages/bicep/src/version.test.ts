import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepositoryRoot } from './locate.js';
import { BICEP_NUGET_PACKAGE, BICEP_TOOLS_PROJECT, PINNED_BICEP_VERSION } from './version.js';

describe('the pinned Bicep version', () => {
  it('is the exact version the tools project restores', () => {
    const root = findRepositoryRoot(import.meta.dirname);
    expect(root).toBeDefined();
    const csproj = readFileSync(join(root!, BICEP_TOOLS_PROJECT), 'utf8');
    const pins = [...csproj.matchAll(/<PackageDownload Include="([^"]+)" Version="\[([^\]]+)\]"/g)].map((m) => [m[1], m[2]]);
    expect(pins).toEqual([[BICEP_NUGET_PACKAGE, PINNED_BICEP_VERSION]]);
  });
});
