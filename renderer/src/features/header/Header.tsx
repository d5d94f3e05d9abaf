// The top bar: product name, broker connection and where its P&L comes from, Demo switch (on the simulator),
// server time.
import { selectOnSimulator, useView } from '../../state';
import { ConnectionStatus } from './ConnectionStatus';
import { DemoToggle } from './DemoToggle';
import { PnlSource } from './PnlSource';
import { ServerClock } from './ServerClock';

export function Header() {
  const onSimulator = useView(selectOnSimulator);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-name">Warden</h1>
      </div>
      <ConnectionStatus />
      <PnlSource />
      <div className="topbar-spacer" />
      {onSimulator ? <DemoToggle /> : null}
      <ServerClock />
    </header>
  );
}
