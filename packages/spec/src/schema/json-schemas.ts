import { PlatformFile } from './platform.js';
import { TeamFile } from './team.js';

/**
 * The published JSON Schemas (packages/spec/schemas/*.json), referenced by the spec files for
 * yaml-language-server. Generated from the same TypeBox definitions the loader checks against.
 */
export function jsonSchemas(): Record<string, string> {
  const publish = (id: string, schema: object) => `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $id: id, ...schema }, null, 2)}\n`;
  return {
    'platform.schema.json': publish('https://aks-hybrid.dev/schemas/platform.schema.json', PlatformFile),
    'team.schema.json': publish('https://aks-hybrid.dev/schemas/team.schema.json', TeamFile),
  };
}
