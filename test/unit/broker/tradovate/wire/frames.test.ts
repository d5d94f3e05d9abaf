// Tradovate's framing as a specification: every server frame kind read into its value, malformed frames and
// messages named with exact words (never thrown), unknown fields and push kinds kept or ignored, and the client's
// requests written as exact text.
import { describe, expect, it } from 'vitest';
import {
  encodeAuthorize,
  encodeRequest,
  HEARTBEAT,
  parseFrame,
  type ServerFrame,
  type MalformedFrame,
} from '../../../../../main/broker/tradovate/wire/frames';

describe('reading a Tradovate server frame', () => {
  it.each<[string, string, ServerFrame | MalformedFrame]>([
    ['open', 'o', { kind: 'open' }],
    ['heartbeat', 'h', { kind: 'heartbeat' }],
    ['close', 'c[1000,"bye"]', { kind: 'close', code: 1000, reason: 'bye' }],
    ['close without a reason', 'c[3000]', { kind: 'close', code: 3000, reason: '' }],
    ['an empty message array', 'a[]', { kind: 'messages', messages: [] }],
    [
      'a response, unknown fields ignored',
      'a[{"i":3,"s":200,"d":{"id":7},"x":1}]',
      { kind: 'messages', messages: [{ kind: 'response', id: 3, status: 200, payload: { id: 7 } }] },
    ],
    [
      'a response without a payload (authorize answers so)',
      'a[{"s":200,"i":0}]',
      { kind: 'messages', messages: [{ kind: 'response', id: 0, status: 200, payload: undefined }] },
    ],
    [
      'a status without a request id',
      'a[{"s":429}]',
      { kind: 'messages', messages: [{ kind: 'response', id: null, status: 429, payload: undefined }] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(parseFrame(text)).toEqual(expected);
  });

  it('reads every known push kind, keeps an unknown one by name, in order', () => {
    const frame = parseFrame(
      'a[{"e":"props","d":{"entityType":"position","eventType":"Updated","entity":{"id":1}}},' +
        '{"e":"md","d":{"quotes":[]}},{"e":"chart","d":{"charts":[]}},{"e":"shutdown","d":{"reason":"maintenance"}},' +
        '{"e":"clock","d":"2026-01-05T14:30:00Z"}]',
    );
    expect(frame).toEqual({
      kind: 'messages',
      messages: [
        {
          kind: 'push',
          event: 'props',
          payload: { entityType: 'position', eventType: 'Updated', entity: { id: 1 } },
        },
        { kind: 'push', event: 'md', payload: { quotes: [] } },
        { kind: 'push', event: 'chart', payload: { charts: [] } },
        { kind: 'push', event: 'shutdown', payload: { reason: 'maintenance' } },
        { kind: 'push', event: 'other', name: 'clock', payload: '2026-01-05T14:30:00Z' },
      ],
    });
  });

  it.each([
    ['', 'empty frame'],
    ['x', 'unknown frame type "x": x'],
    ['[]', 'unknown frame type "[": []'],
    ['oops', '"o" frame with content: oops'],
    ['h[]', '"h" frame with content: h[]'],
    ['a[{"i":1', '"a" frame is not JSON: [{"i":1'],
    ['a{"i":1,"s":200}', '"a" frame is not an array: {"i":1,"s":200}'],
    ['c', '"c" frame is not [code, "reason"]: '],
    ['c["1000","bye"]', '"c" frame is not [code, "reason"]: ["1000","bye"]'],
    ['c[1000,7]', '"c" frame is not [code, "reason"]: [1000,7]'],
    [`a${'x'.repeat(100)}`, `"a" frame is not JSON: ${'x'.repeat(60)}…`],
  ])('calls %j malformed: %s', (text, error) => {
    expect(parseFrame(text)).toEqual({ kind: 'malformed', error });
  });

  it('names each malformed message and keeps the good ones around it', () => {
    const frame = parseFrame(
      'a[7,null,[1],{"d":{}},{"e":5},{"e":""},{"i":1,"s":"200"},{"i":-1,"s":200},{"i":1.5,"s":200},' +
        '{"i":"2","s":200},{"i":4,"s":404,"d":"Not found"}]',
    );
    expect(frame).toEqual({
      kind: 'messages',
      messages: [
        { kind: 'malformed', error: 'message 0 is not an object: 7' },
        { kind: 'malformed', error: 'message 1 is not an object: null' },
        { kind: 'malformed', error: 'message 2 is not an object: [1]' },
        { kind: 'malformed', error: 'message 3 has neither "e" (a push) nor "s" (a response)' },
        { kind: 'malformed', error: 'message 4: "e" is not an event name (got 5)' },
        { kind: 'malformed', error: 'message 5: "e" is not an event name (got "")' },
        { kind: 'malformed', error: 'message 6: "s" is not a status (got "200")' },
        { kind: 'malformed', error: 'message 7: "i" is not a request id (got -1)' },
        { kind: 'malformed', error: 'message 8: "i" is not a request id (got 1.5)' },
        { kind: 'malformed', error: 'message 9: "i" is not a request id (got "2")' },
        { kind: 'response', id: 4, status: 404, payload: 'Not found' },
      ],
    });
  });
});

describe('writing a Tradovate request', () => {
  it.each([
    [
      'a body, no query',
      { endpoint: 'user/syncrequest', id: 1, body: { users: [42] } },
      'user/syncrequest\n1\n\n{"users":[42]}',
    ],
    [
      'a query string, no body',
      { endpoint: 'contract/item', id: 2, query: 'id=3570918' },
      'contract/item\n2\nid=3570918\n',
    ],
    [
      'a query from fields (encoded)',
      { endpoint: 'product/find', id: 3, query: { name: 'MNQ', note: 'a b&c' } },
      'product/find\n3\nname=MNQ&note=a+b%26c\n',
    ],
    ['neither', { endpoint: 'account/list', id: 4 }, 'account/list\n4\n\n'],
    [
      'a body whose strings hold line breaks (escaped by JSON)',
      { endpoint: 'order/placeorder', id: 5, body: { text: 'one\ntwo' } },
      'order/placeorder\n5\n\n{"text":"one\\ntwo"}',
    ],
  ])('with %s', (_name, request, text) => {
    expect(encodeRequest(request)).toBe(text);
  });

  it('authorizes with id 0, no query and the raw token; the heartbeat is []', () => {
    expect(encodeAuthorize('eyJ.token')).toBe('authorize\n0\n\neyJ.token');
    expect(HEARTBEAT).toBe('[]');
  });

  it('refuses a line break in a field, without quoting it (it may be the token)', () => {
    expect(() => encodeAuthorize('secret\nmore')).toThrow(/^a Tradovate request's token holds a line break$/);
    expect(() => encodeRequest({ endpoint: 'order/list\nx', id: 1 })).toThrow(
      "a Tradovate request's endpoint holds a line break",
    );
    expect(() => encodeRequest({ endpoint: 'contract/item', id: 1, query: 'id=1\r' })).toThrow(
      "a Tradovate request's query holds a line break",
    );
  });
});
