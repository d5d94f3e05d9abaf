// One channel's card: on/off (its block in the notify section, or none), its own fields, its minimum level (empty:
// the section's level applies, shown as the empty choice's words) and how the core runs it.
import { useId, type ReactNode } from 'react';
import { notifyLevels, type NotifyMinLevel } from '../../../../shared/config/notify';
import { choicesNamed } from '../../components/SelectField';
import { Field } from '../rules/Field';
import { ChannelStatus } from './ChannelStatus';
import { notifyErrorAt, notifyPath, type ChannelId } from './notify-draft';
import type { NotifyScreenContext } from './notify-context';

const levelChoices = choicesNamed(notifyLevels);

type ChannelCardProps = {
  ctx: NotifyScreenContext;
  channel: ChannelId;
  title: string;
  /** What the channel is, one line. */
  about: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  minLevel: NotifyMinLevel | undefined;
  onLevel: (level: NotifyMinLevel | undefined) => void;
  /** The channel's fields, given its level field to place beside the first. */
  children: (level: ReactNode) => ReactNode;
};

export function ChannelCard({ ctx, channel, title, about, on, ...props }: ChannelCardProps) {
  const id = useId();
  const testId = `notify-${channel}`;
  const running = ctx.view?.channels.find((c) => c.id === channel) ?? null;
  const problems = (ctx.view?.problems ?? []).filter((p) => p.startsWith(`${channel}:`));
  return (
    <section
      className={on ? 'notify-channel' : 'notify-channel notify-channel-off'}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
    >
      <header className="notify-channel-head">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={on}
            data-testid={`${testId}-enabled`}
            aria-labelledby={`${id}-title`}
            onChange={(event) => {
              props.onToggle(event.target.checked);
            }}
          />
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
        </label>
        <h3 id={`${id}-title`} className="notify-channel-title">
          {title}
        </h3>
        <span className="notify-about">{about}</span>
      </header>
      {on ? (
        <div className="notify-fields">
          {props.children(
            <Field
              id={`${id}-level`}
              testId={`${testId}-minLevel`}
              label="Minimum level"
              kind="choice"
              value={props.minLevel ?? ''}
              placeholder={`inherited: ${ctx.sectionLevel}`}
              choices={levelChoices}
              error={notifyErrorAt(ctx.errors, notifyPath(channel, 'minLevel'))}
              onChange={(text) => {
                props.onLevel(text === '' ? undefined : (text as NotifyMinLevel));
              }}
            />,
          )}
        </div>
      ) : null}
      {on || running !== null ? (
        <ChannelStatus
          channel={channel}
          running={running}
          problems={problems}
          unapplied={ctx.dirty}
          inForce={ctx.inForce.includes(channel)}
        />
      ) : null}
    </section>
  );
}
