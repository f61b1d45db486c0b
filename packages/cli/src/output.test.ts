import { describe, expect, it } from 'vitest';
import { WriteFailedError, WriteRefusedError } from '@aks-hybrid/gitops';
import { SpecError } from '@aks-hybrid/spec';
import { reportError } from './output.js';

/** The CLI's one error boundary: messages with the README's exit codes; stacks only with --debug. */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

describe('reportError', () => {
  it.each([
    ['a spec error', new SpecError([]), 1, /^The spec has 0 problems; nothing was written/],
    ['a refused write', new WriteRefusedError('gitops/clusters/x/teams is a symbolic link'), 1, /^gitops\/clusters\/x\/teams is a symbolic link$/],
    ['a failed write', new WriteFailedError('cannot write gitops/.kit: permission denied (EACCES)'), 2, /^cannot write gitops\/.kit/],
    [
      'a file system error',
      errno('EACCES', 'open', '/repo/apps/x/platform.yaml'),
      2,
      /^cannot open \/repo\/apps\/x\/platform.yaml: permission denied \(EACCES\)\. Fix that and run again/,
    ],
    ['an unexpected error', new TypeError('x is undefined'), 2, /^kit: x is undefined\n\(an unexpected error: run again with --debug for the stack trace/],
  ])('GIVEN %s WHEN reported THEN a message without a stack trace and the exit code %s', (_name, error, exitCode, message) => {
    const report = reportError(error, false);
    expect(report.exitCode).toBe(exitCode);
    expect(report.message).toMatch(message);
    expect(report.message).not.toMatch(STACK_LINE);
  });

  it('GIVEN --debug WHEN reported THEN the stack trace follows the message', () => {
    expect(reportError(new TypeError('x is undefined'), true).message).toMatch(STACK_LINE);
    expect(reportError(errno('ENOSPC', 'write', '/repo/x'), true).message).toMatch(STACK_LINE);
  });
});
