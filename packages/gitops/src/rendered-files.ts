import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * How much rendered text a render keeps in memory before the rest goes to a temporary spill file: about
 * 700 teams of the bench's shape, far above a usual cluster, which never makes the file. Above it the
 * memory of a render stops growing with the size of the tree. Measured at 10,000 teams (peak RSS of render,
 * validate and write): everything in memory 811 MiB, 64 MiB kept 646-702, 32 MiB 603, 16 MiB 553, none
 * 522: V8 lets the heap grow to about twice what is live, so every MiB kept costs about two (decision 0013).
 */
export const IN_MEMORY_TEXT_BYTES = 16 * 2 ** 20;

/** Appends are gathered and written in chunks of about this size. */
const FLUSH_BYTES = 4 * 2 ** 20;

/** Where a spilled file's UTF-8 bytes are in the spill file. */
interface SpillRef {
  readonly offset: number;
  readonly length: number;
}

/**
 * The rendered files, path -> text, in the order they were set (or sorted by path). Text beyond
 * `inMemoryBytes` is appended to an anonymous temporary file and read back when asked for, so holding a
 * large tree costs a few bytes per file; a caller that reads the files one at a time (plan, write, hash)
 * never holds them all. Read-only to consumers: a `ReadonlyMap`.
 */
export class RenderedFiles implements ReadonlyMap<string, string> {
  #entries = new Map<string, string | SpillRef>();
  #inMemory = 0;
  #spill: SpillFile | undefined;

  constructor(readonly inMemoryBytes: number = IN_MEMORY_TEXT_BYTES) {}

  set(path: string, text: string): this {
    const previous = this.#entries.get(path);
    if (typeof previous === 'string') this.#inMemory -= previous.length;
    if (this.#inMemory + text.length <= this.inMemoryBytes) {
      this.#entries.set(path, text);
      this.#inMemory += text.length;
    } else {
      this.#spill ??= new SpillFile();
      this.#entries.set(path, this.#spill.append(text));
    }
    return this;
  }

  get(path: string): string | undefined {
    const entry = this.#entries.get(path);
    return entry === undefined || typeof entry === 'string' ? entry : this.#spill!.read(entry);
  }

  has(path: string): boolean {
    return this.#entries.has(path);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Whether any text went to the spill file (for tests and the bench). */
  get spilled(): boolean {
    return this.#spill !== undefined;
  }

  /** Puts the files in path order (code-unit order, as the render always did); the text is not read. */
  sortByPath(): this {
    this.#entries = new Map([...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return this;
  }

  keys(): MapIterator<string> {
    return this.#entries.keys();
  }

  *values(): MapIterator<string> {
    for (const path of this.#entries.keys()) yield this.get(path)!;
  }

  *entries(): MapIterator<[string, string]> {
    for (const path of this.#entries.keys()) yield [path, this.get(path)!];
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (text: string, path: string, map: ReadonlyMap<string, string>) => void, thisArg?: unknown): void {
    for (const [path, text] of this.entries()) callback.call(thisArg, text, path, this);
  }
}

interface OpenSpill {
  readonly fd: number;
  /** The folder still holding the file, where it could not be unlinked while open. */
  readonly dir?: string;
}

function closeSpill({ fd, dir }: OpenSpill): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Closes (and where it could not be unlinked at once, removes) a spill file nobody can read any more. */
const spillCleanup = new FinalizationRegistry<OpenSpill>((spill) => {
  leftovers.delete(spill);
  closeSpill(spill);
});
/** Spill files that could not be unlinked while open: removed at exit at the latest (finalizers do not run then). */
const leftovers = new Set<OpenSpill>();
let removeLeftoversAtExit = false;

/**
 * An append-only temporary file. It lives in a fresh private folder under the system's temporary
 * folder (`TMPDIR`; mkdtemp makes it 0700) and is unlinked as soon as it is open, so nothing is left
 * behind even if the process is killed; the descriptor is closed when the RenderedFiles holding it is
 * garbage. Where an open file cannot be unlinked (Windows), it is removed when closed, at exit at the latest.
 */
class SpillFile {
  readonly #fd: number;
  #pending: string[] = [];
  #pendingBytes = 0;
  #written = 0;

  constructor() {
    let dir: string;
    try {
      dir = mkdtempSync(join(tmpdir(), 'kit-render-'));
    } catch (error) {
      throw spillError(error);
    }
    const file = join(dir, 'spill');
    try {
      this.#fd = openSync(file, 'wx+', 0o600);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw spillError(error);
    }
    let spill: OpenSpill = { fd: this.#fd };
    try {
      unlinkSync(file);
      rmdirSync(dir);
    } catch {
      spill = { fd: this.#fd, dir };
      leftovers.add(spill);
      if (!removeLeftoversAtExit) {
        removeLeftoversAtExit = true;
        process.once('exit', () => leftovers.forEach(closeSpill));
      }
    }
    spillCleanup.register(this, spill);
  }

  append(text: string): SpillRef {
    const length = Buffer.byteLength(text);
    const ref = { offset: this.#written + this.#pendingBytes, length };
    this.#pending.push(text);
    this.#pendingBytes += length;
    if (this.#pendingBytes >= FLUSH_BYTES) this.#flush();
    return ref;
  }

  read(ref: SpillRef): string {
    if (ref.offset + ref.length > this.#written) this.#flush();
    const bytes = Buffer.allocUnsafe(ref.length);
    for (let done = 0; done < ref.length; ) {
      const n = readSync(this.#fd, bytes, done, ref.length - done, ref.offset + done);
      if (n === 0) throw new Error(`the render's temporary spill file is shorter than what was written to it (${ref.offset + done} bytes)`);
      done += n;
    }
    return bytes.toString('utf8');
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    const bytes = Buffer.from(this.#pending.join(''), 'utf8');
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.#fd, bytes, done, bytes.length - done, this.#written + done);
    } catch (error) {
      throw spillError(error);
    }
    this.#written += bytes.length;
    this.#pending = [];
    this.#pendingBytes = 0;
  }
}

function spillError(error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(
    `a render this large keeps part of its text in a temporary file under ${tmpdir()}, and writing it failed (${reason}); ` +
      'free space there or point TMPDIR at a folder with room, and render again (nothing in the repository was changed)',
  );
}
