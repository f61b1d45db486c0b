import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '@aks-hybrid/spec';

export const SCHEMAS_DIR = 'packages/spec/schemas';

/** The published JSON Schemas are generated from the spec's TypeBox definitions: write or check them. */
export function schemasCommand(args: { root: string; check: boolean }, log: (line: string) => void): number {
  const stale: string[] = [];
  for (const [name, content] of Object.entries(jsonSchemas())) {
    const path = join(args.root, SCHEMAS_DIR, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    if (args.check) stale.push(`${SCHEMAS_DIR}/${name}`);
    else {
      mkdirSync(join(args.root, SCHEMAS_DIR), { recursive: true });
      writeFileSync(path, content);
      log(`wrote ${SCHEMAS_DIR}/${name}`);
    }
  }
  if (stale.length > 0) {
    log(`stale JSON Schemas (run \`pnpm kit schemas\`): ${stale.join(', ')}`);
    return 1;
  }
  if (args.check) log('JSON Schemas are up to date');
  return 0;
}
