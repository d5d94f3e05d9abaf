// `warden serve`'s WebSocket with the token: client frames well-formed and mutated, raw text and binary, each
// answered (a response with its id, or an error frame), the socket kept open (one over 64 KB is closed, as it
// should be, and the page reconnects), the server still answering, and a refused command changing nothing.
import fc from 'fast-check';
import WebSocket from 'ws';
import { commandNames } from '../../../shared/ipc';
import { hostileValue, jsonText } from '../arbitraries/hostile';
import { mutated, sampleOrMutated } from '../arbitraries/mutate';
import { rawText } from '../arbitraries/raw';
import { withTimeout } from '../harness/runner';
import { fuzzProperty, type FuzzContext, type Surface } from '../harness/types';
import { stillAnswering } from './http';
import { commandSamples, startServedCore, TOKEN } from './served';

type Frame = { text: string; binary: boolean; command: string };

const commandFrame: fc.Arbitrary<Frame> = fc
  .tuple(fc.constantFrom(...commandNames), fc.nat())
  .chain(([command, id]) =>
    fc.oneof(
      {
        weight: 8,
        arbitrary: sampleOrMutated(commandSamples[command]).map((args) => ({
          text: jsonText({ id, command, args }),
          binary: false,
          command,
        })),
      },
      {
        weight: 2,
        arbitrary: mutated({ id, command, args: commandSamples[command][0] }).map((frame) => ({
          text: jsonText(frame),
          binary: false,
          command,
        })),
      },
      { weight: 1, arbitrary: hostileValue.map((v) => ({ text: jsonText(v), binary: false, command: '' })) },
    ),
  );

export const socketFrame: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 6, arbitrary: commandFrame },
  {
    weight: 2,
    arbitrary: fc
      .tuple(rawText([JSON.stringify({ id: 1, command: 'getState', args: {} })]), fc.boolean())
      .map(([text, binary]) => ({ text, binary, command: '' })),
  },
);

type Answer = { type: string; id?: unknown; response?: { ok?: unknown } };

function open(port: number): Promise<{ ws: WebSocket; answers: Answer[]; closed: () => boolean }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const answers: Answer[] = [];
  let closed = false;
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as Answer;
    if (frame.type === 'response' || frame.type === 'error') answers.push(frame);
  });
  ws.on('close', () => {
    closed = true;
  });
  ws.on('error', () => undefined);
  return withTimeout(
    new Promise((resolve, reject) => {
      ws.once('open', () => resolve({ ws, answers, closed: () => closed }));
      ws.once('error', reject);
    }),
    5_000,
    'the WebSocket did not open',
  );
}

/** The answer a frame must get: a response with its id when it carries an integer id, else an error frame. */
function expectedId(text: string, binary: boolean): number | null {
  if (binary) return null;
  try {
    const frame = JSON.parse(text) as unknown;
    const id = typeof frame === 'object' && frame !== null ? (frame as { id?: unknown }).id : undefined;
    return typeof id === 'number' && Number.isInteger(id) ? id : null;
  } catch {
    return null;
  }
}

export const websocketSurface: Surface = {
  name: 'websocket',
  async start(context: FuzzContext) {
    const served = await startServedCore('warden-fuzz-ws-');
    let socket = await open(served.port);
    return {
      properties: [
        fuzzProperty(
          'frames',
          fc.asyncProperty(socketFrame, async (frame) => {
            context.count();
            const mark = context.mark();
            if (socket.closed()) socket = await open(served.port);
            const before = await served.settle();
            socket.answers.length = 0;
            socket.ws.send(frame.binary ? Buffer.from(frame.text) : frame.text, { binary: frame.binary });
            const tooBig = Buffer.byteLength(frame.text) > 64 * 1024;
            const id = expectedId(frame.text, frame.binary);
            const deadline = Date.now() + 5_000;
            let answer: Answer | undefined;
            while (answer === undefined && !(tooBig && socket.closed())) {
              if (Date.now() > deadline) throw new Error('a frame got no answer in 5 s');
              if (socket.closed() && !tooBig) throw new Error('the server closed the socket on a frame');
              answer = socket.answers.find(
                (a) =>
                  (id === null ? a.type === 'error' : a.type === 'response' && a.id === id) ||
                  a.type === 'error',
              );
              await new Promise((resolve) => setTimeout(resolve, 1));
            }
            if (answer !== undefined && (answer.type === 'error' || answer.response?.ok === false))
              await served.checkRefused(frame.command, before, 'socket');
            served.checkLog();
            await stillAnswering(served.port);
            await served.calm();
            context.assertNoCrashSince(mark);
          }),
        ),
      ],
      async stop() {
        socket.ws.terminate();
        await served.stop();
      },
    };
  },
};
