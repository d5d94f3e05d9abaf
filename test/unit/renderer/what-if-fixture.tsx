// The what-if panel's tests: a result as the core would answer it, the panel rendered over the fake host with a
// scriptable whatIfStatus, and each table row read as the trader reads it.
import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { WhatIfPanel } from '../../../renderer/src/features/what-if/WhatIfPanel';
import type { CommandName, CommandResponse } from '../../../shared/ipc';
import type { WhatIfResult, WhatIfStatus } from '../../../shared/ipc/what-if';
import { buildFixtureState } from '../../helpers/fixture-state';
import { renderWithState, type SentCommand } from './harness';

export const ACCOUNT = 'SIM-50K';

/** The rules as edited: a daily loss of 600 (Chicago is the default session's zone). */
export const DRAFT = { accounts: { [ACCOUNT]: { rules: { dailyLoss: { amount: 600 } } } } };

/**
 * Three days of April 2026 (Chicago on daylight time, UTC−5): the 1st as it happened; the 6th stopped at 09:47
 * after a warning at 09:20 and a breach of the trades per day at 09:40, losing 608.50 instead of 2,008.00; the 7th
 * stopped from the evening before (17:00 on the 6th) by the lock carried over, so 0.00 instead of +120.25.
 */
export function threeDays(): WhatIfResult {
  return {
    account: ACCOUNT,
    days: [
      {
        day: '2026-04-01',
        actualNetPnl: '596',
        whatIfNetPnl: '596',
        breaches: 0,
        flattens: 0,
        stoppedAt: null,
        firstFired: [],
      },
      {
        day: '2026-04-06',
        actualNetPnl: '-2008',
        whatIfNetPnl: '-608.5',
        breaches: 2,
        flattens: 1,
        stoppedAt: '2026-04-06T14:47:00Z',
        firstFired: [
          { rule: 'dailyLoss', level: 'warning', at: '2026-04-06T14:20:00Z' },
          { rule: 'tradeFrequency', level: 'breach', at: '2026-04-06T14:40:00Z' },
        ],
      },
      {
        day: '2026-04-07',
        actualNetPnl: '120.25',
        whatIfNetPnl: '0',
        breaches: 0,
        flattens: 0,
        stoppedAt: '2026-04-06T22:00:00Z',
        firstFired: [],
      },
    ],
    actualNetPnl: '-1291.75',
    whatIfNetPnl: '-12.5',
    daysStopped: 2,
    events: 1234,
    summary:
      'With these rules you would have been stopped on 2 days and finished -12.50 instead of -1,291.75.',
  };
}

type Script = {
  /** What whatIf answers (default: run "run-7" of 8 rows). */
  started?: CommandResponse<'whatIf'> | Promise<CommandResponse<'whatIf'>>;
  /** What whatIfStatus answers now; the test may change it between polls. */
  status: WhatIfStatus;
  /** What cancelWhatIf answers (default: cancelled). */
  cancelled?: boolean;
};

/** Lets the test edit the draft (or choose another account) as the Rules screen would. */
let edit: (next: { account?: string; draft?: unknown }) => void = () => undefined;

function Screen({ draft }: { draft: unknown }) {
  const [shown, setShown] = useState({ account: ACCOUNT, draft });
  edit = (next) => {
    setShown((current) => ({ ...current, ...next }));
  };
  return <WhatIfPanel account={shown.account} draft={shown.draft} />;
}

/** The panel over the fake host; `script.status` is read at each whatIfStatus. */
export function renderPanel(script: Script, draft: unknown = DRAFT) {
  const host = renderWithState(buildFixtureState(), {
    ui: <Screen draft={draft} />,
    handlers: {
      whatIf: () => script.started ?? { ok: true, result: { run: 'run-7', total: 8 } },
      whatIfStatus: () => ({ ok: true, result: script.status }),
      cancelWhatIf: () => ({ ok: true, result: { cancelled: script.cancelled ?? true } }),
    },
  });
  return {
    ...host,
    edit: (next: { account?: string; draft?: unknown }) => {
      act(() => {
        edit(next);
      });
    },
    run: () => {
      fireEvent.click(screen.getByTestId('what-if-run'));
    },
    sentOf: <N extends CommandName>(command: N) =>
      host.sent.filter((s): s is Extract<SentCommand, { command: N }> => s.command === command),
  };
}

/** A row's cells as read: the fired-first list as its items joined by "; ". */
export function rowTexts(row: HTMLElement): string[] {
  return [...row.querySelectorAll('th, td')].map((cell) => {
    const items = cell.querySelectorAll('li');
    if (items.length === 0) return cell.textContent;
    return [...items].map((item) => item.textContent).join('; ');
  });
}
