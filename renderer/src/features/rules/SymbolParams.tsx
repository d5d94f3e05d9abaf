// Symbols in a rule: the blocked symbols as chips chosen from the broker's instruments (others may be typed in),
// and the per-symbol contract limits, one line per symbol with its limit and its error beside it.
import { useId } from 'react';
import { shown } from './config-draft';
import { AddWord, ChipPicker } from './ChipPicker';
import { CompoundParam, isRecord, listOf, shownValue } from './CompoundParam';
import { Field } from './Field';
import type { ParamProps } from './RuleParam';

/** A symbol as typed: no spaces around it; the broker's own spelling is kept. */
const symbolOf = (text: string): string => text.trim();

export function BlockedSymbols(props: ParamProps) {
  const { access, ctx, param, entry } = props;
  const chosen = listOf(shownValue(access, param)).map(shown);
  return (
    <CompoundParam {...props}>
      <ChipPicker
        testId={access.testId(param)}
        label={entry.label}
        known={ctx.instruments}
        chosen={chosen}
        disabled={!access.enabled}
        normalise={symbolOf}
        onChange={(symbols) => {
          access.set(param, symbols);
        }}
      />
    </CompoundParam>
  );
}

export function SymbolLimits(props: ParamProps) {
  const { access, ctx, param, entry } = props;
  const value = shownValue(access, param);
  const limits = isRecord(value) ? value : {};
  const listId = useId();
  const write = (next: Record<string, unknown>) => {
    access.set(param, next);
  };
  const testId = access.testId(param);
  return (
    <CompoundParam {...props}>
      {Object.entries(limits).map(([symbol, limit]) => (
        <Field
          key={symbol}
          id={access.id(`${param}.${symbol}`)}
          testId={access.testId(`${param}.${symbol}`)}
          label={symbol}
          kind="decimal"
          value={shown(limit)}
          placeholder="required"
          unit={entry.unit}
          error={access.error(`${param}.${symbol}`)}
          disabled={!access.enabled}
          onChange={(text) => {
            write({ ...limits, [symbol]: text.trim() });
          }}
        >
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Remove the ${symbol} limit`}
            disabled={!access.enabled}
            data-testid={`${access.testId(`${param}.${symbol}`)}-remove`}
            onClick={() => {
              write(Object.fromEntries(Object.entries(limits).filter(([s]) => s !== symbol)));
            }}
          >
            Remove
          </button>
        </Field>
      ))}
      <AddWord
        testId={testId}
        label={entry.label}
        placeholder="symbol"
        buttonLabel="Add symbol"
        list={listId}
        disabled={!access.enabled}
        normalise={symbolOf}
        onAdd={(symbol) => {
          if (!(symbol in limits)) write({ ...limits, [symbol]: '' });
        }}
      >
        <datalist id={listId}>
          {ctx.instruments
            .filter((symbol) => !(symbol in limits))
            .map((symbol) => (
              <option key={symbol} value={symbol} />
            ))}
        </datalist>
      </AddWord>
    </CompoundParam>
  );
}
