// One group of the config in the rule editor (docs/RULES.md section 10): its name, its members among the config's
// accounts, its rules and its trade copier, each error beside its field. The draft is validated and previewed
// like any other edit; nothing here judges whether the group is valid.
import { NumberInput } from '../../components/NumberInput';
import { choicesNamed } from '../../components/SelectField';
import { shown, type Draft } from './config-draft';
import { Field } from './Field';
import { FieldError } from './FieldError';
import {
  copierFields,
  groupFieldError,
  groupRuleFields,
  groupsOf,
  isGroupRuleOn,
  withCopier,
  withCopierParam,
  withGroupLockMinutes,
  withGroupName,
  withGroupRule,
  withGroupRuleParam,
  withMember,
  type GroupDraft,
  type GroupFieldSpec,
} from './group-draft';

type GroupEditorProps = {
  draft: Draft;
  group: string;
  errors: readonly string[];
  onEdit: (draft: Draft) => void;
  onRemove: () => void;
};

export function GroupEditor({ draft, group: id, errors, onEdit, onRemove }: GroupEditorProps) {
  const group: GroupDraft = groupsOf(draft)[id] ?? {};
  const accounts = Object.keys(draft.accounts ?? {});
  const error = (path: string) => groupFieldError(errors, id, path);
  return (
    <div className="group-editor" data-testid="group-editor">
      <div className="rule-editor-head">
        <div className={error('name') === null ? 'field' : 'field field-invalid'}>
          <label htmlFor="group-name">Name</label>
          <input
            id="group-name"
            type="text"
            data-testid="group-name"
            value={group.name ?? ''}
            onChange={(event) => {
              onEdit(withGroupName(draft, id, event.target.value));
            }}
          />
          <FieldError testId="group-name-error" message={error('name')} />
        </div>
        <button type="button" className="btn btn-small" data-testid="group-remove" onClick={onRemove}>
          Remove group
        </button>
      </div>
      <fieldset className="rule" data-testid="group-members">
        <legend>Members</legend>
        {accounts.map((account) => (
          <label key={account} className="rule-toggle">
            <input
              type="checkbox"
              data-testid={`group-member-${account}`}
              checked={(group.accounts ?? []).includes(account)}
              onChange={(event) => {
                onEdit(withMember(draft, id, account, event.target.checked, accounts));
              }}
            />
            {account}
          </label>
        ))}
        <FieldError testId="group-members-error" message={error('accounts')} />
      </fieldset>
      <div className="rules-grid">
        {groupRuleFields.map(({ rule, title, fields }) => {
          const block = group.rules?.[rule];
          const on = isGroupRuleOn(block);
          return (
            <fieldset key={rule} className={on ? 'rule' : 'rule rule-off'} data-testid={`group-rule-${rule}`}>
              <legend>
                <label className="rule-toggle">
                  <input
                    type="checkbox"
                    checked={on}
                    data-testid={`group-rule-${rule}-enabled`}
                    onChange={(event) => {
                      onEdit(withGroupRule(draft, id, rule, event.target.checked));
                    }}
                  />
                  {title}
                </label>
              </legend>
              {fields.map((field) => (
                <GroupField
                  key={field.param}
                  testId={`group-rule-${rule}-${field.param}`}
                  field={field}
                  enabled={on}
                  value={block?.[field.param]}
                  error={error(`rules.${rule}.${field.param}`)}
                  onChange={(text) => {
                    onEdit(withGroupRuleParam(draft, id, rule, field, text));
                  }}
                  onMinutes={(text) => {
                    onEdit(withGroupLockMinutes(draft, id, rule, text));
                  }}
                />
              ))}
            </fieldset>
          );
        })}
        <CopierFieldset draft={draft} id={id} group={group} error={error} onEdit={onEdit} />
      </div>
    </div>
  );
}

type CopierProps = {
  draft: Draft;
  id: string;
  group: GroupDraft;
  error: (path: string) => string | null;
  onEdit: (draft: Draft) => void;
};

function CopierFieldset({ draft, id, group, error, onEdit }: CopierProps) {
  const copier = group.copier;
  const on = copier !== undefined;
  const leaders = [
    ...new Set([
      ...(group.accounts ?? []),
      ...(typeof copier?.['leader'] === 'string' ? [copier['leader']] : []),
    ]),
  ];
  const leaderField: GroupFieldSpec = { param: 'leader', label: 'Leader', kind: 'choice', choices: leaders };
  return (
    <fieldset className={on ? 'rule' : 'rule rule-off'} data-testid="group-copier">
      <legend>
        <label className="rule-toggle">
          <input
            type="checkbox"
            checked={on}
            data-testid="group-copier-enabled"
            onChange={(event) => {
              onEdit(withCopier(draft, id, event.target.checked));
            }}
          />
          Trade copier
        </label>
      </legend>
      {[leaderField, ...copierFields].map((field) => (
        <GroupField
          key={field.param}
          testId={`group-copier-${field.param}`}
          field={field}
          enabled={on}
          value={copier?.[field.param]}
          error={error(`copier.${field.param}`)}
          onChange={(text) => {
            onEdit(withCopierParam(draft, id, field.param, text));
          }}
        />
      ))}
      <label className="rule-toggle">
        <input
          type="checkbox"
          disabled={!on}
          checked={copier?.['haltWithLeader'] === true}
          data-testid="group-copier-haltWithLeader"
          onChange={(event) => {
            onEdit(withCopierParam(draft, id, 'haltWithLeader', event.target.checked));
          }}
        />
        Halt the followers with the leader
      </label>
      <FieldError testId="group-copier-haltWithLeader-error" message={error('copier.haltWithLeader')} />
    </fieldset>
  );
}

type GroupFieldProps = {
  testId: string;
  field: GroupFieldSpec;
  enabled: boolean;
  value: unknown;
  error: string | null;
  onChange: (text: string) => void;
  /** A lock's minutes typed. */
  onMinutes?: (text: string) => void;
};

const isMinutes = (value: unknown): value is { minutes: unknown } =>
  typeof value === 'object' && value !== null && 'minutes' in value;

/**
 * One setting of a group rule or the copier: its default (or "none") is the placeholder or the empty choice. A
 * lock of `{ minutes: N }` is the choice "minutes" with its number beside it.
 */
function GroupField({ testId, field, enabled, value, error, onChange, onMinutes }: GroupFieldProps) {
  const choice = field.kind === 'choice' || field.kind === 'lock';
  const unwritten = field.placeholder === undefined ? 'none' : `default (${field.placeholder})`;
  const minutes = field.kind === 'lock' && isMinutes(value);
  return (
    <Field
      id={`${testId}-input`}
      testId={testId}
      label={field.label}
      kind={field.kind === 'lock' ? 'choice' : field.kind}
      choices={choicesNamed(field.choices ?? [])}
      value={minutes ? 'minutes' : shown(value)}
      placeholder={choice ? unwritten : (field.placeholder ?? '')}
      error={error}
      disabled={!enabled}
      onChange={onChange}
    >
      {minutes ? (
        <>
          <NumberInput
            id={`${testId}-minutes-input`}
            testId={`${testId}-minutes`}
            inputMode="numeric"
            aria-label={`${field.label}: minutes`}
            placeholder="minutes"
            value={shown(value.minutes)}
            disabled={!enabled}
            onChange={(text) => onMinutes?.(text)}
          />
          <span className="field-unit">min</span>
        </>
      ) : null}
    </Field>
  );
}
