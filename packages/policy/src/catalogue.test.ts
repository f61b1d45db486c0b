import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_RULES } from './catalogue.js';
import { repoRoot } from './testing/example.js';

const docs = readFileSync(path.join(repoRoot, 'docs/policies.md'), 'utf8');

describe('the rule catalogue', () => {
  it('THEN IDs are unique and of the form KIT-<AREA>-<NNN>, which the spec schema accepts for exceptions', () => {
    const ids = POLICY_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^KIT-[A-Z]+-[0-9]{3}$/);
  });

  it('THEN every rule has a title, a fix hint, a rationale and what it applies to', () => {
    for (const r of POLICY_RULES) {
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(r.hint.length, r.id).toBeGreaterThan(10);
      expect(r.rationale.length, r.id).toBeGreaterThan(20);
      expect(r.kinds.length, r.id).toBeGreaterThan(0);
    }
  });

  it('THEN docs/policies.md lists every rule with its title, has a section for it, and names no other rule', () => {
    for (const r of POLICY_RULES) {
      expect(docs, r.id).toContain(`| [${r.id}](#${r.id.toLowerCase()}) | ${r.title} | ${r.severity} |`);
      expect(docs, r.id).toContain(`#### ${r.id}\n**${r.title}.**`);
    }
    const mentioned = new Set(docs.match(/KIT-[A-Z]+-[0-9]{3}/g));
    expect([...mentioned].sort()).toEqual(POLICY_RULES.map((r) => r.id).sort());
  });
});
