// A channel as the core runs it: the last delivery (when, or why it failed), what waits and what was dropped when
// there is any, the problems that keep it from running (amber), and "Send a test message" with its result.
import { useState } from 'react';
import type { NotifyDeliveryView, NotifyView } from '../../../../shared/ipc';
import { formatClock } from '../../lib/format';
import { useCommand } from '../../lib/use-command';
import type { ChannelId } from './notify-draft';

type ChannelView = NotifyView['channels'][number];

/** "Delivered 14:25:03", or the failure in words. */
export function deliveryWords(delivery: NotifyDeliveryView): string {
  return delivery.ok
    ? `Delivered ${formatClock(delivery.at)}`
    : `Not delivered (${formatClock(delivery.at)}): ${delivery.error}`;
}

type ChannelStatusProps = {
  channel: ChannelId;
  /** The channel as the core runs it; null when it is not in force (off, or not applied yet). */
  running: ChannelView | null;
  problems: readonly string[];
  /** The draft differs from what is in force: a test uses what is in force. */
  unapplied: boolean;
  /** The config in force has the channel (it may still not run: its problems say why). */
  inForce: boolean;
};

export function ChannelStatus({ channel, running, problems, ...more }: ChannelStatusProps) {
  const testId = `notify-${channel}`;
  return (
    <div className="notify-status">
      <TestButton channel={channel} running={running} {...more} />
      {running?.last == null ? null : (
        <p
          className={running.last.ok ? 'notify-last' : 'notify-last note-bad'}
          data-testid={`${testId}-last`}
        >
          Last: {deliveryWords(running.last)}
        </p>
      )}
      {running !== null && (running.waiting > 0 || running.dropped > 0) ? (
        <p className="notify-queue" data-testid={`${testId}-queue`}>
          {[
            running.waiting > 0 ? `${running.waiting} waiting` : null,
            running.dropped > 0 ? `${running.dropped} dropped` : null,
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </p>
      ) : null}
      {problems.map((problem) => (
        <p key={problem} className="notify-problem" data-testid={`${testId}-problem`}>
          {problem}
        </p>
      ))}
    </div>
  );
}

function TestButton({ channel, running, unapplied, inForce }: Omit<ChannelStatusProps, 'problems'>) {
  const [testNotify, { pending, error }] = useCommand('testNotify');
  const [result, setResult] = useState<NotifyDeliveryView | null>(null);
  const testId = `notify-${channel}-test`;
  const send = () => {
    setResult(null);
    void testNotify({ channel }).then((response) => {
      if (response.ok) setResult(response.result);
    });
  };
  const words = error !== null ? `Not sent: ${error}` : result === null ? null : deliveryWords(result);
  return (
    <div className="notify-test">
      <button
        type="button"
        className="btn btn-small"
        data-testid={testId}
        disabled={running === null || pending}
        aria-busy={pending}
        onClick={send}
      >
        {pending ? 'Sending…' : 'Send a test message'}
      </button>
      {words === null ? null : (
        <span
          className={error === null && result?.ok === true ? 'notify-test-ok' : 'note-bad'}
          role="status"
          data-testid={`${testId}-result`}
        >
          {words}
        </span>
      )}
      {!inForce ? (
        <span className="notify-hint">Apply the channel first: a test uses the settings in force.</span>
      ) : running !== null && unapplied ? (
        <span className="notify-hint">Tests the settings in force, not your unapplied edits.</span>
      ) : null}
    </div>
  );
}
