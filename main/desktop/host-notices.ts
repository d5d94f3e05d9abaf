// The desktop host's standing notices (shared/ipc/desktop.ts): each part of the host that finds the trader cannot
// be reached or protected as expected raises one here; the window shows them as a banner and the tray as a
// warning, until the part clears it. Raising one that is already shown changes nothing.
import type { HostNotice } from '../../shared/ipc';
import type { Logger } from '../platform/logger';

export type HostNotices = {
  raise(notice: HostNotice): void;
  clear(id: string): void;
  list(): HostNotice[];
  /** Called with the whole list on every change. Returns the unsubscribe function. */
  onChange(listener: (notices: HostNotice[]) => void): () => void;
};

export function createHostNotices(logger: Logger): HostNotices {
  const notices = new Map<string, HostNotice>();
  const listeners = new Set<(notices: HostNotice[]) => void>();
  const changed = (): void => {
    const list = [...notices.values()];
    for (const listener of listeners) listener(list);
  };
  return {
    raise(notice) {
      const shown = notices.get(notice.id);
      if (shown !== undefined && JSON.stringify(shown) === JSON.stringify(notice)) return;
      notices.set(notice.id, notice);
      const context = { id: notice.id, title: notice.title, message: notice.message };
      if (notice.level === 'critical') logger.error('desktop notice', context);
      else logger.warn('desktop notice', context);
      changed();
    },
    clear(id) {
      if (!notices.delete(id)) return;
      logger.info('desktop notice cleared', { id });
      changed();
    },
    list: () => [...notices.values()],
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
