// The Phone alerts screen (docs/RULES.md section 13): alerts away from the desk by Telegram, ntfy and a webhook.
// The config's notify section is edited as a draft and applied through the same path as the Rules screen
// (previewConfig, then setConfig); the secrets go straight to setNotifySecrets and are never shown back.
import { useId, useRef, type ReactNode } from 'react';
import { notifyLevels, type NotifyMinLevel } from '../../../../shared/config/notify';
import { choicesNamed } from '../../components/SelectField';
import { useView } from '../../state';
import { Field } from '../rules/Field';
import { RuleErrors } from '../rules/RuleErrors';
import { ChannelCard } from './ChannelCard';
import type { NotifyScreenContext } from './notify-context';
import {
  channelIds,
  errorsNotShown,
  freshBlock,
  notifyErrorAt,
  notifyPath,
  withChannel,
  withKey,
  type ChannelBlock,
  type ChannelId,
  type NotifySection,
} from './notify-draft';
import { NotifyActions } from './NotifyActions';
import { TelegramFields } from './TelegramFields';
import { UrlFields } from './UrlFields';
import { useNotifyDraft } from './use-notify-draft';
import './notifications.css';

const levelChoices = choicesNamed(notifyLevels);

const about: Record<ChannelId, string> = {
  telegram: 'Messages from your own bot, with buttons to act.',
  ntfy: 'Push notifications through an ntfy topic (the ntfy app, or your own server).',
  webhook: 'A signed JSON POST to a URL of yours.',
};
const titles: Record<ChannelId, string> = { telegram: 'Telegram', ntfy: 'ntfy', webhook: 'Webhook' };

export function NotificationsScreen() {
  const id = useId();
  const notify = useNotifyDraft();
  const view = useView((s) => s.view?.notify ?? null);
  // A channel turned off keeps what it had, for when it is turned on again.
  const parked = useRef<NotifySection>({});
  const { section, errors } = notify;
  if (notify.loadError !== null && section === null)
    return <p className="note-bad">Could not read the notification settings: {notify.loadError}</p>;
  if (section === null) return <p className="empty">Loading the notification settings…</p>;

  const sectionLevel = section.minLevel ?? 'critical';
  const ctx: NotifyScreenContext = {
    errors,
    sectionLevel,
    view,
    dirty: notify.dirty,
    inForce: channelIds.filter((channel) => notify.inForce[channel] !== undefined),
  };
  const setBlock = <C extends ChannelId>(channel: C, block: ChannelBlock<C> | undefined) => {
    notify.edit((current) => withChannel(current, channel, block));
  };
  const card = <C extends ChannelId>(
    channel: C,
    fields: (block: ChannelBlock<C>, level: ReactNode) => ReactNode,
  ) => {
    const block = section[channel];
    return (
      <ChannelCard
        ctx={ctx}
        channel={channel}
        title={titles[channel]}
        about={about[channel]}
        on={block !== undefined}
        onToggle={(on) => {
          if (!on) parked.current = withChannel(parked.current, channel, block);
          setBlock(
            channel,
            on ? (parked.current[channel] ?? (freshBlock(channel) as ChannelBlock<C>)) : undefined,
          );
        }}
        minLevel={block?.minLevel}
        onLevel={(level) => {
          if (block !== undefined) setBlock(channel, withKey(block, 'minLevel', level));
        }}
      >
        {(level) => (block === undefined ? null : fields(block, level))}
      </ChannelCard>
    );
  };
  const others = errorsNotShown(errors);
  return (
    <section className="panel notifications" aria-labelledby={`${id}-title`} data-testid="notifications">
      <div className="panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          Phone alerts
        </h2>
      </div>
      <SectionSettings
        sectionLevel={sectionLevel}
        errors={errors}
        problems={view?.problems ?? []}
        onLevel={(level) => {
          notify.edit((current) => withKey(current, 'minLevel', level));
        }}
      />
      <div className="notify-channels">
        {card('telegram', (block, level) => (
          <TelegramFields
            block={block}
            level={level}
            errors={errors}
            onChange={(next) => setBlock('telegram', next)}
          />
        ))}
        {card('ntfy', (block, level) => (
          <UrlFields
            level={level}
            channel="ntfy"
            block={block}
            errors={errors}
            onChange={(next) => setBlock('ntfy', next)}
          />
        ))}
        {card('webhook', (block, level) => (
          <UrlFields
            level={level}
            channel="webhook"
            block={block}
            errors={errors}
            onChange={(next) => setBlock('webhook', next)}
          />
        ))}
      </div>
      <RuleErrors errors={others} />
      <NotifyActions notify={notify} />
    </section>
  );
}

type SectionSettingsProps = {
  sectionLevel: NotifyMinLevel;
  errors: readonly string[];
  problems: readonly string[];
  onLevel: (level: NotifyMinLevel) => void;
};

/** What is sent, the level every channel starts from, and the problems that are no one channel's. */
function SectionSettings({ sectionLevel, errors, problems, onLevel }: SectionSettingsProps) {
  const id = useId();
  return (
    <>
      <p className="notify-intro">
        Alerts away from the desk: every alert at or above the level, every enforcement result, the broker
        link down for over 30 s, and a summary at each day&apos;s roll. Tokens and secrets are kept with the
        broker login, never in the config file, and never shown again.
      </p>
      <div className="notify-section-level">
        <Field
          id={`${id}-level`}
          testId="notify-minLevel"
          label="Send from level"
          kind="choice"
          value={sectionLevel}
          choices={levelChoices}
          error={notifyErrorAt(errors, notifyPath('minLevel'))}
          onChange={(text) => {
            onLevel(text as NotifyMinLevel);
          }}
        />
        <span className="notify-hint">Each channel sends from this level unless it sets its own.</span>
      </div>
      {problems
        .filter((p) => !/^(telegram|ntfy|webhook):/.test(p))
        .map((problem) => (
          <p key={problem} className="notify-problem" data-testid="notify-problem">
            {problem}
          </p>
        ))}
    </>
  );
}
