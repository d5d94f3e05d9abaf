// One HTTP/1.1 connection to a broker's REST server, kept open between requests: a request goes out as one write of
// its head and body, in the caller's own turn (no tick of a client library between the decision and the wire), and
// its answer is read by AnswerReader. One request at a time; the pool in json-request.ts hands connections out.
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { AnswerReader, type Answer } from './answer-reader';

/** Where a connection goes. */
export type Server = { secure: boolean; hostname: string; port: number };

/** A request that failed, and whether any byte of its answer had arrived (a kept connection found closed had none). */
export type Failure = Error & { code?: string; answerStarted?: boolean };

type Waiting = { reader: AnswerReader; resolve: (answer: Answer) => void; reject: (error: Failure) => void };

export class KeptConnection {
  private readonly socket: Socket;
  private waiting: Waiting | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  /** Requests answered on it so far: a request on one that has carried an answer reuses it. */
  answered = 0;

  constructor(server: Server, onClosed: (connection: KeptConnection) => void) {
    const { hostname, port } = server;
    this.socket = server.secure
      ? connectTls({
          host: hostname,
          port,
          ALPNProtocols: ['http/1.1'],
          // Server Name Indication is for names, not addresses.
          ...(isIP(hostname) === 0 ? { servername: hostname } : {}),
        })
      : connectTcp({ host: hostname, port });
    this.socket.setNoDelay(true);
    // TCP keep-alive probes from a second of quiet (as node:http's keep-alive agent sets them): a connection a
    // router dropped silently is found dead while idle, not when a command is written into it.
    this.socket.setKeepAlive(true, 1000);
    this.socket.on('data', (bytes: Buffer) => {
      this.read(bytes);
    });
    this.socket.on('end', () => {
      this.ended();
    });
    this.socket.on('error', (error: Failure) => {
      this.fail(error);
    });
    this.socket.on('close', () => {
      clearTimeout(this.idleTimer);
      this.fail(lost('the connection closed before the answer'));
      onClosed(this);
    });
  }

  /** Open, and not on its way to closing. */
  get open(): boolean {
    return !this.socket.destroyed && this.socket.writable;
  }

  /** Writes `request` (head and body, already HTTP/1.1 text) and resolves with the whole answer. */
  send(request: string): Promise<Answer> {
    if (this.waiting !== null)
      return Promise.reject(new Error('a kept connection carries one request at a time'));
    if (!this.open)
      return Promise.reject(Object.assign(lost('the connection had closed'), { answerStarted: false }));
    clearTimeout(this.idleTimer);
    this.socket.ref();
    const reader = new AnswerReader();
    const answer = new Promise<Answer>((resolve, reject) => {
      this.waiting = { reader, resolve, reject };
    });
    this.socket.write(request);
    return answer;
  }

  /** Nothing in flight: it no longer holds the process open, and closes itself after `ms` (none: kept until closed). */
  rest(ms: number | null): void {
    this.socket.unref();
    if (ms === null) return;
    this.idleTimer = setTimeout(() => {
      this.close();
    }, ms);
    this.idleTimer.unref();
  }

  /** Closes it; a request in flight fails with `error`. */
  close(error?: Error): void {
    if (error !== undefined) this.fail(error);
    this.socket.destroy();
  }

  private read(bytes: Buffer): void {
    const waiting = this.waiting;
    if (waiting === null) {
      // Nobody asked: a server talking out of turn cannot be trusted with the next request.
      this.close();
      return;
    }
    let answer: Answer | null;
    try {
      answer = waiting.reader.push(bytes);
    } catch (error) {
      this.close(error as Error);
      return;
    }
    if (answer !== null) this.answer(answer);
  }

  private ended(): void {
    const waiting = this.waiting;
    if (waiting === null) return;
    if (!waiting.reader.started) {
      this.fail(lost('the server closed the connection without answering'));
      return;
    }
    try {
      this.answer(waiting.reader.end());
    } catch (error) {
      this.fail(error as Error);
    }
  }

  private answer(answer: Answer): void {
    const waiting = this.waiting;
    this.waiting = null;
    this.answered += 1;
    if (!answer.reusable) this.socket.destroy();
    waiting?.resolve(answer);
  }

  private fail(error: Failure): void {
    const waiting = this.waiting;
    if (waiting === null) return;
    this.waiting = null;
    error.answerStarted = waiting.reader.started;
    waiting.reject(error);
  }
}

/** A connection that went away under a request; ECONNRESET, as node:http names a hang-up. */
function lost(message: string): Failure {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}
