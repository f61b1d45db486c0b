// The vendored schema data is byte-for-byte upstream: each file's size and git blob id must match
// the table in its folder's SOURCES.md (which records the upstream blob ids).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CRD_SCHEMAS_DIR, K8S_SCHEMAS_DIR } from './schema-version.js';

const gitBlobId = (bytes: Buffer): string => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** Table rows "| file | ... | bytes | blob |" from SOURCES.md. */
function recorded(dir: string): Map<string, { bytes: number; blob: string }> {
  const rows = new Map<string, { bytes: number; blob: string }>();
  for (const line of readFileSync(join(dir, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/\*|`/g, ''));
    const file = cells.find((c) => /\.(json|yaml)$/.test(c));
    const blob = cells.find((c) => /^[0-9a-f]{40}$/.test(c));
    const bytes = cells.find((c) => /^\d+$/.test(c));
    if (file && blob && bytes) rows.set(file, { bytes: Number(bytes), blob });
  }
  return rows;
}

describe.each([
  ['k8s/v1.32', join(K8S_SCHEMAS_DIR, 'v1.32'), ['LICENSE.txt']],
  ['crds', CRD_SCHEMAS_DIR, ['LICENSE.calico.txt', 'LICENSE.flux.txt']],
])('schemas/%s', (_name, dir, licences) => {
  const rows = recorded(dir);
  const dataFiles = readdirSync(dir).filter((f) => /\.(json|yaml)$/.test(f));

  it('every data file is listed in SOURCES.md and nothing listed is missing', () => {
    expect(dataFiles.sort()).toEqual([...rows.keys()].sort());
  });

  it.each(dataFiles)('%s matches its recorded size and git blob id', (file) => {
    const bytes = readFileSync(join(dir, file));
    expect({ bytes: bytes.length, blob: gitBlobId(bytes) }).toEqual(rows.get(file));
  });

  it('keeps its licence files and a provenance line', () => {
    for (const l of licences) expect(existsSync(join(dir, l)), l).toBe(true);
    expect(readFileSync(join(dir, 'SOURCES.md'), 'utf8').split('\n')[0]).toMatch(/copied byte for byte from the kit's shared reference folder/i);
  });
});
