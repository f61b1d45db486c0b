import type { Finding } from '@aks-hybrid/policy';

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

/** What the command line prints for an error that ended a command, and the exit code it means. */
export interface ErrorReport {
  readonly message: string;
  readonly exitCode: number;
}

const ERRNO_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EEXIST: 'something is already in the way',
  ENOTDIR: 'a file is where a folder should be',
  EISDIR: 'a folder is where a file should be',
  ENOTEMPTY: 'the folder is not empty',
  EPIPE: 'a helper process (such as the Bicep CLI) stopped reading',
};

/**
 * The one error boundary of the CLI: every error becomes a message (the kit's own errors carry their
 * file:line:column, field and hint; file system errors name the path), never a stack trace unless
 * --debug. Exit codes as the README says: 1 for problems found in the repository (a spec error, a
 * refused write), 2 for runtime errors.
 */
export function reportError(error: unknown, debug: boolean): ErrorReport {
  const e = error as (Error & { code?: unknown; syscall?: string; path?: string; exitCode?: unknown }) | undefined;
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (e?.name === 'SpecError') return { message: `${e.message}${stack}`, exitCode: 1 };
  if (typeof e?.exitCode === 'number') return { message: `${e.message}${stack}`, exitCode: e.exitCode };
  if (typeof e?.code === 'string' && e.syscall) {
    const reason = ERRNO_REASONS[e.code] ?? e.code;
    return {
      message: `cannot ${e.syscall}${e.path ? ` ${e.path}` : ''}: ${reason} (${e.code}). Fix that and run again (--debug shows where).${stack}`,
      exitCode: 2,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `kit: ${message}${stack || '\n(an unexpected error: run again with --debug for the stack trace, and report it if it persists)'}`,
    exitCode: 2,
  };
}
