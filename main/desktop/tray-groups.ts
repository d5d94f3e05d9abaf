// The tray's group actions (docs/RULES.md section 10): one submenu per account group, to flatten its members, or
// lock them for the rest of the day after one question, from wherever the trader is.
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandResponse, GroupView } from '../../shared/ipc';
import { askNatively } from './ask';
import type { TrayOptions } from './tray';

/** A separator and one submenu per group; nothing when there are no groups. */
export function groupMenuItems(
  options: TrayOptions,
  groups: readonly GroupView[],
): MenuItemConstructorOptions[] {
  if (groups.length === 0) return [];
  return [
    { type: 'separator' },
    ...groups.map((group): MenuItemConstructorOptions => ({
      label: group.name,
      submenu: [
        {
          label: `Flatten ${group.name}`,
          click: () => {
            void flattenGroup(options, group);
          },
        },
        {
          label: `Lock ${group.name} for the rest of the day`,
          click: () => {
            void lockGroupForTheDay(options, group);
          },
        },
      ],
    })),
  ];
}

/** A key that changes when the groups the menu shows change (not their figures). */
export function groupsKey(groups: readonly GroupView[]): string {
  return groups.map((group) => `${group.id}\u0000${group.name}`).join('\u0001');
}

/** Flattens every member of the group; a refusal is told (the core tells each member's outcome itself). */
export async function flattenGroup(
  options: TrayOptions,
  group: GroupView,
): Promise<CommandResponse<'flatten'>> {
  options.logger.warn('group flatten requested from the tray', { group: group.id });
  let response: CommandResponse<'flatten'>;
  try {
    response = await options.core.command('flatten', { group: group.id });
  } catch (error) {
    response = { ok: false, error: String(error) };
  }
  if (!response.ok) {
    options.notifier.notice({
      title: `Flatten ${group.name} FAILED: act manually`,
      body: response.error,
      urgency: 'critical',
    });
  }
  return response;
}

/** Halts every member until the trading day ends, after one question (it cannot be undone). */
export async function lockGroupForTheDay(options: TrayOptions, group: GroupView): Promise<boolean> {
  const ask = options.ask ?? askNatively;
  const go = await ask({
    message: `Lock ${group.name} for the rest of the day?`,
    detail: `Its ${group.accounts.length} accounts will be flattened and halted until the trading day ends. This cannot be undone.`,
    yes: 'Lock the group',
    enterMeansYes: true,
  });
  if (!go) return false;
  options.logger.warn('group lock requested from the tray', { group: group.id });
  const response = await options.core.command('lock', { group: group.id, until: 'dayEnd' });
  if (response.ok)
    options.notifier.notice({ title: `${group.name} locked for the day`, body: '', urgency: 'normal' });
  else
    options.notifier.notice({
      title: `Lock ${group.name} FAILED`,
      body: response.error,
      urgency: 'critical',
    });
  return response.ok;
}
