import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/example.js';
import { jsonSchemas } from './json-schemas.js';

describe('published JSON Schemas', () => {
  it('are current: the committed files equal what the TypeBox definitions generate', () => {
    for (const [name, content] of Object.entries(jsonSchemas())) {
      expect(readFileSync(join(REPO_ROOT, 'packages/spec/schemas', name), 'utf8'), `${name} is stale: run pnpm kit schemas`).toBe(content);
    }
  });

  it('are what the example files point editors at, and accept them', () => {
    const ajv = new Ajv({ strict: false });
    const platform = readFileSync(join(REPO_ROOT, 'apps/weu-prod/platform.yaml'), 'utf8');
    const team = readFileSync(join(REPO_ROOT, 'apps/weu-prod/teams/dev.yaml'), 'utf8');
    expect(platform).toContain('# yaml-language-server: $schema=../../packages/spec/schemas/platform.schema.json');
    expect(team).toContain('# yaml-language-server: $schema=../../../packages/spec/schemas/team.schema.json');
    const schemas = jsonSchemas();
    const validatePlatform = ajv.compile(JSON.parse(schemas['platform.schema.json']!));
    const validateTeam = ajv.compile(JSON.parse(schemas['team.schema.json']!));
    expect(validatePlatform(parse(platform))).toBe(true);
    expect(validateTeam(parse(team))).toBe(true);
    expect(validateTeam({ ...parse(team), extra: 1 })).toBe(false);
  });
});
