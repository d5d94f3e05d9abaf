// The Demo switch: bound to `state.demo` (the core's truth), sends setDemo; shows the change while it is pending.
import { useView } from '../../state';
import { useCommand } from '../../lib/use-command';

export function DemoToggle() {
  const demo = useView((s) => s.view?.demo ?? null);
  const [setDemo, { pending, error }] = useCommand('setDemo');
  return (
    <label className="switch" title={error ?? 'The simulated broker trades by itself'}>
      <input
        type="checkbox"
        role="switch"
        data-testid="demo-toggle"
        checked={demo ?? false}
        disabled={demo === null || pending}
        onChange={(event) => void setDemo({ enabled: event.target.checked })}
      />
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span className="switch-label">Demo</span>
      {error !== null ? (
        <span className="switch-error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}
