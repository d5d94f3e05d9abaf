// `npm run bench` case `dead-channel`: breach-to-command on the live core (breach-loop.ts) with no remote alerts,
// then with Telegram, ntfy and a webhook all pointed at a server that takes the connection and never answers (docs/
// RULES.md section 13: sending never delays enforcement). Every breach raises alerts that all three channels try
// to send; the figures say what that costs the enforcement command, and the event loop's delay while it happens.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileSecretStore } from '../../main/platform/secrets';
import { breachCore, type BreachCore, type Phase } from './breach-loop';

const samples = Number(process.env.BENCH_DEAD_SAMPLES ?? 300);
const gapMs = Number(process.env.BENCH_DEAD_GAP_MS ?? 50);

/** A server that accepts every connection, reads nothing and answers nothing, until it is closed. */
async function deadServer() {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.pause();
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A phase's breach-to-command figures and the event loop's delay (p99 and max, ms) while it ran. */
async function timed(live: BreachCore): Promise<Phase & { loopP99Ms: number; loopMaxMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const phase = await live.phase({ samples, gapMs });
  loop.disable();
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  return { ...phase, loopP99Ms: ms(loop.percentile(99)), loopMaxMs: ms(loop.max) };
}

export async function deadChannelCase(): Promise<Record<string, unknown>> {
  const quiet = await breachCore({});
  const without = await timed(quiet).finally(() => quiet.stop());

  const dead = await deadServer();
  const notify = {
    minLevel: 'info',
    telegram: { chatIds: ['777000111'], commands: true },
    ntfy: { url: `${dead.origin}/warden-alerts` },
    webhook: { url: `${dead.origin}/hook` },
  };
  const loud = await breachCore({ notify }, async (dir) => {
    const secrets = fileSecretStore(dir);
    await secrets.write({
      broker: 'notify',
      telegramToken: '123456:bench-token',
      webhookSecret: 'bench-secret',
    });
    return { secrets, remote: { telegramApi: dead.origin } };
  });
  try {
    const withDead = await timed(loud);
    const channels = loud.core.view().notify?.channels ?? [];
    if (dead.connections() === 0) throw new Error('no channel ever reached the dead server');
    return {
      case: 'dead-channel',
      samples: without.n,
      breachToCommandWithoutP50Us: without.p50,
      breachToCommandWithoutP99Us: without.p99,
      breachToCommandWithoutMaxUs: without.max,
      eventLoopDelayWithoutP99Ms: without.loopP99Ms,
      breachToCommandDeadP50Us: withDead.p50,
      breachToCommandDeadP99Us: withDead.p99,
      breachToCommandDeadMaxUs: withDead.max,
      eventLoopDelayDeadP99Ms: withDead.loopP99Ms,
      eventLoopDelayDeadMaxMs: withDead.loopMaxMs,
      deadConnections: dead.connections(),
      channels: channels.map((c) => ({ id: c.id, waiting: c.waiting, dropped: c.dropped })),
    };
  } finally {
    await loud.stop();
    await dead.close();
  }
}
