// staleData: an open position whose symbol has had no quote for more than `maxQuoteAgeSeconds` is a critical
// alert (checked as time passes), or with `flatten` a breach that flattens the account. A fresh quote clears it.
import { dec, ONE, ZERO } from '../../../shared/domain/money';
import { forgetClosedPositions } from './position-loss';
import type { Finding, Rule } from './types';
import type { QuoteBound } from './types';

export const staleData: Rule<'staleData'> = {
  id: 'staleData',
  triggers: ['clock', 'quote', 'fill', 'position', 'configChange'],
  evaluate(ctx) {
    const { state, account, settings, event } = ctx;
    forgetClosedPositions(account, 'staleData', event);
    const findings: Finding[] = [];
    for (const position of account.positions.values()) {
      const key = `staleData:${position.symbol}`;
      // Never quoted: the position's own age counts, so a symbol without data is stale after the same wait.
      const quotedAt = state.markets.get(position.symbol)?.quoteAt ?? position.openedAt;
      const ageSeconds = (event.t - quotedAt) / 1000;
      const stale = ageSeconds > settings.maxQuoteAgeSeconds;
      const message = `${position.symbol}: no quote for ${ageSeconds}s (limit ${settings.maxQuoteAgeSeconds}s)`;
      if (stale && settings.flatten) {
        const memory = ctx.memory(key);
        if (memory.level === 'breach') continue;
        memory.level = 'breach';
        findings.push({ kind: 'breach', symbol: position.symbol, message, action: 'flatten' });
        continue;
      }
      // The level is set, not measured: critical while stale, ok (from critical or breach) once fresh.
      findings.push({
        kind: 'measure',
        key,
        symbol: position.symbol,
        value: stale ? dec(settings.criticalAt) : ZERO,
        limit: ONE,
        describe: () => message,
        // The audit keeps the quote's age against the allowed age, in seconds.
        figures: () => {
          const allowed = dec(settings.maxQuoteAgeSeconds);
          return { value: dec(event.t - quotedAt).div(1000), limit: allowed, threshold: allowed };
        },
      });
    }
    return findings;
  },
  quoteBounds(ctx) {
    const { state, account, settings } = ctx;
    const bounds: QuoteBound[] = [];
    for (const position of account.positions.values()) {
      // A stale symbol is cleared by its next quote: every quote matters until then.
      if (ctx.memory(`staleData:${position.symbol}`).level !== 'ok') return 'always';
      const quotedAt = state.markets.get(position.symbol)?.quoteAt ?? position.openedAt;
      bounds.push({ on: 'time', before: quotedAt + settings.maxQuoteAgeSeconds * 1000 + 1 });
    }
    return bounds;
  },
};
