// News blackout's calendar selection (docs/RULES.md section 12): the impacts and currencies whose releases make
// windows, the minutes before and after, whether to flatten first; or no calendar at all (null), which the
// account may write to turn off a calendar its preset or defaults select.
import { newsCalendarParts, newsImpacts } from '../../../../shared/config/rule-catalog';
import { ruleSpecs } from '../../../../shared/config/rule-table';
import { shown } from './config-draft';
import { CheckSet } from './CheckSet';
import { ChipPicker } from './ChipPicker';
import { CompoundParam, isRecord, listOf, shownValue, withItemKey } from './CompoundParam';
import { Field, FlagField } from './Field';
import { FieldError } from './FieldError';
import type { ParamProps } from './RuleParam';
import { typedText } from './rule-context';

/** What a selection gets for the parts it leaves out (the spec's own defaults). */
const calendarDefaults = ruleSpecs.newsBlackout.params.calendar.parse({
  impacts: ['High'],
  currencies: ['USD'],
});

/** A first selection: high-impact US releases (docs/RULES.md section 12's example). */
const firstSelection = { impacts: ['High'], currencies: ['USD'] };

/** The currencies the calendar feed lists. */
const currencies = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'NZD', 'CHF', 'CNY'];

export function NewsCalendar(props: ParamProps) {
  const { access, param } = props;
  const value = shownValue(access, param);
  const testId = access.testId(param);
  const button = (test: string, label: string, next: unknown) => (
    <button
      type="button"
      className="btn btn-small"
      disabled={!access.enabled}
      data-testid={`${testId}-${test}`}
      onClick={() => {
        access.set(param, next);
      }}
    >
      {label}
    </button>
  );
  if (!isRecord(value)) {
    return (
      <CompoundParam {...props}>
        <p className="muted param-note">No calendar: only your own events make windows.</p>
        {button('on', 'Use the news calendar', firstSelection)}
      </CompoundParam>
    );
  }
  const change = (key: string, next: unknown) => {
    access.set(param, withItemKey(value, key, next));
  };
  const path = (key: string) => `${param}.${key}`;
  const count = (key: 'minutesBefore' | 'minutesAfter') => (
    <Field
      id={access.id(path(key))}
      testId={access.testId(path(key))}
      label={newsCalendarParts[key]}
      kind="integer"
      value={shown(value[key])}
      placeholder={`default: ${shown(calendarDefaults[key])}`}
      error={access.error(path(key))}
      disabled={!access.enabled}
      onChange={(text) => {
        change(key, typedText('count', text));
      }}
    />
  );
  return (
    <CompoundParam {...props}>
      <CheckSet
        label={newsCalendarParts.impacts}
        heading={newsCalendarParts.impacts}
        options={newsImpacts.map((impact) => ({ value: impact, label: impact }))}
        chosen={listOf(value['impacts'])}
        disabled={!access.enabled}
        testId={access.testId(path('impacts'))}
        error={access.error(path('impacts'))}
        onChange={(impacts) => {
          change('impacts', impacts);
        }}
      />
      <div className="param-sub" role="group" aria-label={newsCalendarParts.currencies}>
        <span className="param-sublabel">{newsCalendarParts.currencies}</span>
        <ChipPicker
          testId={access.testId(path('currencies'))}
          label={newsCalendarParts.currencies}
          known={currencies}
          chosen={listOf(value['currencies']).map(shown)}
          disabled={!access.enabled}
          normalise={(text) => text.trim().toUpperCase()}
          onChange={(chosen) => {
            change('currencies', chosen);
          }}
        />
        <FieldError
          testId={`${access.testId(path('currencies'))}-error`}
          message={access.error(path('currencies'))}
        />
      </div>
      <div className="item-fields">
        {count('minutesBefore')}
        {count('minutesAfter')}
        <FlagField
          id={access.id(path('flatten'))}
          testId={access.testId(path('flatten'))}
          label={newsCalendarParts.flatten}
          value={value['flatten']}
          placeholder={`default: ${calendarDefaults.flatten ? 'yes' : 'no'}`}
          error={access.error(path('flatten'))}
          disabled={!access.enabled}
          onChange={(next) => {
            change('flatten', next);
          }}
        />
      </div>
      {button('none', 'No calendar', null)}
    </CompoundParam>
  );
}
