// "Start from a firm's program": the built-in firm presets (docs/RULES.md section 11) as the account's preset, and
// the chosen one's date, sources and notes, with the reminder that firms change their rules: the figures are a
// starting point the trader checks and overrides, never the firm's word.
import type { FirmPreset } from '../../../../shared/presets';
import { SelectField } from '../../components/SelectField';
import { withPreset, type Draft } from './config-draft';
import { chosenProgram, firmPrograms, programLabel } from './plan-draft';

type FirmProgramProps = { draft: Draft; account: string; onEdit: (draft: Draft) => void };

export function FirmProgram({ draft, account, onEdit }: FirmProgramProps) {
  const chosen = chosenProgram(draft, account);
  const choices = [
    { value: '', label: 'none' },
    ...firmPrograms(draft).map((preset) => ({ value: preset.id, label: programLabel(preset) })),
  ];
  return (
    <div className="firm-program" data-testid="firm-program">
      <SelectField
        id="rules-firm-program"
        label="Start from a firm's program"
        testId="rules-firm-program"
        value={chosen?.id ?? ''}
        choices={choices}
        onChange={(id) => {
          // "none" leaves a preset of the config's own alone: only a firm program is taken away.
          if (id !== '' || chosen !== null) onEdit(withPreset(draft, account, id));
        }}
      />
      {chosen !== null ? <FirmProgramCard preset={chosen} /> : null}
    </div>
  );
}

function FirmProgramCard({ preset }: { preset: FirmPreset }) {
  return (
    <div className="firm-card" data-testid="firm-card">
      <p className="firm-asof">
        <span className="firm-name">{programLabel(preset)}</span>: figures as of{' '}
        <time dateTime={preset.asOf} data-testid="firm-asof">
          {preset.asOf}
        </time>
        . <strong className="note-warn">Check your firm&apos;s current rules</strong> and change any figure
        that differs: firms change them often.
      </p>
      <div className="firm-sources">
        <span className="firm-label">Sources</span>
        {/* As text: the desktop window opens no links, and the trader may copy them into a browser. */}
        <ul data-testid="firm-sources">
          {preset.source.map((source) => (
            <li key={source}>{source}</li>
          ))}
        </ul>
      </div>
      {preset.notes.length > 0 ? (
        <div className="firm-notes">
          <span className="firm-label">Notes</span>
          <ul data-testid="firm-notes">
            {preset.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
