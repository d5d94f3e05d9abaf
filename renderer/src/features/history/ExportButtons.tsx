// Downloads the timeline (audit) and the closed trades as CSV or JSON through a Blob URL.
import type { HistoryView } from '../../../../shared/ipc';
import { exportFile } from './export';
import type { ExportFile, ExportFormat } from './export';

export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

const CHOICES: { what: 'timeline' | 'trades'; format: ExportFormat; label: string }[] = [
  { what: 'timeline', format: 'csv', label: 'Timeline CSV' },
  { what: 'timeline', format: 'json', label: 'Timeline JSON' },
  { what: 'trades', format: 'csv', label: 'Trades CSV' },
  { what: 'trades', format: 'json', label: 'Trades JSON' },
];

export function ExportButtons({
  history,
  account,
  days,
}: {
  history: HistoryView;
  account: string | null;
  days: number;
}) {
  return (
    <div className="history-export" role="group" aria-label="Export">
      <span className="history-export-label">Export</span>
      {CHOICES.map((choice) => (
        <button
          key={`${choice.what}-${choice.format}`}
          type="button"
          className="btn"
          onClick={() => {
            download(exportFile(choice.what, choice.format, history, { account, days }));
          }}
          data-testid={`history-export-${choice.what}-${choice.format}`}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
