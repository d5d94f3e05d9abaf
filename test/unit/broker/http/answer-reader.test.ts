// An HTTP/1.1 answer read from a connection's bytes however they are cut: the body as its head frames it
// (Content-Length, chunked, the connection's end, none), whether the connection may carry the next request, and
// an answer that breaks the protocol refused with what was wrong.
import { describe, expect, it } from 'vitest';
import {
  AnswerReader,
  MAX_BODY_BYTES,
  MAX_HEAD_BYTES,
  type Answer,
} from '../../../../main/broker/http/answer-reader';

const CRLF = '\r\n';
const lines = (...parts: string[]) => parts.join(CRLF);

/** `text` read in the given pieces (byte offsets), then the connection's end when `ended`. */
function read(text: string, cuts: number[] = [], ended = false): Answer | null {
  const bytes = Buffer.from(text, 'latin1');
  const reader = new AnswerReader();
  let answer: Answer | null = null;
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    answer = reader.push(bytes.subarray(from, to)) ?? answer;
    from = to;
  }
  return ended ? reader.end() : answer;
}

const shape = (answer: Answer | null) =>
  answer === null
    ? null
    : {
        status: answer.status,
        body: answer.body.toString('latin1'),
        reusable: answer.reusable,
        headers: Object.fromEntries(answer.headers),
      };

const ok = lines(
  'HTTP/1.1 200 OK',
  'Content-Type: application/json',
  'Content-Length: 11',
  '',
  '{"ok":true}',
);

describe('reading an answer', () => {
  it.each([
    {
      name: 'a Content-Length body',
      text: ok,
      expected: {
        status: 200,
        body: '{"ok":true}',
        reusable: true,
        headers: { 'content-type': 'application/json', 'content-length': '11' },
      },
    },
    {
      name: 'a chunked body with extensions and trailers',
      text: lines(
        'HTTP/1.1 200 OK',
        'Transfer-Encoding: chunked',
        '',
        '5;x=1',
        'hello',
        '6',
        ' world',
        '0',
        'X-Sum: 3',
        '',
        '',
      ),
      expected: {
        status: 200,
        body: 'hello world',
        reusable: true,
        headers: { 'transfer-encoding': 'chunked' },
      },
    },
    {
      name: 'Connection: close',
      text: lines(
        'HTTP/1.1 429 Too Many Requests',
        'Connection: close',
        'Retry-After: 7',
        'Content-Length: 0',
        '',
        '',
      ),
      expected: {
        status: 429,
        body: '',
        reusable: false,
        headers: { connection: 'close', 'retry-after': '7', 'content-length': '0' },
      },
    },
    {
      name: 'HTTP/1.0 asking to keep the connection',
      text: lines('HTTP/1.0 200 OK', 'Connection: Keep-Alive', 'Content-Length: 2', '', '{}'),
      expected: {
        status: 200,
        body: '{}',
        reusable: true,
        headers: { connection: 'Keep-Alive', 'content-length': '2' },
      },
    },
    {
      name: 'HTTP/1.0 not asking',
      text: lines('HTTP/1.0 200 OK', 'Content-Length: 2', '', '{}'),
      expected: { status: 200, body: '{}', reusable: false, headers: { 'content-length': '2' } },
    },
    {
      name: 'no body (204)',
      text: lines('HTTP/1.1 204 No Content', 'Date: x', '', ''),
      expected: { status: 204, body: '', reusable: true, headers: { date: 'x' } },
    },
    {
      name: 'an interim 100 before the answer, and a status line with no reason',
      text: lines('HTTP/1.1 100 Continue', '', 'HTTP/1.1 201', 'Content-Length: 1', '', '1'),
      expected: { status: 201, body: '1', reusable: true, headers: { 'content-length': '1' } },
    },
    {
      name: 'a field sent twice, odd spacing, bare LF line ends',
      text: 'HTTP/1.1 200 OK\nVary:  a \nvary:b\ncontent-length:1\n\nx',
      expected: { status: 200, body: 'x', reusable: true, headers: { vary: 'a, b', 'content-length': '1' } },
    },
    {
      name: 'a coding and a length both: the coding frames it, the connection is not kept',
      text: lines(
        'HTTP/1.1 200 OK',
        'Content-Length: 99',
        'Transfer-Encoding: chunked',
        '',
        '1',
        'x',
        '0',
        '',
        '',
      ),
      expected: {
        status: 200,
        body: 'x',
        reusable: false,
        headers: { 'content-length': '99', 'transfer-encoding': 'chunked' },
      },
    },
    {
      name: 'bytes after the answer: it stands, the connection is not kept',
      text: `${ok}HTTP/1.1 200 OK`,
      expected: {
        status: 200,
        body: '{"ok":true}',
        reusable: false,
        headers: { 'content-type': 'application/json', 'content-length': '11' },
      },
    },
  ])('$name', ({ text, expected }) => {
    expect(shape(read(text))).toEqual(expected);
  });

  it('reads a body that runs to the connection end, and never keeps that connection', () => {
    const text = lines('HTTP/1.1 500 Internal Server Error', 'Content-Type: text/html', '', '<h1>down</h1>');
    expect(read(text)).toBeNull();
    expect(shape(read(text, [40], true))).toEqual({
      status: 500,
      body: '<h1>down</h1>',
      reusable: false,
      headers: { 'content-type': 'text/html' },
    });
  });

  it('gives the same answer however the bytes are cut in two or three', () => {
    const chunked = lines(
      'HTTP/1.1 200 OK',
      'Transfer-Encoding: chunked',
      '',
      'a',
      '0123456789',
      '3',
      'abc',
      '0',
      '',
      '',
    );
    for (const text of [ok, chunked]) {
      const whole = shape(read(text));
      for (let cut = 0; cut <= text.length; cut += 1) {
        expect(shape(read(text, [cut]))).toEqual(whole);
        expect(shape(read(text, [cut, Math.min(text.length, cut + 3)]))).toEqual(whole);
      }
    }
  });

  it('answers nothing until the last byte of the body', () => {
    const reader = new AnswerReader();
    const bytes = Buffer.from(ok, 'latin1');
    expect(reader.started).toBe(false);
    expect(reader.push(bytes.subarray(0, bytes.length - 1))).toBeNull();
    expect(reader.started).toBe(true);
    expect(reader.push(bytes.subarray(bytes.length - 1))?.body.toString()).toBe('{"ok":true}');
  });
});

describe('an answer that breaks the protocol', () => {
  it.each([
    [
      'HTTP/2 200',
      lines('HTTP/2 200', '', ''),
      'the answer does not start with an HTTP/1.x status line: "HTTP/2 200"',
    ],
    ['not HTTP', lines('<html>', '', ''), 'the answer does not start with an HTTP/1.x status line: "<html>"'],
    ['101', lines('HTTP/1.1 101 Switching Protocols', '', ''), 'the server switched protocols unasked (101)'],
    [
      'a folded header',
      lines('HTTP/1.1 200 OK', 'A: 1', ' 2', '', ''),
      'a header is folded onto a second line: " 2"',
    ],
    [
      'a header without a colon',
      lines('HTTP/1.1 200 OK', 'Broken', '', ''),
      'a header line has no valid name: "Broken"',
    ],
    [
      'a header name with a space',
      lines('HTTP/1.1 200 OK', 'Bad Name: 1', '', ''),
      'a header line has no valid name: "Bad Name: 1"',
    ],
    [
      'two lengths',
      lines('HTTP/1.1 200 OK', 'Content-Length: 2, 3', '', '{}'),
      `the answer's Content-Length is not one whole number: "2, 3"`,
    ],
    [
      'a negative length',
      lines('HTTP/1.1 200 OK', 'Content-Length: -1', '', ''),
      `the answer's Content-Length is not one whole number: "-1"`,
    ],
    [
      'a body above the limit',
      lines('HTTP/1.1 200 OK', `Content-Length: ${MAX_BODY_BYTES + 1}`, '', ''),
      `the answer's body is larger than ${MAX_BODY_BYTES} bytes`,
    ],
    [
      'a chunk size that is not hexadecimal',
      lines('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', 'zz', ''),
      `a chunk's size is not hexadecimal: "zz"`,
    ],
    [
      'a chunk longer than its size',
      lines('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', '2', 'abc', '0', '', ''),
      'a chunk is longer than its size said',
    ],
    [
      'a head that never ends',
      `HTTP/1.1 200 OK${CRLF}X: ${'a'.repeat(MAX_HEAD_BYTES)}`,
      `its head is longer than ${MAX_HEAD_BYTES} bytes`,
    ],
  ])('%s', (_name, text, message) => {
    expect(() => read(text)).toThrow(expect.objectContaining({ message, code: 'EBADANSWER' }));
  });

  it('says where an answer was cut off when the connection ends early', () => {
    expect(() => read('HTTP/1.1 200 OK\r\nContent-Le', [], true)).toThrow(
      'the answer was cut off (in its head)',
    );
    expect(() => read(lines('HTTP/1.1 200 OK', 'Content-Length: 9', '', '{"a"'), [], true)).toThrow(
      'the answer was cut off (after 4 bytes of its body)',
    );
    const chunked = lines('HTTP/1.1 200 OK', 'Transfer-Encoding: chunked', '', '5', 'hel');
    expect(() => read(chunked, [], true)).toThrow('the answer was cut off (after 3 bytes of its body)');
  });
});
