// A broker's REST server over TLS: the certificate is checked (an unknown one is refused with its reason), the
// server is told the host name it is reached by (SNI) and that HTTP/1.1 is spoken (ALPN), and a trusted server's
// answer is read. The trusted case runs in a child process: Node reads extra certificate authorities at start only.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server, type TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { requestJson } from '../../../../main/broker/json-request';
import { onEachRequest } from '../../../helpers/raw-http';

const fixtures = join(import.meta.dirname, '../../../fixtures/tls');
const certFile = join(fixtures, 'localhost.crt');

type Heard = { servername: string | false | null; alpn: string | false | null; request: string };

/** A TLS server answering each request on a connection with `{"n":k}`; what it heard, per request. */
async function tlsServer() {
  const heard: Heard[] = [];
  const server: Server = createServer(
    {
      key: readFileSync(join(fixtures, 'localhost.key')),
      cert: readFileSync(certFile),
      ALPNProtocols: ['http/1.1'],
    },
    (socket: TLSSocket) => {
      onEachRequest(socket, (request) => {
        heard.push({ servername: socket.servername, alpn: socket.alpnProtocol, request });
        const body = JSON.stringify({ n: heard.length });
        socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      });
      socket.on('error', () => undefined);
    },
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, heard };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** One request from a child process that trusts the test certificate; its printed answer. */
function requestFromChild(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'tls-child.ts'), url],
      {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(out));
      else reject(new Error(`the child failed (${code}): ${err}`));
    });
  });
}

describe('a broker REST server over TLS', () => {
  it('refuses a certificate nobody vouches for, saying why', async () => {
    const { port, heard } = await tlsServer();
    const request = requestJson({
      method: 'POST',
      url: `https://localhost:${port}/api/Position/closeContract`,
      headers: {},
      body: '{}',
      signal: AbortSignal.timeout(10_000),
    });
    await expect(request).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(heard).toEqual([]);
  });

  it('reads a trusted server, naming the host (SNI) and HTTP/1.1 (ALPN)', async () => {
    const { port, heard } = await tlsServer();
    const answer = await requestFromChild(`https://localhost:${port}/api/Position/closeContract`);
    expect(answer).toEqual({ status: 200, text: '{"n":1}' });
    expect(heard.map(({ servername, alpn }) => ({ servername, alpn }))).toEqual([
      { servername: 'localhost', alpn: 'http/1.1' },
    ]);
    expect(heard[0]?.request).toBe(
      `POST /api/Position/closeContract HTTP/1.1\r\nhost: localhost:${port}\r\ncontent-type: application/json\r\n` +
        'content-length: 15\r\n\r\n{"accountId":7}',
    );
  });
});
