// A what-if run as the panel follows it: started with the draft as it stands (whatIf), its progress asked every
// WHAT_IF_POLL_MS (whatIfStatus) until it ends, cancelled on request (cancelWhatIf). A run that nobody can see
// any more (the panel gone, another account chosen) is cancelled; answers about a run given up are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandResponse } from '../../../../shared/ipc';
import type { WhatIfResult } from '../../../../shared/ipc/what-if';
import { useCommand } from '../../lib/use-command';

export const WHAT_IF_POLL_MS = 250;

export type WhatIfRun =
  | { state: 'idle' }
  | { state: 'starting' }
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; result: WhatIfResult }
  | { state: 'cancelled' }
  | { state: 'failed'; error: string };

/** What a run was asked: the account, the days and the document as it was when Run was pressed. */
export type WhatIfAsked = { account: string; days: number; config: unknown };

export type WhatIf = {
  run: WhatIfRun;
  /** What the run shown was asked; null before the first run. */
  asked: WhatIfAsked | null;
  start: (days: number) => void;
  cancel: () => void;
};

const IDLE: WhatIfRun = { state: 'idle' };

function runOf(response: CommandResponse<'whatIfStatus'>): WhatIfRun {
  if (!response.ok) return { state: 'failed', error: response.error };
  const status = response.result;
  switch (status.state) {
    case 'running':
      return { state: 'running', done: status.done, total: status.total };
    case 'done':
      return { state: 'done', result: status.result };
    case 'cancelled':
      return { state: 'cancelled' };
    case 'failed':
      return { state: 'failed', error: status.error };
  }
}

type Live = {
  /** Bumped whenever a run is started or given up: answers carrying an older one are dropped. */
  generation: number;
  /** The run being followed, once whatIf has answered. */
  run: string | null;
  stopTimer: () => void;
};

export function useWhatIf(account: string, draft: unknown): WhatIf {
  const [sendWhatIf] = useCommand('whatIf');
  const [askStatus] = useCommand('whatIfStatus');
  const [sendCancel] = useCommand('cancelWhatIf');
  const [shown, setShown] = useState<{ asked: WhatIfAsked | null; run: WhatIfRun }>({
    asked: null,
    run: IDLE,
  });
  const live = useRef<Live>({ generation: 0, run: null, stopTimer: () => undefined });

  /** Stops following the run (without cancelling it); returns it, and the generation answers must now carry. */
  const giveUp = useCallback((): { run: string | null; generation: number } => {
    const current = live.current;
    current.stopTimer();
    const { run } = current;
    current.run = null;
    current.generation += 1;
    return { run, generation: current.generation };
  }, []);

  const follow = useCallback(
    (generation: number, run: string, asked: WhatIfAsked) => {
      const timer = setTimeout(() => {
        void askStatus({ run }).then((response) => {
          if (live.current.generation !== generation) return;
          const next = runOf(response);
          setShown({ asked, run: next });
          if (next.state === 'running') follow(generation, run, asked);
          else live.current.run = null;
        });
      }, WHAT_IF_POLL_MS);
      live.current.stopTimer = () => {
        clearTimeout(timer);
      };
    },
    [askStatus],
  );

  const start = useCallback(
    (days: number) => {
      const asked: WhatIfAsked = { account, days, config: structuredClone(draft) };
      const { generation } = giveUp();
      setShown({ asked, run: { state: 'starting' } });
      void sendWhatIf(asked).then((response) => {
        if (live.current.generation !== generation) {
          // Cancelled (or superseded) before the core answered: the run it started is not wanted.
          if (response.ok) void sendCancel({ run: response.result.run });
          return;
        }
        if (!response.ok) {
          setShown({ asked, run: { state: 'failed', error: response.error } });
          return;
        }
        live.current.run = response.result.run;
        setShown({ asked, run: { state: 'running', done: 0, total: response.result.total } });
        follow(generation, response.result.run, asked);
      });
    },
    [account, draft, giveUp, sendWhatIf, sendCancel, follow],
  );

  const cancel = useCallback(() => {
    const { run, generation } = giveUp();
    if (run === null) {
      setShown((current) => ({ ...current, run: { state: 'cancelled' } }));
      return;
    }
    void sendCancel({ run }).then(async (response) => {
      // A run that had ended already is shown as it ended.
      const ended = response.ok && !response.result.cancelled ? runOf(await askStatus({ run })) : null;
      if (live.current.generation !== generation) return;
      setShown((current) => ({
        ...current,
        run: ended === null || ended.state === 'running' ? { state: 'cancelled' } : ended,
      }));
    });
  }, [giveUp, sendCancel, askStatus]);

  // The panel gone or another account chosen: the run is nobody's any more, nor what it showed.
  useEffect(
    () => () => {
      const { run } = giveUp();
      if (run !== null) void sendCancel({ run });
      setShown({ asked: null, run: IDLE });
    },
    [account, giveUp, sendCancel],
  );

  const mine = shown.asked === null || shown.asked.account === account;
  return { run: mine ? shown.run : IDLE, asked: mine ? shown.asked : null, start, cancel };
}
