// The Notifications screen's part of the config document: the `notify` section (docs/RULES.md section 13) read
// out of the draft, changed a channel at a time, and put back into the document in force. The secrets are never
// here: they go to setNotifySecrets.
import type { NotifyMinLevel } from '../../../../shared/config/notify';
import type { Draft } from '../rules/config-draft';
import { errorAt } from '../rules/rule-errors';

export type ChannelId = 'telegram' | 'ntfy' | 'webhook';
export const channelIds: readonly ChannelId[] = ['telegram', 'ntfy', 'webhook'];

export type TelegramBlock = { chatIds?: string[]; commands?: boolean; minLevel?: NotifyMinLevel };
export type UrlBlock = { url?: string; minLevel?: NotifyMinLevel };

/** The section as the draft holds it: what the trader has not written is absent. */
export type NotifySection = {
  minLevel?: NotifyMinLevel;
  telegram?: TelegramBlock;
  ntfy?: UrlBlock;
  webhook?: UrlBlock;
};

export type ChannelBlock<C extends ChannelId> = NonNullable<NotifySection[C]>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The document's notify section; {} when it has none. */
export function notifyOf(document: Draft | null): NotifySection {
  const section = document?.['notify'];
  return isRecord(section) ? section : {};
}

/** A copy of the document with this notify section (none when it is empty). */
export function withNotify(document: Draft, section: NotifySection): Draft {
  const { notify: _old, ...rest } = document;
  return Object.keys(section).length === 0 ? rest : { ...rest, notify: section };
}

/** The section with one channel's block set, or removed (the channel off) when `block` is undefined. */
export function withChannel<C extends ChannelId>(
  section: NotifySection,
  channel: C,
  block: ChannelBlock<C> | undefined,
): NotifySection {
  const { [channel]: _old, ...rest } = section;
  return block === undefined ? rest : { ...rest, [channel]: block };
}

/** A block with one key written, or dropped when `value` is undefined (what the section says applies). */
export function withKey<B extends object, K extends keyof B>(block: B, key: K, value: B[K] | undefined): B {
  const { [key]: _old, ...rest } = block;
  return (value === undefined ? rest : { ...rest, [key]: value }) as B;
}

/** What a channel is when it is turned on with nothing written yet. */
export function freshBlock(channel: ChannelId): ChannelBlock<ChannelId> {
  return channel === 'telegram' ? { chatIds: [], commands: false } : { url: '' };
}

/**
 * The document to preview and apply: the config in force with the draft's notify section, so that whatever the
 * Rules screen or a file changed meanwhile is kept and only this section changes.
 */
export function documentToApply(inForce: Draft, draft: Draft): Draft {
  return withNotify(inForce, notifyOf(draft));
}

/** "notify.ntfy.url": where a field of the section sits, as the core's errors name it. */
export const notifyPath = (...keys: string[]): string => ['notify', ...keys].join('.');

/** A chat id as typed ("  -100 123 " → "-100123"); '' when it is not a whole number. */
export function chatIdOf(text: string): string {
  const compact = text.replace(/\s+/g, '');
  return /^-?\d{1,20}$/.test(compact) ? compact : '';
}

/** The paths of the section that a field shows its error beside (a list's items with the list). */
const shownPaths =
  /^notify\.(minLevel|(telegram|ntfy|webhook)\.minLevel|(ntfy|webhook)\.url|telegram\.chatIds(\[\d+\])?)$/;

const pathOf = (error: string): string => {
  const at = error.indexOf(': ');
  return at < 0 ? '' : error.slice(0, at);
};

/** The message(s) for the field at `path`; a list's items ("chatIds[1]") are shown with the list. */
export function notifyErrorAt(errors: readonly string[], path: string): string | null {
  const items = errors.filter((e) => pathOf(e).startsWith(`${path}[`));
  const own = errorAt(errors, path);
  const ofItems = errorAt(
    items.map((e) => e.replace(/^[^:]*\[(\d+)\]: /, (_m, i: string) => `${path}: item ${Number(i) + 1}: `)),
    path,
  );
  return own === null ? ofItems : ofItems === null ? own : `${own}; ${ofItems}`;
}

/** The errors no field of the screen shows beside itself. */
export function errorsNotShown(errors: readonly string[]): string[] {
  return errors.filter((e) => !shownPaths.test(pathOf(e)));
}
