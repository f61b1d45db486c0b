// Test helper for src/k8s/*.test.ts: loads the fixture manifests in this folder. Not shipped.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const FIXTURES_DIR = fileURLToPath(new URL('./', import.meta.url));

export type Manifest = Record<string, any>;

export function fixtureText(relative: string): string {
  return readFileSync(FIXTURES_DIR + relative, 'utf8');
}

export function fixtureFiles(folder: string): string[] {
  return readdirSync(FIXTURES_DIR + folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${folder}/${f}`);
}

/** Every object in the valid fixtures, keyed by "apiVersion kind name". */
export function validObjects(): Map<string, Manifest> {
  const out = new Map<string, Manifest>();
  for (const file of fixtureFiles('valid')) {
    for (const doc of parseAllDocuments(fixtureText(file))) {
      const o = doc.toJS() as Manifest | null;
      if (o) out.set(`${o.apiVersion} ${o.kind} ${o.metadata.name}`, o);
    }
  }
  return out;
}

/** A deep copy of one valid fixture object, to break by hand. */
export function validObject(apiVersion: string, kind: string, name: string): Manifest {
  const o = validObjects().get(`${apiVersion} ${kind} ${name}`);
  if (!o) throw new Error(`no fixture ${apiVersion} ${kind} ${name}`);
  return structuredClone(o);
}
