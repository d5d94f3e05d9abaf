// Found by `npm run fuzz`: POST /api/commands/constructor (or toString, hasOwnProperty) reached the core as a
// function instead of a command name and answered 400 "unknown command function Object() …"; it is a 404 like
// any other unknown command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveInProcess, type Served } from '../../helpers/serve';

let served: Served;
beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
});
afterAll(async () => {
  await served.stop();
});

describe('command routes named like object properties', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty'])('POST /api/commands/%s is a 404', async (name) => {
    const response = await fetch(`http://127.0.0.1:${served.server.port}/api/commands/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { ok: boolean; error: string };
    expect(body.ok).toBe(false);
    expect(body.error).toMatch(new RegExp(`^unknown command "${name}"; known: flatten, order,`));
  });
});
