// A banner across the screen while any flatten is not yet confirmed flat: the trader must not assume it worked.
import { useShallow } from 'zustand/react/shallow';
import { useView } from '../../state';

export function FlattenBanner() {
  const names = useView(
    useShallow((s) => (s.view?.accounts ?? []).filter((a) => a.flattening).map((a) => a.name)),
  );
  if (names.length === 0) return null;
  return (
    <div className="banner banner-bad" role="alert" data-testid="flatten-banner">
      Flattening {names.join(', ')}: not yet confirmed flat. Watch your broker platform until it is.
    </div>
  );
}
