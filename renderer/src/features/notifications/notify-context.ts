// What every part of the Notifications screen is given: the section's errors, its level, the channels as the
// core runs them, and whether the draft has unapplied edits.
import type { NotifyMinLevel } from '../../../../shared/config/notify';
import type { NotifyView } from '../../../../shared/ipc';
import type { ChannelId } from './notify-draft';

export type NotifyScreenContext = {
  errors: readonly string[];
  /** The section's minLevel (what a channel without its own applies). */
  sectionLevel: NotifyMinLevel;
  view: NotifyView | null;
  dirty: boolean;
  /** The channels the config in force has. */
  inForce: readonly ChannelId[];
};
