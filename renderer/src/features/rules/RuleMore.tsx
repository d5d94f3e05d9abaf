// A rule's consequences, folded under "More" until asked for (or until one of them has an error): what a breach
// does, the lock and the state it locks the account in, and for rules with levels the warning and critical
// fractions. Each empty field says what it inherits, in words; the summary says what a breach will do.
import { useState } from 'react';
import { commonCatalog, consequenceWords, ruleCatalog } from '../../../../shared/config/rule-catalog';
import { commonSchemas } from '../../../../shared/config/rule-spec';
import type { LockUntil, RuleCommon } from '../../../../shared/config/rules';
import { NumberInput } from '../../components/NumberInput';
import { shown } from './config-draft';
import { Field } from './Field';
import { typedText, type RuleAccess } from './rule-context';
import { moreKeys, type MoreKey } from './rule-errors';
import { inheritedWords } from './words';

/** The key's value in force: the account's own when valid, else the inherited one. */
function inForce<K extends MoreKey>(access: RuleAccess, key: K): RuleCommon[K] | undefined {
  const schema: { safeParse: (value: unknown) => { success: boolean } } = commonSchemas[key];
  const own = access.own(key);
  const value = own !== undefined && schema.safeParse(own).success ? own : access.inherited.values[key];
  // Either the account's own, valid for the key, or the inherited value the merge gave it.
  return value as RuleCommon[K] | undefined;
}

export function RuleMore({ access }: { access: RuleAccess }) {
  const { rule } = access;
  const keys = moreKeys(rule);
  const [open, setOpen] = useState(false);
  const hasError = keys.some((key) => access.error(key) !== null);
  const setHere = keys.filter((key) => access.own(key) !== undefined).length;
  const action = inForce(access, 'action');
  const lockState = inForce(access, 'lockState');
  const words =
    ruleCatalog[rule].fixed ??
    (action === undefined || lockState === undefined
      ? ''
      : consequenceWords({ action, lockState, lock: inForce(access, 'lock') }));
  const unused = ruleCatalog[rule].unused ?? [];
  return (
    <details
      className="rule-more"
      open={open || hasError}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary data-testid={access.testId('more')}>
        More{' '}
        <span className="rule-more-words">
          {setHere === 0 ? `inherited: ${words}` : `${words} (${setHere} set here)`}
        </span>
      </summary>
      <div className="rule-params">
        {keys.map((key) =>
          key === 'lock' ? (
            <LockField key={key} access={access} />
          ) : (
            <Field
              key={key}
              id={access.id(key)}
              testId={access.testId(key)}
              label={commonCatalog[key].label}
              kind={commonCatalog[key].kind === 'choice' ? 'choice' : 'decimal'}
              choices={commonCatalog[key].choices}
              unit={commonCatalog[key].unit}
              value={shown(access.own(key))}
              placeholder={inheritedWords(commonCatalog[key], access.inherited.values[key])}
              error={access.error(key)}
              disabled={!access.enabled}
              onChange={(text) => {
                access.set(key, typedText('text', text));
              }}
            />
          ),
        )}
      </div>
      {unused.length > 0 ? (
        <p className="muted param-note" data-testid={access.testId('unused')}>
          This rule decides its own {unused.join(' and ')}: the {unused.join(' and ')} set here{' '}
          {unused.length > 1 ? 'are' : 'is'} accepted but not used.
        </p>
      ) : null}
    </details>
  );
}

const isMinutes = (value: unknown): value is { minutes: unknown } =>
  typeof value === 'object' && value !== null && 'minutes' in value;

/** The lock: none, to the day's or week's end, until reset by hand, or for a number of minutes. */
function LockField({ access }: { access: RuleAccess }) {
  const own = access.own('lock');
  const entry = commonCatalog.lock;
  const inherited = access.inherited.values['lock'] as LockUntil | undefined;
  const testId = access.testId('lock');
  return (
    <Field
      id={access.id('lock')}
      testId={testId}
      label={entry.label}
      kind="choice"
      choices={entry.choices}
      value={own === undefined ? '' : isMinutes(own) ? 'minutes' : shown(own)}
      placeholder={inherited === undefined ? 'inherited: for the pause' : inheritedWords(entry, inherited)}
      error={access.error('lock')}
      disabled={!access.enabled}
      onChange={(text) => {
        if (text !== 'minutes') access.set('lock', text === '' ? undefined : text);
        // No number is made up: the field asks for one until it is typed.
        else access.set('lock', { minutes: isMinutes(inherited) ? inherited.minutes : '' });
      }}
    >
      {isMinutes(own) ? (
        <>
          <NumberInput
            id={access.id('lock-minutes')}
            testId={`${testId}-minutes`}
            inputMode="numeric"
            aria-label={`${ruleCatalog[access.rule].title}: lock minutes`}
            placeholder="minutes"
            value={shown(own.minutes)}
            disabled={!access.enabled}
            onChange={(text) => {
              access.set('lock', { minutes: typedText('count', text) ?? '' });
            }}
          />
          <span className="field-unit">min</span>
        </>
      ) : null}
    </Field>
  );
}
