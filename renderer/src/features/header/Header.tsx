// The top bar: product name, broker connection, Demo switch, server time.
import { ConnectionStatus } from './ConnectionStatus';
import { DemoToggle } from './DemoToggle';
import { ServerClock } from './ServerClock';

export function Header() {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-name">Warden</h1>
      </div>
      <ConnectionStatus />
      <div className="topbar-spacer" />
      <DemoToggle />
      <ServerClock />
    </header>
  );
}
