/** One diagnostic of the Bicep compiler or its linter; line and column are 1-based, as the CLI prints them. */
export interface BicepDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly level: 'Error' | 'Warning' | 'Info';
  /** A BCP code (`BCP318`) or a linter rule name (`no-unused-params`). */
  readonly code: string;
  readonly message: string;
}

// `path(line,col) : Level CODE: message [https://aka.ms/...]`, the CLI's default diagnostics format.
const DIAGNOSTIC_LINE = /^(.+)\((\d+),(\d+)\) : (Error|Warning|Info) ([^\s:]+): (.*?)(?: \[https?:\/\/[^\]\s]+\])?$/;

/** The diagnostics in the CLI's text output (stderr); other lines are ignored. */
export function parseDiagnostics(text: string): BicepDiagnostic[] {
  const found: BicepDiagnostic[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = DIAGNOSTIC_LINE.exec(line.trimEnd());
    if (match === null) continue;
    const [, file, row, column, level, code, message] = match;
    found.push({ file: file!, line: Number(row), column: Number(column), level: level as BicepDiagnostic['level'], code: code!, message: message! });
  }
  return found;
}

/** The shape of a diagnostic in Bicep's JSON-RPC answers (0-based range). */
export interface RpcDiagnostic {
  readonly source: string;
  readonly range: { readonly start: { readonly line: number; readonly char: number } };
  readonly level: string;
  readonly code: string;
  readonly message: string;
}

/** A JSON-RPC diagnostic in the CLI's terms: 1-based position; levels other than Error/Warning count as Info. */
export function fromRpcDiagnostic(diagnostic: RpcDiagnostic): BicepDiagnostic {
  const level = diagnostic.level === 'Error' || diagnostic.level === 'Warning' ? diagnostic.level : 'Info';
  return {
    file: diagnostic.source,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.char + 1,
    level,
    code: diagnostic.code,
    message: diagnostic.message,
  };
}

/** `file(line,col) : Level CODE: message`, the CLI's own format. */
export function formatDiagnostic(diagnostic: BicepDiagnostic): string {
  return `${diagnostic.file}(${diagnostic.line},${diagnostic.column}) : ${diagnostic.level} ${diagnostic.code}: ${diagnostic.message}`;
}
