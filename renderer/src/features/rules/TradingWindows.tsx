// Trading hours' windows: each its weekdays, start and end (local times in the session's time zone, shown beside
// them), added and removed; every part's error beside it ("windows[0].end: must differ from start").
import { windowParts } from '../../../../shared/config/rule-catalog';
import { weekdays } from '../../../../shared/config/rules';
import { shown } from './config-draft';
import { ItemList, listOf, type ItemProps } from './CompoundParam';
import { Field } from './Field';
import { CheckSet } from './CheckSet';
import type { ParamProps } from './RuleParam';
import { typedText } from './rule-context';
import { dayShort } from './words';

/** A new window: the working week, its times still to be typed. */
const newWindow = () => ({ days: weekdays.slice(0, 5) as string[] });

export function TradingWindows(props: ParamProps) {
  return <ItemList {...props} Row={WindowRow} noun="window" newItem={newWindow} />;
}

function WindowRow({ access, path, index, item, timezone, onChange, remove }: ItemProps) {
  const name = `Window ${index + 1}`;
  const time = (key: 'start' | 'end') => (
    <Field
      id={access.id(`${path}.${key}`)}
      testId={access.testId(`${path}.${key}`)}
      label={windowParts[key]}
      kind="time"
      value={shown(item[key])}
      placeholder="HH:mm"
      error={access.error(`${path}.${key}`)}
      disabled={!access.enabled}
      onChange={(text) => {
        onChange(key, typedText('text', text));
      }}
    />
  );
  return (
    <li className="item-row" data-testid={access.testId(path)}>
      <CheckSet
        label={`${name}: ${windowParts.days}`}
        options={weekdays.map((day) => ({ value: day, label: dayShort(day) }))}
        chosen={listOf(item['days'])}
        disabled={!access.enabled}
        testId={access.testId(`${path}.days`)}
        error={access.error(`${path}.days`)}
        onChange={(days) => {
          onChange('days', days);
        }}
      />
      <div className="item-fields">
        {time('start')}
        {time('end')}
        <span className="field-unit item-zone" data-testid={access.testId(`${path}.timezone`)}>
          {timezone}
        </span>
        {remove}
      </div>
    </li>
  );
}
