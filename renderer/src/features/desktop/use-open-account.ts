// A notification about an account was clicked in the desktop app: the dashboard comes forward with that
// account's panel scrolled into view, focused and outlined for a moment.
import { useEffect, useRef, useState } from 'react';
import { useDesktop } from './use-desktop';
import './desktop.css';

export const HIGHLIGHT_MS = 2_500;

/** Scrolls to the account's panel, focuses and marks it (`data-opened`); returns the undo. */
export function revealAccount(accountId: string, highlightMs = HIGHLIGHT_MS): () => void {
  const panel = [...document.querySelectorAll<HTMLElement>('[data-account]')].find(
    (element) => element.dataset.account === accountId,
  );
  if (panel === undefined) return () => undefined;
  panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  if (!panel.hasAttribute('tabindex')) panel.setAttribute('tabindex', '-1');
  panel.focus({ preventScroll: true });
  panel.dataset.opened = 'true';
  const unmark = (): void => {
    delete panel.dataset.opened;
  };
  const timer = setTimeout(unmark, highlightMs);
  return () => {
    clearTimeout(timer);
    unmark();
  };
}

/**
 * Listens for open-account requests; `showDashboard` switches to the screen that holds the panels and opens the
 * account's detail there.
 */
export function useOpenAccount(showDashboard: (accountId: string) => void): void {
  const desktop = useDesktop();
  const show = useRef(showDashboard);
  useEffect(() => {
    show.current = showDashboard;
  });
  // A new object per request, so opening the same account again reveals it again.
  const [request, setRequest] = useState<{ accountId: string } | null>(null);
  useEffect(() => {
    if (desktop === undefined) return undefined;
    return desktop.onOpenAccount((accountId) => {
      show.current(accountId);
      setRequest({ accountId });
    });
  }, [desktop]);
  // Runs once the dashboard is on screen, after the render the request caused.
  useEffect(() => (request === null ? undefined : revealAccount(request.accountId)), [request]);
}
