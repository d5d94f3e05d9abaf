// The desktop security policy: the renderer's CSP, and which IPC senders the core answers.
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedSender,
  isSameDocument,
  rendererIndexPath,
  rendererUrl,
} from '../../../main/desktop/security';

const appPath = '/opt/warden';
const ours = 'file:///opt/warden/dist/renderer/index.html';

describe('the renderer CSP', () => {
  const directives = new Map(
    contentSecurityPolicy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it.each([
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['connect-src', ["'self'"]],
  ])('sets %s to %j', (name, values) => {
    expect(directives.get(name)).toEqual(values);
  });

  it('never allows eval or inline scripts', () => {
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });
});

describe('the renderer location', () => {
  it('is the built index.html inside the app folder, as a file: URL', () => {
    expect(rendererIndexPath(appPath)).toBe('/opt/warden/dist/renderer/index.html');
    expect(rendererUrl(appPath)).toBe(ours);
  });

  it('percent-encodes folders with spaces the way Chromium reports them', () => {
    expect(rendererUrl('/home/ann/My Apps/warden')).toBe(
      'file:///home/ann/My%20Apps/warden/dist/renderer/index.html',
    );
  });
});

describe('isAllowedSender', () => {
  const allowed = { webContentsId: 7, rendererUrl: ours };
  const sender = (frameUrl: string | null, webContentsId = 7, isMainFrame = true) => ({
    frameUrl,
    webContentsId,
    isMainFrame,
  });

  it.each([
    ['our renderer', sender(ours), true],
    ['our renderer with a hash route', sender(`${ours}#/accounts`), true],
    ['our renderer with a query', sender(`${ours}?tab=rules`), true],
    ['our renderer, path written with ..', sender('file:///opt/warden/dist/x/../renderer/index.html'), true],
    ['a web page', sender('https://evil.example/'), false],
    ['a web page named like ours', sender('https://evil.example/opt/warden/dist/renderer/index.html'), false],
    ['another local file', sender('file:///tmp/evil.html'), false],
    ['another file in our folder', sender('file:///opt/warden/dist/renderer/other.html'), false],
    ['a file on another host', sender('file://evil-host/opt/warden/dist/renderer/index.html'), false],
    ['a data URL', sender('data:text/html,<script>1</script>'), false],
    ['about:blank', sender('about:blank'), false],
    ['a frame that is gone', sender(null), false],
    ['an unparseable URL', sender('not a url'), false],
    ['another window showing our page', sender(ours, 8), false],
    ['a subframe of our window', sender(ours, 7, false), false],
  ])('%s → %s', (_name, input, expected) => {
    expect(isAllowedSender(input, allowed)).toBe(expected);
  });
});

describe('isSameDocument', () => {
  it('treats percent-encoded and plain characters alike', () => {
    expect(isSameDocument('file:///a%20b/index.html', 'file:///a b/index.html')).toBe(true);
  });

  it('rejects malformed percent-encoding instead of throwing', () => {
    expect(isSameDocument('file:///a%E0%A4%A/index.html', 'file:///a/index.html')).toBe(false);
  });
});
