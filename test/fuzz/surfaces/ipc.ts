// The desktop's IPC registry (Electron replaced by test/mocks/electron.ts) over the real core: any channel, any
// arguments a renderer can send through structured clone (BigInt, Date, Map, typed arrays, cycles), from our page
// or another sender. A stranger never reaches the core; ours always gets an answer, never a rejection; no command
// handler throws; a refused command changes nothing.
import { isDeepStrictEqual } from 'node:util';
import type { BrowserWindow as ElectronWindow } from 'electron';
import fc from 'fast-check';
import { commandNames, ipcChannels } from '../../../shared/ipc';
import type { WardenCore } from '../../../main/core/types';
import { createHostNotices } from '../../../main/desktop/host-notices';
import { registerIpc, unknownSenderResponse } from '../../../main/desktop/ipc';
import { memoryLogger } from '../../../main/platform/logger';
import { BrowserWindow, fakeInvokeEvent, ipcMain } from '../../mocks/electron';
import { hostileValue } from '../arbitraries/hostile';
import { sampleOrMutated } from '../arbitraries/mutate';
import { withTimeout } from '../harness/runner';
import { fuzzProperty, type FuzzContext, type Surface } from '../harness/types';
import { commandSamples, startServedCore } from './served';

const OURS = 'file:///opt/warden/dist/renderer/index.html';

/** Values only structured clone carries (JSON cannot). */
const cloneOnly: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), -0, Number.NaN, undefined),
  fc.uint8Array({ maxLength: 8 }),
  fc.array(fc.tuple(fc.string({ maxLength: 4 }), hostileValue), { maxLength: 3 }).map((e) => new Map(e)),
  fc.array(hostileValue, { maxLength: 3 }).map((v) => new Set(v)),
  fc.constant(null).map(() => {
    const cyclic: Record<string, unknown> = { account: 'SIM-50K' };
    cyclic.self = cyclic;
    cyclic.config = cyclic;
    return cyclic;
  }),
);

/** A value with one structured-clone-only value put somewhere inside. */
const withCloneOnly = (value: unknown) =>
  fc.tuple(cloneOnly, fc.nat()).map(([exotic, at]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return exotic;
    const keys = Object.keys(value);
    const key = keys[at % Math.max(1, keys.length)] ?? 'x';
    const inner = (value as Record<string, unknown>)[key];
    const target =
      inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? (inner as Record<string, unknown>)
        : (value as Record<string, unknown>);
    const innerKeys = Object.keys(target);
    target[innerKeys[at % Math.max(1, innerKeys.length)] ?? 'x'] = exotic;
    return value;
  });

const sender = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ url: OURS, main: true, ours: true }) },
  { weight: 1, arbitrary: fc.constant({ url: `${OURS}#/rules`, main: true, ours: true }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        'https://evil.example/',
        'file:///tmp/other.html',
        'file:///opt/warden/dist/renderer/../x.html',
        'javascript:alert(1)',
        '',
      )
      .map((url) => ({ url, main: true, ours: false })),
  },
  { weight: 1, arbitrary: fc.constant({ url: OURS, main: false, ours: false }) },
  { weight: 1, arbitrary: fc.constant({ url: null, main: true, ours: false }) },
);

export const ipcCall = fc
  .tuple(fc.constantFrom(...commandNames), sender)
  .chain(([command, from]) =>
    fc
      .oneof(
        { weight: 6, arbitrary: sampleOrMutated(commandSamples[command]) },
        { weight: 2, arbitrary: sampleOrMutated(commandSamples[command]).chain(withCloneOnly) },
        { weight: 1, arbitrary: cloneOnly },
      )
      .chain((args) =>
        fc.array(hostileValue, { maxLength: 2 }).map((extra) => ({ command, from, args: [args, ...extra] })),
      ),
  );

export const ipcSurface: Surface = {
  name: 'ipc',
  async start(context: FuzzContext) {
    const served = await startServedCore('warden-fuzz-ipc-');
    const calls: string[] = [];
    const rejections: unknown[] = [];
    const core: WardenCore = {
      ...served.core,
      command: (name, args) => {
        calls.push(name);
        const answer = served.core.command(name, args);
        answer.catch((error: unknown) => rejections.push(error));
        return answer;
      },
    };
    const window = new BrowserWindow();
    const logger = memoryLogger();
    const registry = registerIpc({
      core,
      window: () => window as unknown as ElectronWindow,
      rendererUrl: OURS,
      logger,
      notices: createHostNotices(logger),
      testNotification: () => Promise.resolve({ ok: true }),
    });
    return {
      properties: [
        fuzzProperty(
          'invoke',
          fc.asyncProperty(ipcCall, async ({ command, from, args }) => {
            context.count();
            const mark = context.mark();
            calls.length = 0;
            const before = await served.settle();
            const event = fakeInvokeEvent({
              url: from.url,
              sender: window.webContents,
              isMainFrame: from.main,
            });
            const answer = (await withTimeout(
              ipcMain.invoke(ipcChannels.command(command), event, ...args),
              5_000,
              `IPC ${command}`,
            )) as { ok?: unknown };
            if (!from.ours) {
              if (calls.length > 0) throw new Error(`a message from ${String(from.url)} reached the core`);
              if (!isDeepStrictEqual(answer, unknownSenderResponse))
                throw new Error('a stranger got an answer other than "unknown sender"');
              return;
            }
            if (rejections.length > 0)
              throw new Error(`the core rejected ${command}: ${String(rejections.splice(0)[0])}`);
            if (typeof answer.ok !== 'boolean')
              throw new Error(`${command} answered without ok: ${JSON.stringify(answer)}`);
            if (!answer.ok) await served.checkRefused(command, before, 'IPC');
            served.checkLog();
            if (logger.lines.some((l) => l.message === 'command failed'))
              throw new Error(`${command}: the registry caught a throw from the core`);
            logger.lines.length = 0;
            await served.calm();
            context.assertNoCrashSince(mark);
          }),
        ),
      ],
      async stop() {
        registry.dispose();
        await served.stop();
      },
    };
  },
};
