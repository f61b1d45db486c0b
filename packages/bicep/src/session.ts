import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { fromRpcDiagnostic, type BicepDiagnostic, type RpcDiagnostic } from './diagnostics.js';
import { BicepRunError } from './errors.js';
import type { BicepLocation } from './locate.js';
import { DEFAULT_BICEP_TIMEOUT_MS, requireBicep } from './run.js';

// The Bicep CLI's JSON-RPC protocol (`bicep jsonrpc --stdio`), stable since Bicep 0.29:
// https://github.com/Azure/bicep/blob/main/src/Bicep.Cli/Rpc/ICliJsonRpcProtocol.cs
interface CompileResponse {
  readonly success: boolean;
  readonly diagnostics: readonly RpcDiagnostic[];
  readonly contents?: string | null;
}
interface CompileParamsResponse {
  readonly success: boolean;
  readonly diagnostics: readonly RpcDiagnostic[];
  readonly parameters?: string | null;
  readonly template?: string | null;
}
interface GetSnapshotResponse {
  readonly snapshot: string;
}

/** What `bicep snapshot` needs to know about the deployment scope; unset fields take the CLI's placeholders. */
export interface SnapshotMetadata {
  readonly tenantId?: string;
  readonly subscriptionId?: string;
  readonly managementGroupId?: string;
  readonly resourceGroup?: string;
  readonly location?: string;
  readonly deploymentName?: string;
}

export interface BuildParamsResult {
  /** Parameter name -> value (the `value` of each entry of the parameters file; Key Vault references stay as they are). */
  readonly parameters: Record<string, unknown>;
  /** The compiled ARM template of the file the .bicepparam is `using`; undefined when it did not compile. */
  readonly template: unknown;
  readonly diagnostics: BicepDiagnostic[];
}

export interface SnapshotResult {
  /** The resources a deployment of these parameters would create, with their properties. */
  readonly predictedResources: unknown[];
  readonly outputs: Record<string, unknown>;
  readonly diagnostics: BicepDiagnostic[];
}

export interface BicepSessionOptions {
  readonly location?: BicepLocation;
  readonly env?: NodeJS.ProcessEnv;
  /** Per request. @default 120_000 */
  readonly timeoutMs?: number;
}

/**
 * One long-lived `bicep jsonrpc --stdio` process that compiles many files: the CLI's .NET start-up (about 4 s here)
 * is paid once instead of once per file (docs/decisions/0008-bicep-compiler-in-the-loop.md). The process keeps the
 * Node event loop alive only while a request is in flight, so an unclosed session never holds a command open.
 */
export class BicepSession {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly connection: MessageConnection;
  private readonly timeoutMs: number;
  private inFlight = 0;
  private exited: Error | undefined;
  /** Rejects when the process ends, so that no request waits for an answer that cannot come. */
  private readonly ended: Promise<never>;
  private stderr = '';

  constructor(options: BicepSessionOptions = {}) {
    const location = options.location ?? requireBicep(options.env);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_BICEP_TIMEOUT_MS;
    this.child = spawn(location.path, ['jsonrpc', '--stdio'], { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    this.ended = new Promise<never>((_, reject) => {
      this.child.on('error', (error) => {
        this.exited ??= new BicepRunError(`could not start ${location.path} (${location.source}): ${error.message}`);
        reject(this.exited);
      });
      this.child.on('exit', (code, signal) => {
        this.exited ??= new BicepRunError(`bicep jsonrpc exited (${signal ?? code})${this.stderr ? `: ${this.stderr.trim()}` : ''}`);
        this.connection.dispose();
        reject(this.exited);
      });
    });
    this.ended.catch(() => undefined);
    // Writing to a CLI that has just exited fails with EPIPE; the exit above already reports why.
    this.child.stdin.on('error', () => undefined);
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.listen();
    this.setHoldsEventLoop(false);
  }

  /** The CLI's version, e.g. "0.49.2". */
  async version(): Promise<string> {
    return (await this.request<{ version: string }>('bicep/version', {})).version;
  }

  /** `bicep build-params`: the parameters and the compiled template of a .bicepparam file. */
  async buildParams(paramFile: string): Promise<BuildParamsResult> {
    const answer = await this.request<CompileParamsResponse>('bicep/compileParams', { path: paramFile, parameterOverrides: {} });
    return {
      parameters: answer.parameters ? parameterValues(JSON.parse(answer.parameters)) : {},
      template: answer.template ? JSON.parse(answer.template) : undefined,
      diagnostics: answer.diagnostics.map(fromRpcDiagnostic),
    };
  }

  /** `bicep lint` (and compile): every compiler and linter diagnostic of a .bicep file and the modules it uses. */
  async lint(file: string): Promise<BicepDiagnostic[]> {
    const answer = await this.request<CompileResponse>('bicep/compile', { path: file });
    return answer.diagnostics.map(fromRpcDiagnostic);
  }

  /** `bicep snapshot`: the resources a deployment of a .bicepparam file would create; nothing is written to disk. */
  async snapshot(paramFile: string, metadata: SnapshotMetadata = {}): Promise<SnapshotResult> {
    // A snapshot of parameters that do not compile is meaningless: report the compiler's diagnostics instead.
    const compiled = await this.request<CompileParamsResponse>('bicep/compileParams', { path: paramFile, parameterOverrides: {} });
    const diagnostics = compiled.diagnostics.map(fromRpcDiagnostic);
    if (!compiled.success) return { predictedResources: [], outputs: {}, diagnostics };
    const answer = await this.request<GetSnapshotResponse>('bicep/getSnapshot', { path: paramFile, metadata, externalInputs: null });
    const snapshot = JSON.parse(answer.snapshot) as { predictedResources?: unknown[]; outputs?: Record<string, unknown>; diagnostics?: unknown[] };
    return {
      predictedResources: snapshot.predictedResources ?? [],
      outputs: snapshot.outputs ?? {},
      diagnostics: [...diagnostics, ...(snapshot.diagnostics ?? []).map((entry) => snapshotDiagnostic(paramFile, entry))],
    };
  }

  /** False once the process has ended or the session was closed. */
  isAlive(): boolean {
    return this.exited === undefined;
  }

  /** Ends the CLI process. */
  close(): void {
    this.exited ??= new BicepRunError('the Bicep session was closed');
    this.connection.dispose();
    // Let a write in flight reach the pipe before the process goes: killing first would fail that write.
    if (this.child.stdin.writable) this.child.stdin.end(() => this.child.kill());
    else this.child.kill();
  }

  private async request<T>(method: string, params: object): Promise<T> {
    if (this.exited) throw this.exited;
    this.inFlight += 1;
    if (this.inFlight === 1) this.setHoldsEventLoop(true);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          // A hung CLI would hold every later request: end it; the shared session restarts on next use.
          reject(new BicepRunError(`${method} did not answer within ${this.timeoutMs} ms`));
          this.close();
        }, this.timeoutMs);
      });
      return await Promise.race([this.connection.sendRequest<T>(method, params), timeout, this.ended]);
    } catch (error) {
      if (error instanceof BicepRunError) throw error;
      throw new BicepRunError(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
      this.inFlight -= 1;
      if (this.inFlight === 0) this.setHoldsEventLoop(false);
    }
  }

  private setHoldsEventLoop(holds: boolean): void {
    for (const handle of [this.child, this.child.stdout, this.child.stderr, this.child.stdin] as { ref?(): void; unref?(): void }[]) {
      if (holds) handle.ref?.();
      else handle.unref?.();
    }
  }
}

function parameterValues(parametersFile: { parameters?: Record<string, { value?: unknown }> }): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(parametersFile.parameters ?? {})) values[name] = entry && 'value' in entry ? entry.value : entry;
  return values;
}

function snapshotDiagnostic(file: string, entry: unknown): BicepDiagnostic {
  const message = typeof entry === 'string' ? entry : JSON.stringify(entry);
  return { file, line: 1, column: 1, level: 'Warning', code: 'snapshot', message };
}
