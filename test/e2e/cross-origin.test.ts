// A page served from another port of the same machine must not move the trader's account: the browser sends
// Warden's SameSite=Strict token cookie with its requests (another port is the same site), so `warden serve`
// refuses state-changing requests whose Origin is not its own, and command bodies that are not JSON.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateView } from '../../shared/ipc';
import { launchChromium } from '../helpers/browser';
import { serveInProcess, type Served } from '../helpers/serve';

let served: Served;
let browser: Browser;
/** One browser profile: the token cookie Warden's page receives is there for every page of it. */
let context: BrowserContext;
let hostile: Server;
let hostileBase: string;
let wardenBase: string;

/** The attack: a form-free, preflight-free text/plain POST with the cookie, then a plain HTML form post. */
const hostilePage = (target: string) => `<!doctype html><title>free signals</title>
<form id="f" method="POST" enctype="text/plain" action="${target}/api/commands/flatten" target="sink">
  <input name='{"all":true,"x":"' value='"}'>
</form>
<iframe name="sink"></iframe>
<script>
  fetch('${target}/api/commands/flatten', {
    method: 'POST', mode: 'no-cors', credentials: 'include',
    headers: { 'content-type': 'text/plain' }, body: '{"all":true}',
  }).finally(() => { document.title = 'fetch sent'; });
</script>`;

function heldQty(view: StateView): number {
  return view.accounts[0]?.positions.find((p) => p.symbol === 'MNQ')?.qty ?? 0;
}

/** Resolves with the first view (now or pushed later) that satisfies `done`. */
function viewWhen(done: (view: StateView) => boolean): Promise<StateView> {
  const now = served.core.view();
  if (done(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = served.core.subscribe((message) => {
      if (message.type !== 'state' || !done(message.payload)) return;
      stop();
      resolve(message.payload);
    });
  });
}

async function openWardenPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${wardenBase}/?token=${served.token}`);
  await page.getByTestId('account-SIM-50K').waitFor();
  return page;
}

beforeAll(async () => {
  served = await serveInProcess({ stillMarket: true });
  wardenBase = `http://127.0.0.1:${served.server.port}`;
  hostile = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(hostilePage(wardenBase));
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileBase = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
  browser = await launchChromium();
  context = await browser.newContext();
  const bought = await served.core.command('placeOrder', {
    account: 'SIM-50K',
    symbol: 'MNQ',
    side: 'buy',
    qty: 2,
    kind: 'market',
  });
  expect(bought.ok).toBe(true);
  await viewWhen((view) => heldQty(view) === 2);
});

afterAll(async () => {
  await browser.close();
  await new Promise<void>((resolve) => hostile.close(() => resolve()));
  await served.stop();
});

describe('commands from another origin', () => {
  it('a page on another local port cannot flatten, even with the token cookie in the browser', async () => {
    const page = await openWardenPage();
    const attack = await context.newPage();
    const answers: number[] = [];
    attack.on('response', (response) => {
      if (response.url().endsWith('/api/commands/flatten')) answers.push(response.status());
    });
    const formAnswered = attack.waitForResponse(
      (r) => r.request().resourceType() === 'document' && r.url().endsWith('/flatten'),
    );
    await attack.goto(hostileBase);
    await attack.waitForFunction(() => document.title === 'fetch sent');
    await attack.evaluate(() => {
      (document.getElementById('f') as HTMLFormElement).submit();
    });
    expect((await formAnswered).status()).toBe(403);
    expect(answers).toEqual([403, 403]);
    expect(heldQty(served.core.view())).toBe(2);
    expect(served.core.view().accounts[0]?.tradingState).toBe('active');
    await attack.close();
    await page.close();
  });

  it("Warden's own page may still post a JSON command with its cookie", async () => {
    const page = await openWardenPage();
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/commands/close', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: 'SIM-50K', symbol: 'MNQ', qty: 1 }),
      });
      return response.status;
    });
    expect(status).toBe(200);
    expect(heldQty(await viewWhen((view) => heldQty(view) === 1))).toBe(1);
    await page.close();
  });
});
