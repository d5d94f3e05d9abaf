// A parameter whose value is a list or a record (trading windows, news events, the calendar selection, symbols,
// per-symbol limits). The account's own value replaces the inherited one as a whole (rules merge key by key,
// docs/RULES.md section 8): the inherited value is shown until the first edit makes a copy of it the account's
// own, and "Use inherited" drops that copy again.
import type { ComponentType, ReactNode } from 'react';
import { FieldError } from './FieldError';
import type { ParamProps } from './RuleParam';
import type { RuleAccess } from './rule-context';

/** What the field shows: the account's own value, else the inherited one. */
export function shownValue(access: RuleAccess, param: string): unknown {
  const own = access.own(param);
  return own === undefined ? access.inherited.values[param] : own;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A copy of `item` with `key` set, or removed when `value` is undefined. */
export function withItemKey(item: unknown, key: string, value: unknown): Record<string, unknown> {
  const { [key]: _old, ...rest } = isRecord(item) ? item : {};
  return value === undefined ? rest : { ...rest, [key]: value };
}

export function CompoundParam({ access, param, entry, children }: ParamProps & { children: ReactNode }) {
  const own = access.own(param) !== undefined;
  const testId = access.testId(param);
  const labelId = `${access.id(param)}-label`;
  const error = access.error(param);
  return (
    <div
      role="group"
      aria-labelledby={labelId}
      className={error === null ? 'param-compound' : 'param-compound field-invalid'}
      data-testid={testId}
    >
      <div className="param-head">
        <span id={labelId} className="param-label">
          {entry.label}
        </span>
        <span className="param-source" data-testid={`${testId}-source`}>
          {own ? 'set for this account' : 'inherited'}
        </span>
        {own ? (
          <button
            type="button"
            className="btn btn-small"
            aria-label={`${entry.label}: use the inherited value`}
            data-testid={`${testId}-inherit`}
            disabled={!access.enabled}
            onClick={() => {
              access.set(param, undefined);
            }}
          >
            Use inherited
          </button>
        ) : null}
      </div>
      {children}
      <FieldError testId={`${testId}-error`} message={error} />
    </div>
  );
}

/** One item of a list parameter as its row draws it. */
export type ItemProps = {
  access: RuleAccess;
  /** "windows[0]": where the item is inside the rule. */
  path: string;
  index: number;
  item: Record<string, unknown>;
  timezone: string;
  onChange: (key: string, value: unknown) => void;
  /** The row's "Remove" button. */
  remove: ReactNode;
};

type ItemListProps = ParamProps & {
  Row: ComponentType<ItemProps>;
  /** What the item is called: "window", "event". */
  noun: string;
  newItem: () => Record<string, unknown>;
};

/** A list parameter (trading windows, news events): each item's row, changed or removed in a copy; and "Add". */
export function ItemList(props: ItemListProps) {
  const { access, ctx, param, Row, noun } = props;
  const items = listOf(shownValue(access, param));
  const write = (next: unknown[]) => {
    access.set(param, next);
  };
  return (
    <CompoundParam {...props}>
      <ol className="item-list">
        {items.map((item, index) => (
          <Row
            // Items have no identity but their place in the list.
            key={index}
            access={access}
            path={`${param}[${index}]`}
            index={index}
            item={isRecord(item) ? item : {}}
            timezone={ctx.timezone}
            onChange={(key, value) => {
              write(items.map((it, i) => (i === index ? withItemKey(it, key, value) : it)));
            }}
            remove={
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Remove ${noun} ${index + 1}`}
                disabled={!access.enabled}
                data-testid={`${access.testId(`${param}[${index}]`)}-remove`}
                onClick={() => {
                  write(items.filter((_, i) => i !== index));
                }}
              >
                Remove
              </button>
            }
          />
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-small"
        disabled={!access.enabled}
        data-testid={access.testId(`${param}.add`)}
        onClick={() => {
          write([...items, props.newItem()]);
        }}
      >
        {`Add ${noun}`}
      </button>
    </CompoundParam>
  );
}
