import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { exampleSpec, repoRoot, withTeamException } from './testing/policy-gate.js';
import { validateRenderedReport } from './validate-rendered.js';

function committedFiles(cluster: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(path.relative(repoRoot, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(repoRoot, 'gitops/clusters', cluster));
  walk(path.join(repoRoot, 'gitops/azure', cluster));
  // The shared landing-zone template the cluster's main.bicepparam uses, once there is one.
  if (existsSync(path.join(repoRoot, 'gitops/azure/landing-zone'))) walk(path.join(repoRoot, 'gitops/azure/landing-zone'));
  return files;
}

const DEPLOYMENT = 'gitops/clusters/weu-prod/teams/dev/workload-storefront.yaml';

describe('validateRenderedReport', () => {
  it('GIVEN the committed weu-prod tree as text THEN no findings, and every kind is schema-validated (the 1.35 OpenAPI has admissionregistration.k8s.io/v1)', async () => {
    const report = await validateRenderedReport(committedFiles('weu-prod'), exampleSpec());
    expect(report.findings).toEqual([]);
    expect(report.exceptions).toEqual([]);
    expect(report.notes.filter((n) => n.startsWith('not schema-validated'))).toEqual([]);
  });

  it('GIVEN a ValidatingAdmissionPolicy with a misspelt field THEN the schema check reports it (it used to be skipped)', async () => {
    const files = committedFiles('weu-prod');
    const admission = 'gitops/clusters/weu-prod/infrastructure/admission-policies.yaml';
    files.set(admission, files.get(admission)!.replace('failurePolicy: Fail', 'failurePolicyy: Fail'));
    const report = await validateRenderedReport(files, exampleSpec());
    expect(report.findings.some((f) => f.file === admission && /failurePolicyy/.test(f.message))).toBe(true);
  });

  it('GIVEN a hand edit to a public image in the YAML THEN the gate reports it; WITH a spec exception THEN it passes and the reason is in the report', async () => {
    const files = committedFiles('weu-prod');
    files.set(DEPLOYMENT, files.get(DEPLOYMENT)!.replace('image: acrcontosoweuprod.azurecr.io/dev/storefront:2.14.1', 'image: docker.io/library/nginx:1.27'));
    const failing = await validateRenderedReport(files, exampleSpec());
    expect(failing.findings.map((f) => `${f.rule} ${f.object} ${f.file}`)).toEqual([`KIT-IMG-001 Deployment dev/storefront ${DEPLOYMENT}`]);

    // The exception changes the admission policies as a render would; the tree must carry them.
    const spec = withTeamException(exampleSpec(), 'dev', 'KIT-IMG-001', 'Deployment/storefront', 'Migrating off Docker Hub by the end of the quarter');
    const { admissionPolicyObjects } = await import('@aks-hybrid/policy');
    const admission = 'gitops/clusters/weu-prod/infrastructure/admission-policies.yaml';
    files.set(
      admission,
      admissionPolicyObjects(spec)
        .map((o) => stringify(o))
        .join('---\n'),
    );
    const passing = await validateRenderedReport(files, spec);
    expect(passing.findings).toEqual([]);
    expect(passing.exceptions).toEqual([
      {
        rule: 'KIT-IMG-001',
        object: 'Deployment dev/storefront',
        reason: 'Migrating off Docker Hub by the end of the quarter',
        file: 'apps/weu-prod/teams/dev.yaml',
      },
    ]);
  });

  it('GIVEN objects passed in THEN the same findings come out as from the text', async () => {
    const files = committedFiles('weu-prod');
    const { parseAllDocuments } = await import('yaml');
    const objects = new Map<string, unknown[]>();
    for (const [file, content] of files)
      if (file.endsWith('.yaml') && !file.endsWith('kustomization.yaml'))
        objects.set(
          file,
          parseAllDocuments(content)
            .map((d) => d.toJS())
            .filter((o) => o !== null),
        );
    const spec = withTeamException(exampleSpec(), 'dev', 'KIT-IMG-001', 'Deployment/storefront');
    const fromText = await validateRenderedReport(files, spec);
    const fromObjects = await validateRenderedReport(files, spec, { objects });
    expect(fromObjects.findings).toEqual(fromText.findings.map(({ line: _line, ...f }) => f));
    expect(fromText.findings.map((f) => f.rule)).toEqual(['policy-exception', 'KIT-ADM-001']);
  });
});
