// The dashboard's accounts: the overview table and, beside it on a wide screen (below it otherwise, and always
// below with a single account), the detail of the opened account: the account panel with its figures, limit
// bars, charts, positions and orders. The panel's own flatten is not shown: the account's row has it (with
// several accounts; with one, Flatten all is that account's).
import { useEffect, useRef, useState } from 'react';
import { AccountPanel } from '../accounts/AccountPanel';
import { selectAccountById, selectAccountCount, useView } from '../../state';
import { OverviewTable } from './OverviewTable';

type AccountsOverviewProps = { opened: string | null; onOpen: (accountId: string) => void };

export function AccountsOverview({ opened, onOpen }: AccountsOverviewProps) {
  const single = useView(selectAccountCount) === 1;
  const openedExists = useView((s) => opened !== null && selectAccountById(opened)(s) !== undefined);
  const detailRef = useRef<HTMLDivElement>(null);
  // Asked by a click or Enter (not the first row opening by itself): the detail is brought into view if it is
  // below the screen (the table above it on a narrower window).
  const [revealed, setRevealed] = useState(0);
  useEffect(() => {
    if (revealed === 0) return;
    const detail = detailRef.current;
    if (detail !== null && detail.getBoundingClientRect().top >= window.innerHeight)
      detail.scrollIntoView({ block: 'start' });
  }, [revealed]);
  return (
    <div className={`overview ${single ? 'overview-single' : 'overview-multi'}`} data-testid="overview">
      <section className="panel overview-panel" aria-label="Accounts overview">
        <OverviewTable
          opened={opened}
          onOpen={(id, byUser) => {
            onOpen(id);
            if (byUser) setRevealed((n) => n + 1);
          }}
        />
      </section>
      <div className="overview-detail" ref={detailRef} data-testid="overview-detail">
        {opened !== null && openedExists ? (
          <AccountPanel key={opened} accountId={opened} showFlatten={false} />
        ) : null}
      </div>
    </div>
  );
}
