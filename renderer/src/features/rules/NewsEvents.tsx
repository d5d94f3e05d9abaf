// News blackout's own events: each release time (ISO 8601 with its offset, read back in the session's time zone
// beside it), the minutes before and after, whether to flatten first, and a name; added and removed, every part's
// error beside it.
import { newsEventParts } from '../../../../shared/config/rule-catalog';
import { ruleSpecs } from '../../../../shared/config/rule-table';
import { shown } from './config-draft';
import { ItemList, type ItemProps } from './CompoundParam';
import { Field, FlagField } from './Field';
import type { ParamProps } from './RuleParam';
import { typedText } from './rule-context';

/** What an event gets for the parts it leaves out (the spec's own defaults). */
const eventDefaults = ruleSpecs.newsBlackout.params.events.parse([{ at: '2026-01-05T08:30:00-06:00' }])[0];

/** "Fri 8 May, 08:30 America/Chicago" for a valid instant; '' otherwise. */
export function localReading(at: unknown, timezone: string): string {
  if (typeof at !== 'string' || !/T\d\d:\d\d/.test(at) || Number.isNaN(Date.parse(at))) return '';
  try {
    const text = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(at));
    return `${text} ${timezone}`;
  } catch {
    return '';
  }
}

export function NewsEvents(props: ParamProps) {
  return <ItemList {...props} Row={EventRow} noun="event" newItem={() => ({})} />;
}

function EventRow({ access, path, item: event, timezone, onChange, remove }: ItemProps) {
  const field = (key: keyof typeof newsEventParts, kind: 'integer' | 'text', placeholder: string) => (
    <Field
      id={access.id(`${path}.${key}`)}
      testId={access.testId(`${path}.${key}`)}
      label={newsEventParts[key]}
      kind={kind}
      value={shown(event[key])}
      placeholder={placeholder}
      below={
        key === 'at' ? (
          <span className="field-unit" data-testid={`${access.testId(`${path}.at`)}-local`}>
            {localReading(event['at'], timezone)}
          </span>
        ) : null
      }
      error={access.error(`${path}.${key}`)}
      disabled={!access.enabled}
      onChange={(text) => {
        onChange(
          key,
          key === 'name'
            ? text === ''
              ? undefined
              : text
            : typedText(kind === 'integer' ? 'count' : 'text', text),
        );
      }}
    />
  );
  return (
    <li className="item-row" data-testid={access.testId(path)}>
      <div className="item-fields item-fields-wide">
        {field('at', 'text', 'e.g. 2026-05-08T08:30:00-05:00')}
        {field('name', 'text', 'no name')}
      </div>
      <div className="item-fields">
        {field('minutesBefore', 'integer', `default: ${shown(eventDefaults?.minutesBefore)}`)}
        {field('minutesAfter', 'integer', `default: ${shown(eventDefaults?.minutesAfter)}`)}
        <FlagField
          id={access.id(`${path}.flatten`)}
          testId={access.testId(`${path}.flatten`)}
          label={newsEventParts.flatten}
          value={event['flatten']}
          placeholder={`default: ${eventDefaults?.flatten === true ? 'yes' : 'no'}`}
          error={access.error(`${path}.flatten`)}
          disabled={!access.enabled}
          onChange={(value) => {
            onChange('flatten', value);
          }}
        />
        {remove}
      </div>
    </li>
  );
}
