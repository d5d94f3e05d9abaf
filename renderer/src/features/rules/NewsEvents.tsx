// News blackout's own events: each release time (a date and a time in the session's time zone, kept as the ISO
// 8601 instant with that zone's offset, read back with its weekday under it), the minutes before and after, whether
// to flatten first, and a name; added and removed, every part's error beside it.
import { newsEventParts } from '../../../../shared/config/rule-catalog';
import { ruleSpecs } from '../../../../shared/config/rule-table';
import { shown } from './config-draft';
import { ItemList, type ItemProps } from './CompoundParam';
import { Field, FlagField } from './Field';
import { FieldError } from './FieldError';
import type { ParamProps } from './RuleParam';
import { typedText } from './rule-context';
import { instantOfWallTime, wallTimeOf } from './zone-time';

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
  const field = (
    key: Exclude<keyof typeof newsEventParts, 'at'>,
    kind: 'integer' | 'text',
    placeholder: string,
  ) => (
    <Field
      id={access.id(`${path}.${key}`)}
      testId={access.testId(`${path}.${key}`)}
      label={newsEventParts[key]}
      kind={kind}
      value={shown(event[key])}
      placeholder={placeholder}
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
        <ReleaseTime access={access} path={path} at={event['at']} timezone={timezone} onChange={onChange} />
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

/** The release time: a date and time in the session's zone; the zone beside it, the weekday reading under it. */
function ReleaseTime(props: Pick<ItemProps, 'access' | 'path' | 'timezone' | 'onChange'> & { at: unknown }) {
  const { access, path, at, timezone } = props;
  const id = access.id(`${path}.at`);
  const testId = access.testId(`${path}.at`);
  const error = access.error(`${path}.at`);
  return (
    <div className={error === null ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>{newsEventParts.at}</label>
      <div className="field-control">
        <input
          id={id}
          type="datetime-local"
          data-testid={testId}
          value={wallTimeOf(at, timezone)}
          disabled={!access.enabled}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : `${id}-error`}
          onChange={(event) => {
            const text = event.target.value;
            props.onChange('at', text === '' ? undefined : (instantOfWallTime(text, timezone) ?? text));
          }}
        />
        <span className="field-unit">{timezone}</span>
      </div>
      <span className="field-unit" data-testid={`${testId}-local`}>
        {localReading(at, timezone)}
      </span>
      <FieldError id={`${id}-error`} testId={`${testId}-error`} message={error} />
    </div>
  );
}
