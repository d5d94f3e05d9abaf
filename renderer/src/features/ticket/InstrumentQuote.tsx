// The live bid and ask of the ticket's symbol, large enough to read while deciding.
import { useShallow } from 'zustand/react/shallow';
import { formatPrice } from '../../lib/format';
import { selectInstrument, useView } from '../../state';

export function InstrumentQuote({ symbol }: { symbol: string }) {
  const q = useView(
    useShallow((s) => {
      const instrument = selectInstrument(symbol)(s);
      return {
        name: instrument?.name ?? '',
        bid: formatPrice(instrument?.bid, instrument?.tickSize),
        ask: formatPrice(instrument?.ask, instrument?.tickSize),
      };
    }),
  );
  return (
    <div className="quote" data-testid="ticket-quote" aria-label={`${symbol} bid ${q.bid}, ask ${q.ask}`}>
      <div className="quote-side">
        <span className="quote-label">Bid</span>
        <span className="num quote-price" data-testid="ticket-bid">
          {q.bid}
        </span>
      </div>
      <div className="quote-side quote-ask">
        <span className="quote-label">Ask</span>
        <span className="num quote-price" data-testid="ticket-ask">
          {q.ask}
        </span>
      </div>
      <div className="quote-name muted">{q.name}</div>
    </div>
  );
}
