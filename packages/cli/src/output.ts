import type { Finding } from '@aks-hybrid/validate';

/** One line per finding, grouped by file, so a reviewer can jump to each. */
export function formatFindings(findings: readonly Finding[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(file);
    for (const f of list) {
      const where = [f.object, f.path].filter(Boolean).join(' ');
      lines.push(`  [${f.rule}] ${where ? `${where}: ` : ''}${f.message}${f.hint ? ` (fix: ${f.hint})` : ''}`);
    }
  }
  return lines.join('\n');
}
