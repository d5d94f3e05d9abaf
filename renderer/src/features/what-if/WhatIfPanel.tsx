// The what-if of the Rules screen (issue 15): the account's last 7, 30 or 90 journaled days replayed through the
// rules as edited (not yet applied), with its progress while it runs and Cancel; then what the rules would have
// done beside what happened, marked as for the rules as they were once the draft changes again.
import { useId, useState } from 'react';
import { SelectField } from '../../components/SelectField';
import { sameDocument } from '../rules/config-draft';
import { useWhatIf, type WhatIfAsked, type WhatIfRun } from './use-what-if';
import { WhatIfResultView } from './WhatIfResultView';
import './what-if.css';

export const WHAT_IF_DAYS = [7, 30, 90] as const;
const dayChoices = WHAT_IF_DAYS.map((n) => ({ value: String(n), label: `Last ${n} days` }));

export type WhatIfPanelProps = {
  account: string;
  /** The config document as the Rules screen edits it. */
  draft: unknown;
};

export function WhatIfPanel({ account, draft }: WhatIfPanelProps) {
  const baseId = useId();
  const [days, setDays] = useState<number>(30);
  const { run, asked, start, cancel } = useWhatIf(account, draft);
  const busy = run.state === 'starting' || run.state === 'running';
  return (
    <section className="what-if" aria-labelledby={`${baseId}-title`} data-testid="what-if">
      <div className="what-if-head">
        <h3 id={`${baseId}-title`} className="what-if-title">
          What would these rules have done?
        </h3>
        <SelectField
          id={`${baseId}-days`}
          label="Days"
          testId="what-if-days"
          value={String(days)}
          choices={dayChoices}
          onChange={(value) => {
            setDays(Number(value));
          }}
        />
        {busy ? (
          <button type="button" className="btn" onClick={cancel} data-testid="what-if-cancel">
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              start(days);
            }}
            data-testid="what-if-run"
          >
            Run
          </button>
        )}
      </div>
      <p className="what-if-explain">
        Replays {account}’s journaled days through the rules as edited here, before you apply them, beside
        what happened.
      </p>
      <RunState run={run} asked={asked} draft={draft} />
    </section>
  );
}

/** The run on its way, or how it ended: its result (marked once the draft has changed since), or why not. */
function RunState({ run, asked, draft }: { run: WhatIfRun; asked: WhatIfAsked | null; draft: unknown }) {
  switch (run.state) {
    case 'idle':
      return null;
    case 'done':
      return asked === null ? null : (
        <WhatIfResultView result={run.result} asked={asked} stale={!sameDocument(asked.config, draft)} />
      );
    case 'starting':
      return <Progress done={null} total={null} />;
    case 'running':
      return <Progress done={run.done} total={run.total} />;
    case 'cancelled':
      return (
        <p className="what-if-ended" role="status" data-testid="what-if-cancelled">
          Cancelled
        </p>
      );
    case 'failed':
      return (
        <p className="note-bad" role="alert" data-testid="what-if-failed">
          Failed: {run.error}
        </p>
      );
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** The journal's rows replayed so far; without figures yet while the core counts them. */
function Progress({ done, total }: { done: number | null; total: number | null }) {
  const words =
    done === null || total === null ? 'Reading the journal…' : `${count(done)} of ${count(total)} events`;
  const share = done === null || total === null || total === 0 ? 0 : Math.min(1, done / total);
  return (
    <div className="what-if-progress" data-testid="what-if-progress">
      <div
        className="what-if-track"
        role="progressbar"
        aria-label="What-if progress"
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={done ?? undefined}
        aria-valuetext={words}
      >
        <div className="what-if-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <span className="what-if-progress-words num">{words}</span>
    </div>
  );
}
