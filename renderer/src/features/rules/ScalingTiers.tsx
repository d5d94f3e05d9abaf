// The plan's scaling ladder in the rule editor: contracts allowed from a profit banked, one tier per line. The
// account's own list replaces the preset's as a whole (docs/RULES.md section 11: plans merge per key); without
// one, the preset's tiers are shown and "Set own tiers" starts from a copy of them.
import { shown, type Draft } from './config-draft';
import { Field } from './Field';
import {
  figureText,
  planFieldError,
  presetPlan,
  tiersOf,
  withOwnTiers,
  withPresetTiers,
  withTierAdded,
  withTierRemoved,
  withTierValue,
  type TierDraft,
} from './plan-draft';

type ScalingTiersProps = {
  draft: Draft;
  account: string;
  errors: readonly string[];
  onEdit: (draft: Draft) => void;
};

/** "2 from 0 · 3 from 1,500 · 5 from 2,000". */
export function tiersText(tiers: readonly TierDraft[]): string {
  return tiers.map((t) => `${shown(t.maxContracts)} from ${figureText(t.from)}`).join(' · ');
}

export function ScalingTiers({ draft, account, errors, onEdit }: ScalingTiersProps) {
  const { tiers, own } = tiersOf(draft, account);
  const inherited = presetPlan(draft, account).scaling ?? [];
  const listError = planFieldError(errors, account, 'scaling');
  const action = (testId: string, edit: (draft: Draft, account: string) => Draft, label: string) => (
    <button
      type="button"
      className="btn btn-small"
      data-testid={testId}
      onClick={() => {
        onEdit(edit(draft, account));
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="plan-tiers" data-testid="plan-tiers">
      <span className="firm-label">Scaling: contracts by profit banked</span>
      {own ? (
        <ol className="plan-tier-list">
          {tiers.map((tier, index) => (
            <TierRow
              // Tiers have no identity but their place in the list.
              key={index}
              account={account}
              index={index}
              tier={tier}
              errors={errors}
              onChange={(key, text) => {
                onEdit(withTierValue(draft, account, index, key, text));
              }}
              onRemove={() => {
                onEdit(withTierRemoved(draft, account, index));
              }}
            />
          ))}
        </ol>
      ) : (
        <p className="muted plan-tiers-inherited" data-testid="plan-tiers-inherited">
          {inherited.length === 0 ? 'No scaling' : `From preset: ${tiersText(inherited)}`}
        </p>
      )}
      {listError !== null ? (
        <span className="field-error" role="alert" data-testid="plan-scaling-error">
          {listError}
        </span>
      ) : null}
      <div className="plan-tier-actions">
        {own
          ? action('plan-tier-add', withTierAdded, 'Add tier')
          : action('plan-tiers-own', withOwnTiers, inherited.length === 0 ? 'Add scaling' : 'Set own tiers')}
        {own && inherited.length > 0
          ? action('plan-tiers-preset', withPresetTiers, "Use the preset's tiers")
          : null}
      </div>
    </div>
  );
}

type TierRowProps = {
  account: string;
  index: number;
  tier: TierDraft;
  errors: readonly string[];
  onChange: (key: keyof TierDraft, text: string) => void;
  onRemove: () => void;
};

function TierRow({ account, index, tier, errors, onChange, onRemove }: TierRowProps) {
  const cell = (key: keyof TierDraft, label: string) => (
    <Field
      id={`plan-${account}-tier-${index}-${key}`}
      testId={`plan-tier-${index}-${key}`}
      label={label}
      hideLabel={index > 0}
      kind={key === 'maxContracts' ? 'integer' : 'decimal'}
      value={shown(tier[key])}
      error={planFieldError(errors, account, `scaling[${index}].${key}`)}
      onChange={(text) => {
        onChange(key, text);
      }}
    />
  );
  return (
    <li className="plan-tier" data-testid={`plan-tier-${index}`}>
      {cell('from', 'From profit banked')}
      {cell('maxContracts', 'Contracts')}
      <button
        type="button"
        className="btn btn-small"
        data-testid={`plan-tier-${index}-remove`}
        aria-label={`Remove tier ${index + 1}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  );
}
