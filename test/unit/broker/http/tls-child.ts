// Run by tls.test.ts in a process of its own, started with NODE_EXTRA_CA_CERTS naming the test certificate: one
// request to the URL given, its answer printed as JSON.
import { requestJson } from '../../../../main/broker/json-request';

const url = process.argv[2] ?? '';
const answer = await requestJson({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/json' },
  body: '{"accountId":7}',
  signal: AbortSignal.timeout(10_000),
});
process.stdout.write(JSON.stringify({ status: answer.status, text: answer.text }));
