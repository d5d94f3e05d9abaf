// One parameter of a rule, shown by its kind in the catalog: a figure or a time (with a "no limit" switch where
// the spec allows null), a choice, a yes/no flag, or a compound value (trading windows, news events, the calendar
// selection, blocked symbols, per-symbol limits).
import type { ParamEntry, ParamKind } from '../../../../shared/config/rule-catalog';
import { shown } from './config-draft';
import { Field, FlagField, type FieldKind } from './Field';
import { BlockedSymbols, SymbolLimits } from './SymbolParams';
import { NewsCalendar } from './NewsCalendar';
import { NewsEvents } from './NewsEvents';
import { typedText, type RuleAccess, type RuleContext } from './rule-context';
import { TradingWindows } from './TradingWindows';
import { inheritedWords } from './words';

export type ParamProps = { access: RuleAccess; ctx: RuleContext; param: string; entry: ParamEntry };

export function RuleParam(props: ParamProps) {
  switch (props.entry.kind) {
    case 'windows':
      return <TradingWindows {...props} />;
    case 'newsEvents':
      return <NewsEvents {...props} />;
    case 'newsCalendar':
      return <NewsCalendar {...props} />;
    case 'symbols':
      return <BlockedSymbols {...props} />;
    case 'symbolLimits':
      return <SymbolLimits {...props} />;
    case 'choice':
      return <ChoiceParam {...props} />;
    case 'flag':
      return <FlagParam {...props} />;
    case 'money':
    case 'decimal':
    case 'percent':
    case 'fraction':
    case 'count':
    case 'timeOfDay':
    case 'lock':
      return <ScalarParam {...props} />;
  }
}

/** The field a figure or time is typed in. */
export function fieldKindOf(kind: ParamKind): FieldKind {
  if (kind === 'count') return 'integer';
  return kind === 'timeOfDay' ? 'time' : 'decimal';
}

/** A figure or time of day; where null is allowed, a switch that writes it ("no limit"). */
function ScalarParam({ access, ctx, param, entry }: ParamProps) {
  const own = access.own(param);
  const none = own === null;
  const testId = access.testId(param);
  return (
    <Field
      id={access.id(param)}
      testId={testId}
      label={entry.label}
      kind={fieldKindOf(entry.kind)}
      value={none ? '' : shown(own)}
      placeholder={none ? entry.none : inheritedWords(entry, access.inherited.values[param])}
      unit={entry.kind === 'timeOfDay' ? ctx.timezone : entry.unit}
      error={access.error(param)}
      disabled={!access.enabled || none}
      onChange={(text) => {
        access.set(param, typedText(entry.kind === 'count' ? 'count' : 'text', text));
      }}
      below={
        entry.none === undefined ? null : (
          <label className="none-toggle">
            <input
              type="checkbox"
              checked={none}
              disabled={!access.enabled}
              aria-label={`${entry.label}: ${entry.none}`}
              data-testid={`${testId}-none`}
              onChange={(event) => {
                access.set(param, event.target.checked ? null : undefined);
              }}
            />
            {entry.none}
          </label>
        )
      }
    />
  );
}

/** A choice; the empty choice is the inherited one, in words. */
function ChoiceParam({ access, param, entry }: ParamProps) {
  return (
    <Field
      id={access.id(param)}
      testId={access.testId(param)}
      label={entry.label}
      kind="choice"
      choices={entry.choices}
      value={shown(access.own(param))}
      placeholder={inheritedWords(entry, access.inherited.values[param])}
      error={access.error(param)}
      disabled={!access.enabled}
      onChange={(text) => {
        access.set(param, text === '' ? undefined : text);
      }}
    />
  );
}

function FlagParam({ access, param, entry }: ParamProps) {
  return (
    <FlagField
      id={access.id(param)}
      testId={access.testId(param)}
      label={entry.label}
      value={access.own(param)}
      placeholder={inheritedWords(entry, access.inherited.values[param])}
      error={access.error(param)}
      disabled={!access.enabled}
      onChange={(value) => {
        access.set(param, value);
      }}
    />
  );
}
