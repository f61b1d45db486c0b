import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validObject, validObjects, type Manifest } from '../testing/k8s/fixtures.js';
import { createK8sAjv } from './ajv-instance.js';
import { KindRegistry } from './kind-registry.js';
import { openPrecompiledStore, precompiledKey } from './precompiled.js';
import { CRD_SCHEMAS_DIR, K8S_SCHEMAS_DIR } from './schema-version.js';
import { createSchemaValidator } from './validator.js';

const tmp = mkdtempSync(join(tmpdir(), 'kit-precompiled-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Valid fixtures and broken copies that exercise every custom keyword and format. */
function cases(): Manifest[] {
  const broken: Manifest[] = [];
  const d = validObject('apps/v1', 'Deployment', 'api');
  d.spec.replicas = 2.5;
  d.spec.template.spec.containers[0].ports[0].containerPort = 2 ** 31; // int32 format
  d.spec.strategy.rollingUpdate = { maxSurge: { percent: 25 } }; // int-or-string
  d.spec.template.spec.containers[0].env = [
    { name: 'A', value: '1' },
    { name: 'A', value: '2' },
  ]; // list-type map
  d.spec.template.spec.nodeName = 7;
  d.spec.unknownField = true;
  broken.push(d);
  const gnp = validObject('projectcalico.org/v3', 'GlobalNetworkPolicy', 'allow-onprem');
  gnp.spec.egress[1].http = { methods: ['GET'] }; // CEL rule on a UDP rule
  gnp.spec.preDNAT = true;
  broken.push(gnp);
  const k = validObject('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'team-payments');
  k.spec.kubeConfig = { secretRef: { name: 'a' }, configMapRef: { name: 'b' } };
  k.metadata.lables = { a: 'b' };
  broken.push(k);
  return [...validObjects().values(), ...broken];
}

describe('precompiled validators', () => {
  it('GIVEN validators stored by one run THEN the next run loads them and reports exactly what compiled ones report', () => {
    const reference = createSchemaValidator({ kubernetesVersion: '1.35', precompiled: false });
    const previous = process.env.KIT_VALIDATOR_CACHE;
    process.env.KIT_VALIDATOR_CACHE = join(tmp, 'cache');
    try {
      const first = createSchemaValidator({ kubernetesVersion: '1.35' });
      for (const o of cases()) first.validateObject(o, { file: 'x.yaml' });
      expect(first.compileStats().some((s) => s.precompiled)).toBe(false);

      const second = createSchemaValidator({ kubernetesVersion: '1.35' });
      let problems = 0;
      for (const o of cases()) {
        const expected = reference.validateObject(o, { file: 'x.yaml' });
        problems += expected.length;
        expect(second.validateObject(o, { file: 'x.yaml' }), `${o.kind} ${o.metadata.name}`).toEqual(expected);
      }
      expect(problems).toBeGreaterThanOrEqual(8);
      expect(second.compileStats().length).toBeGreaterThan(5);
      expect(second.compileStats().every((s) => s.precompiled)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.KIT_VALIDATOR_CACHE;
      else process.env.KIT_VALIDATOR_CACHE = previous;
    }
  });

  it('GIVEN a changed input (a vendored CRD) THEN the key changes and the stored validators are not used', () => {
    const builtin = join(tmp, 'k8s');
    const crds = join(tmp, 'crds');
    cpSync(join(K8S_SCHEMAS_DIR, 'v1.35'), builtin, { recursive: true });
    cpSync(CRD_SCHEMAS_DIR, crds, { recursive: true });
    const root = join(tmp, 'stale');
    const before = precompiledKey(builtin, crds);
    const store = openPrecompiledStore('1.35', builtin, crds, root)!;
    const registry = new KindRegistry(createK8sAjv(), '1.35', builtin, crds, store);
    expect(registry.lookup('kustomize.toolkit.fluxcd.io/v1', 'Kustomization').found).toBe(true);
    expect(store.get('kustomize.toolkit.fluxcd.io/v1', 'Kustomization')).toBeDefined();

    const file = join(crds, 'kustomize.toolkit.fluxcd.io_kustomizations.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('description:', 'description: '));
    expect(precompiledKey(builtin, crds)).not.toBe(before);
    const fresh = openPrecompiledStore('1.35', builtin, crds, root)!;
    expect(fresh.dir).not.toBe(store.dir);
    expect(fresh.get('kustomize.toolkit.fluxcd.io/v1', 'Kustomization')).toBeUndefined();
  });

  it('GIVEN a damaged stored file THEN the kind is compiled again and the file rewritten', () => {
    const root = join(tmp, 'damaged');
    const builtin = join(K8S_SCHEMAS_DIR, 'v1.35');
    const store = openPrecompiledStore('1.35', builtin, CRD_SCHEMAS_DIR, root)!;
    new KindRegistry(createK8sAjv(), '1.35', builtin, CRD_SCHEMAS_DIR, store).lookup('v1', 'Namespace');
    const [file] = readdirSync(store.dir);
    writeFileSync(join(store.dir, file!), 'this is not javascript {');
    expect(store.get('v1', 'Namespace')).toBeUndefined();
    const again = new KindRegistry(createK8sAjv(), '1.35', builtin, CRD_SCHEMAS_DIR, store);
    expect(again.lookup('v1', 'Namespace').found).toBe(true);
    expect(again.compileStats()[0]!.precompiled).toBeUndefined();
    expect(store.get('v1', 'Namespace')).toBeDefined();
  });
});
