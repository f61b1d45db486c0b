import { describe, expect, inject, it } from 'vitest';
import { deployed } from './testing/deployed.js';
import { VARIANTS, type VariantName } from './testing/example.js';

describe('the landing-zone template under the real Bicep compiler', () => {
  it('GIVEN the shipped template WHEN linted under its bicepconfig.json THEN there is no error, warning or info', () => {
    expect(inject('templateLint').shipped).toEqual([]);
  });

  it('GIVEN a type error planted in the template WHEN linted THEN the compiler reports it with its BCP code, file and line', () => {
    const typeError = inject('templateLint').planted.find((d) => d.code === 'BCP036');
    expect(typeError).toMatchObject({ file: 'main.bicep', level: 'Error' });
    expect(typeError!.line).toBeGreaterThan(1);
    expect(typeError!.message).toContain('kubernetesVersion');
  });

  it.each(Object.keys(VARIANTS) as VariantName[])(
    'GIVEN variant %s WHEN its main.bicepparam is compiled against the template THEN the compiler reports nothing',
    (name) => {
      expect(deployed(name).diagnostics).toEqual([]);
      expect(deployed(name).template.resources.length).toBeGreaterThan(20);
    },
  );
});
