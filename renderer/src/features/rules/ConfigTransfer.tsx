// Import and export of the config document as a file (JSON or YAML): an import only fills the editor's draft,
// which is validated and previewed like any edit before it can be applied.
import { useId, useState } from 'react';
import { configText, parseConfigText, type Draft } from './config-draft';

const exportFormats = ['yaml', 'json'] as const;

/** Saves the draft as warden-config.json or .yaml through the browser's download. */
function downloadConfig(draft: Draft, format: (typeof exportFormats)[number]): void {
  const blob = new Blob([configText(draft, format)], {
    type: format === 'json' ? 'application/json' : 'text/yaml',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `warden-config.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}

type ConfigTransferProps = { draft: Draft; onImport: (draft: Draft) => void };

export function ConfigTransfer({ draft, onImport }: ConfigTransferProps) {
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const importText = (text: string) => {
    try {
      onImport(parseConfigText(text));
      setError(null);
    } catch (problem) {
      setError(`Could not read the file: ${problem instanceof Error ? problem.message : String(problem)}`);
    }
  };
  return (
    <div className="config-transfer">
      {exportFormats.map((format) => (
        <button
          key={format}
          type="button"
          className="btn btn-small"
          data-testid={`export-${format}`}
          onClick={() => {
            downloadConfig(draft, format);
          }}
        >
          {`Export ${format.toUpperCase()}`}
        </button>
      ))}
      <label htmlFor={inputId} className="btn btn-small">
        Import…
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".json,.yaml,.yml,application/json,text/yaml"
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file !== undefined) void file.text().then(importText);
          event.target.value = '';
        }}
      />
      {error !== null ? (
        <p className="field-error" role="alert" data-testid="import-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
