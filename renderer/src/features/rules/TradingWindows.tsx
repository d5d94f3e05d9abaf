// Trading hours' windows: each its weekdays, start and end (local times in the session's time zone, shown beside
// them), added and removed; every part's error beside it ("windows[0].end: must differ from start").
import { windowParts } from '../../../../shared/config/rule-catalog';
import { weekdays } from '../../../../shared/config/rules';
import { shown } from './config-draft';
import { CompoundParam, listOf, shownValue, withItemKey } from './CompoundParam';
import { Field } from './Field';
import { CheckSet } from './CheckSet';
import type { ParamProps } from './RuleParam';
import { typedText, type RuleAccess } from './rule-context';
import { dayShort } from './words';

/** A new window: the working week, its times still to be typed. */
const newWindow = () => ({ days: weekdays.slice(0, 5) });

export function TradingWindows(props: ParamProps) {
  const { access, ctx, param } = props;
  const windows = listOf(shownValue(access, param));
  const write = (next: unknown[]) => {
    access.set(param, next);
  };
  return (
    <CompoundParam {...props}>
      <ol className="item-list">
        {windows.map((window, index) => (
          <WindowRow
            // Windows have no identity but their place in the list.
            key={index}
            access={access}
            path={`${param}[${index}]`}
            index={index}
            window={window}
            timezone={ctx.timezone}
            onChange={(key, value) => {
              write(windows.map((w, i) => (i === index ? withItemKey(w, key, value) : w)));
            }}
            onRemove={() => {
              write(windows.filter((_, i) => i !== index));
            }}
          />
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-small"
        disabled={!access.enabled}
        data-testid={access.testId(`${param}.add`)}
        onClick={() => {
          write([...windows, newWindow()]);
        }}
      >
        Add window
      </button>
    </CompoundParam>
  );
}

type WindowRowProps = {
  access: RuleAccess;
  path: string;
  index: number;
  window: unknown;
  timezone: string;
  onChange: (key: string, value: unknown) => void;
  onRemove: () => void;
};

function WindowRow({ access, path, index, window, timezone, onChange, onRemove }: WindowRowProps) {
  const item = (window ?? {}) as Record<string, unknown>;
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
        <button
          type="button"
          className="btn btn-small"
          aria-label={`Remove window ${index + 1}`}
          disabled={!access.enabled}
          data-testid={`${access.testId(path)}-remove`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
