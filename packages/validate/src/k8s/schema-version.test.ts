import { describe, expect, it } from 'vitest';
import { chooseSchemaVersion, listVendoredVersions } from './schema-version.js';

describe('chooseSchemaVersion', () => {
  const sets = ['1.30', '1.32'];

  it('exact minor, with or without v and patch', () => {
    expect(chooseSchemaVersion(sets, '1.32')).toEqual({ schemaVersion: '1.32' });
    expect(chooseSchemaVersion(sets, 'v1.30.7')).toEqual({ schemaVersion: '1.30' });
  });

  it('defaults to the newest set', () => {
    expect(chooseSchemaVersion(sets)).toEqual({ schemaVersion: '1.32' });
  });

  it('a newer cluster uses the newest set, with a note', () => {
    const c = chooseSchemaVersion(sets, '1.35.0');
    expect(c.schemaVersion).toBe('1.32');
    expect(c.note).toMatch(/1\.35 is newer than the newest vendored schema set; validating against 1\.32/);
  });

  it('a gap between sets uses the older set, with a note', () => {
    expect(chooseSchemaVersion(sets, '1.31')).toMatchObject({ schemaVersion: '1.30', note: expect.stringContaining('1.31') });
  });

  it('an older cluster or an unreadable version is an error', () => {
    expect(() => chooseSchemaVersion(sets, '1.29')).toThrow(/1\.29 is older than every vendored schema set \(1\.30, 1\.32\)/);
    expect(() => chooseSchemaVersion(sets, 'latest')).toThrow(/Cannot read Kubernetes version "latest"/);
    expect(() => chooseSchemaVersion([], '1.32')).toThrow(/No vendored Kubernetes schema sets/);
  });

  it('compares minors numerically, not as text', () => {
    expect(chooseSchemaVersion(['1.9', '1.10'], '1.11').schemaVersion).toBe('1.10');
  });

  it('finds the vendored 1.32 set', () => {
    expect(listVendoredVersions()).toContain('1.32');
  });
});
