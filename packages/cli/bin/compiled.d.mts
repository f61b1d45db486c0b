/** Types of compiled.mjs (the runtime loader of the workspace's TypeScript entry points). */
export function hashInputs(root: string, inputs: readonly string[]): string;
export function staleReason(entry: string, name: string): string | undefined;
export function ensureCompiled(entry: string, name: string): Promise<string>;
export function importCompiled(entry: string, name: string): Promise<Record<string, unknown>>;
