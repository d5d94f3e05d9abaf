// Reads one HTTP/1.1 answer (RFC 9112) from a connection's bytes as they arrive: the status line and headers, then
// the body as the head frames it (Content-Length, chunked transfer coding, or the connection's end). No I/O here;
// an answer that breaks the protocol throws a MalformedAnswer saying what was wrong.

export type Answer = {
  readonly status: number;
  /** Header values by lower-case name; a field sent more than once is joined with ", ". */
  headers: ReadonlyMap<string, string>;
  body: Buffer;
  /** The connection may carry the next request: HTTP/1.1 without `Connection: close`, body framed by its head. */
  reusable: boolean;
};

export class MalformedAnswer extends Error {
  override readonly name = 'MalformedAnswer';
  readonly code = 'EBADANSWER';
}

/** Longest head (status line and headers, or a chunked body's trailers) read before giving up on the answer. */
export const MAX_HEAD_BYTES = 64 * 1024;
/** Largest body read: far above any broker answer, low enough that a runaway server cannot exhaust memory. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

type Head = { status: number; headers: Map<string, string>; reusable: boolean };
type Phase = 'head' | 'length' | 'size' | 'data' | 'data-end' | 'trailers' | 'to-close' | 'done';

const EMPTY = Buffer.alloc(0);
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?: .*)?$/;
/** A header field's name (RFC 9110 section 5.1: a token). */
export const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/;
const quoted = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export class AnswerReader {
  private pending: Buffer = EMPTY;
  private phase: Phase = 'head';
  private head: Head | null = null;
  private headLines: string[] = [];
  private headBytes = 0;
  private parts: Buffer[] = [];
  private bodyBytes = 0;
  private left = 0;
  private answer: Answer | null = null;
  /** Some byte of the answer has arrived. */
  started = false;

  /** Takes the next bytes; answers the whole answer once it is complete, null while more are due. */
  push(bytes: Buffer): Answer | null {
    if (bytes.length === 0) return this.answer;
    this.started = true;
    if (this.phase === 'done') throw new MalformedAnswer('the server sent bytes after its answer');
    this.pending = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
    while (this.step());
    // More than the answer: it stands, but the connection's bytes can no longer be told apart.
    if (this.answer !== null && this.pending.length > 0) this.answer.reusable = false;
    return this.answer;
  }

  /** The connection has ended: answers the answer whose body ran to the end, else throws (it was cut off). */
  end(): Answer {
    if (this.phase === 'to-close') this.finish(false);
    if (this.answer === null) throw new MalformedAnswer(`the answer was cut off (${this.where()})`);
    return this.answer;
  }

  /** One move through the bytes at hand; false when it needs more. */
  private step(): boolean {
    switch (this.phase) {
      case 'head':
      case 'trailers':
        return this.headLine();
      case 'length':
      case 'data':
        return this.bodyBytesTaken();
      case 'size':
        return this.chunkSize();
      case 'data-end':
        return this.chunkEnd();
      case 'to-close':
        this.take(this.pending.length);
        return false;
      case 'done':
        return false;
    }
  }

  private headLine(): boolean {
    const line = this.line(
      MAX_HEAD_BYTES - this.headBytes,
      () => `its head is longer than ${MAX_HEAD_BYTES} bytes`,
    );
    if (line === null) return false;
    this.headBytes += line.length + 2;
    if (line !== '') {
      this.headLines.push(line);
      return true;
    }
    if (this.phase === 'trailers') {
      this.finish(true);
      return true;
    }
    this.headEnded();
    return true;
  }

  private headEnded(): void {
    const [statusLine = '', ...fields] = this.headLines;
    this.headLines = [];
    this.headBytes = 0;
    const status = STATUS_LINE.exec(statusLine);
    if (status === null)
      throw new MalformedAnswer(
        `the answer does not start with an HTTP/1.x status line: ${quoted(statusLine)}`,
      );
    const code = Number(status[2]);
    if (code === 101) throw new MalformedAnswer('the server switched protocols unasked (101)');
    const headers = headerMap(fields);
    // An interim answer (100 Continue, 103 Early Hints): the real one follows.
    if (code < 200) return;
    const connection = (headers.get('connection') ?? '')
      .toLowerCase()
      .split(',')
      .map((t) => t.trim());
    const kept = status[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
    this.head = { status: code, headers, reusable: kept };
    this.frame(code, headers);
  }

  /** Where the body ends, from the head (RFC 9112 section 6.3). */
  private frame(status: number, headers: Map<string, string>): void {
    const head = this.head as Head;
    if (status === 204 || status === 304) {
      this.finish(true);
      return;
    }
    const codings = headers.get('transfer-encoding');
    if (codings !== undefined) {
      const last = codings.toLowerCase().split(',').at(-1)?.trim();
      // A length beside a coding is ignored, and the connection not trusted with another request.
      if (headers.has('content-length')) head.reusable = false;
      this.phase = last === 'chunked' ? 'size' : 'to-close';
      return;
    }
    const length = headers.get('content-length');
    if (length === undefined) {
      this.phase = 'to-close';
      return;
    }
    const values = new Set(length.split(',').map((v) => v.trim()));
    const [only = ''] = values;
    if (values.size !== 1 || !/^\d{1,15}$/.test(only))
      throw new MalformedAnswer(`the answer's Content-Length is not one whole number: ${quoted(length)}`);
    this.left = this.bounded(Number(only));
    this.phase = 'length';
    if (this.left === 0) this.finish(true);
  }

  private bodyBytesTaken(): boolean {
    if (this.pending.length === 0) return false;
    const n = Math.min(this.left, this.pending.length);
    this.take(n);
    this.left -= n;
    if (this.left > 0) return false;
    if (this.phase === 'length') this.finish(true);
    else this.phase = 'data-end';
    return true;
  }

  private chunkSize(): boolean {
    const line = this.line(1024, () => 'a chunk-size line is longer than 1024 bytes');
    if (line === null) return false;
    const size = CHUNK_SIZE.exec(line);
    if (size === null) throw new MalformedAnswer(`a chunk's size is not hexadecimal: ${quoted(line)}`);
    const bytes = parseInt(size[1] ?? '', 16);
    if (bytes === 0) {
      this.phase = 'trailers';
      return true;
    }
    this.left = this.bounded(bytes);
    this.phase = 'data';
    return true;
  }

  private chunkEnd(): boolean {
    const line = this.line(2, () => 'a chunk is longer than its size said');
    if (line === null) return false;
    if (line !== '') throw new MalformedAnswer('a chunk is longer than its size said');
    this.phase = 'size';
    return true;
  }

  /** The next line (CRLF or a bare LF ends it) as latin1 text, or null while it is incomplete; at most `max` bytes. */
  private line(max: number, tooLong: () => string): string | null {
    const end = this.pending.indexOf(10);
    if (end === -1) {
      if (this.pending.length > max) throw new MalformedAnswer(tooLong());
      return null;
    }
    if (end > max) throw new MalformedAnswer(tooLong());
    const text = this.pending.toString('latin1', 0, end > 0 && this.pending[end - 1] === 13 ? end - 1 : end);
    this.pending = this.pending.subarray(end + 1);
    return text;
  }

  private take(n: number): void {
    if (n === 0) return;
    this.bodyBytes += this.bounded(n);
    this.parts.push(this.pending.subarray(0, n));
    this.pending = this.pending.subarray(n);
  }

  /** `bytes` when the body so far plus them stays under the limit; throws past it. */
  private bounded(bytes: number): number {
    if (this.bodyBytes + bytes > MAX_BODY_BYTES)
      throw new MalformedAnswer(`the answer's body is larger than ${MAX_BODY_BYTES} bytes`);
    return bytes;
  }

  private finish(framed: boolean): void {
    const head = this.head as Head;
    const body = this.parts.length === 1 ? (this.parts[0] ?? EMPTY) : Buffer.concat(this.parts);
    this.answer = { status: head.status, headers: head.headers, body, reusable: head.reusable && framed };
    this.parts = [];
    this.phase = 'done';
  }

  private where(): string {
    if (this.head === null) return 'in its head';
    return `after ${this.bodyBytes} bytes of its body`;
  }
}

function headerMap(fields: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (const field of fields) {
    if (field.startsWith(' ') || field.startsWith('\t'))
      throw new MalformedAnswer(`a header is folded onto a second line: ${quoted(field)}`);
    const colon = field.indexOf(':');
    const name = colon === -1 ? '' : field.slice(0, colon);
    if (!FIELD_NAME.test(name))
      throw new MalformedAnswer(`a header line has no valid name: ${quoted(field)}`);
    const key = name.toLowerCase();
    const value = field.slice(colon + 1).trim();
    const before = headers.get(key);
    headers.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  return headers;
}
