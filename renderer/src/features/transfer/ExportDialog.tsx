// Export: CSV files for a spreadsheet or a physiotherapist (UTF-8 with BOM, CRLF, ISO dates).
import { useState } from 'react';
import { EXPORT_KINDS, type ExportKind } from '../../../../shared/api';
import { api, isDesktop } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { saveIntoFolder, saveTextFile } from './files';

const LABELS: Record<ExportKind | 'all', string> = {
  runs: 'Runs',
  pain: 'Pain ratings',
  strength: 'Strength sessions (one row per exercise)',
  weekly: 'Weekly summary (the numbers behind the insights)',
  experiments: 'Core-work experiments (one row per period, with its outcome)',
  all: 'All five files',
};

export function ExportDialog({ onClose, onDone }: { onClose(): void; onDone(message: string): void }) {
  const [kind, setKind] = useState<ExportKind | 'all'>('runs');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      const kinds = kind === 'all' ? [...EXPORT_KINDS] : [kind];
      const files = [];
      for (const k of kinds) files.push(await api.export.csv({ kind: k }));
      if (kind === 'all' && (await saveIntoFolder(files).catch(() => false))) {
        onDone(`Exported ${files.length} files into the folder you chose.`);
        return;
      }
      for (const file of files) saveTextFile(file.fileName, file.content);
      onDone(
        files.length === 1
          ? `Exported ${files[0]!.rows} rows to ${files[0]!.fileName}.`
          : `Exported ${files.map((f) => f.fileName).join(', ')}.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Export" onClose={onClose}>
      <div className="form">
        <fieldset className="choice-group choice-group--stacked">
          <legend>What to export</legend>
          {([...EXPORT_KINDS, 'all'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="export-kind" checked={kind === k} onChange={() => setKind(k)} />
              {LABELS[k]}
            </label>
          ))}
        </fieldset>
        <p className="muted">
          CSV opens in Excel and LibreOffice. Distances are in km and durations in seconds, whatever your display unit.
          {/* Browser mode has no File menu: point to where its backup button is. */}
          {isDesktop
            ? 'For a full backup use File › Back Up Now instead.'
            : 'For a full backup use Settings › Backups › Back up now instead.'}
        </p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            Export
          </button>
        </div>
      </div>
    </Dialog>
  );
}
