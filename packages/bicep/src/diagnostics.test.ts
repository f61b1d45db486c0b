import { describe, expect, it } from 'vitest';
import { formatDiagnostic, fromRpcDiagnostic, parseDiagnostics } from './diagnostics.js';

describe('parseDiagnostics', () => {
  it('reads compiler and linter lines of the CLI, with or without the help link', () => {
    const stderr = [
      '/repo/modules/fixed-ips.bicep(117,80) : Warning BCP318: The value of type "Microsoft.Network/publicIPAddresses | null" may be null. [https://aka.ms/bicep/core-diagnostics#BCP318]',
      "/repo/main.bicep(266,30) : Error what-if-short-circuiting: Parameter 'x' is used as a condition (a: b).",
      'C:\\repo (1)\\main.bicep(3,1) : Info no-unused-vars: Variable "y" is declared but never used.',
    ].join('\n');
    expect(parseDiagnostics(stderr)).toEqual([
      {
        file: '/repo/modules/fixed-ips.bicep',
        line: 117,
        column: 80,
        level: 'Warning',
        code: 'BCP318',
        message: 'The value of type "Microsoft.Network/publicIPAddresses | null" may be null.',
      },
      {
        file: '/repo/main.bicep',
        line: 266,
        column: 30,
        level: 'Error',
        code: 'what-if-short-circuiting',
        message: "Parameter 'x' is used as a condition (a: b).",
      },
      { file: 'C:\\repo (1)\\main.bicep', line: 3, column: 1, level: 'Info', code: 'no-unused-vars', message: 'Variable "y" is declared but never used.' },
    ]);
  });

  it('ignores what is not a diagnostic', () => {
    expect(parseDiagnostics('Bicep CLI version 0.49.2 (b34271ac51)\n\nUnhandled exception. System.IO.IOException\n')).toEqual([]);
  });

  it('round-trips through formatDiagnostic', () => {
    const line = '/repo/main.bicep(1,2) : Error BCP033: Expected a value of type "int" but the provided value is of type "\'a\'".';
    expect(parseDiagnostics(line).map(formatDiagnostic)).toEqual([line]);
  });
});

describe('fromRpcDiagnostic', () => {
  it('turns the 0-based JSON-RPC range into the 1-based position the CLI prints', () => {
    expect(
      fromRpcDiagnostic({ source: '/repo/main.bicep', range: { start: { line: 116, char: 79 } }, level: 'Warning', code: 'BCP318', message: 'm' }),
    ).toEqual({
      file: '/repo/main.bicep',
      line: 117,
      column: 80,
      level: 'Warning',
      code: 'BCP318',
      message: 'm',
    });
  });
});
