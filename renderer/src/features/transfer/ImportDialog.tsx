// Import: choose or drop files, see a preview (what is new, what is already there, every
// problem with file, row and column), then import — all or only the valid rows.
import { useEffect, useRef, useState } from 'react';
import { ApiError, type ImportPreview, type ImportProgress } from '../../../../shared/api';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { fileToBase64, MAX_FILE_BYTES } from './files';

interface ImportDialogProps {
  initialFiles?: File[] | undefined;
  onClose(): void;
  onImported(message: string): void;
}

const ACCEPT = '.csv,.txt,.gpx,.tcx,.fit,.gz,.zip';
/** How often the dialog asks how far the reading has got. */
const PROGRESS_POLL_MS = 250;

function checkingLabel(progress: ImportProgress | undefined, fileCount: number): string {
  if (!progress?.file) return `Checking ${fileCount === 1 ? 'the file' : `${fileCount} files`}…`;
  return `Checking ${progress.file} (${progress.filesDone + 1} of ${progress.filesTotal})…`;
}

export function ImportDialog({ initialFiles, onClose, onImported }: ImportDialogProps) {
  const [progress, setProgress] = useState<string>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [error, setError] = useState<string>();
  const [onlyValid, setOnlyValid] = useState(false);
  const [busy, setBusy] = useState(false);
  /** The import being read in the background (main/importRunner.ts), while its preview is pending. */
  const [job, setJob] = useState<{ id: string; fileCount: number; progress?: ImportProgress }>();
  const [cancelled, setCancelled] = useState(false);
  const jobRef = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!job) return;
    const timer = setInterval(() => {
      void api.import.progress({ jobId: job.id }).then(
        (status) => {
          if (status.running && jobRef.current === job.id) setJob({ ...job, progress: status });
        },
        () => undefined,
      );
    }, PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [job?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // Closing the dialog while files are checked stops the check: nobody is waiting for its answer.
  useEffect(
    () => () => {
      if (jobRef.current) void api.import.cancel({ jobId: jobRef.current }).catch(() => undefined);
    },
    [],
  );

  function stopReading() {
    if (!jobRef.current) return;
    void api.import.cancel({ jobId: jobRef.current }).catch(() => undefined);
  }

  async function readFiles(files: File[]) {
    setPreview(undefined);
    setError(undefined);
    setCancelled(false);
    const tooLarge = files.find((f) => f.size > MAX_FILE_BYTES);
    if (tooLarge) {
      setError(`${tooLarge.name} is larger than the 200 MB limit and was not read.`);
      return;
    }
    setBusy(true);
    try {
      const payload = [];
      for (const [index, file] of files.entries()) {
        setProgress(`Reading ${file.name} (${index + 1} of ${files.length})…`);
        payload.push({ name: file.name, dataBase64: await fileToBase64(file) });
      }
      setProgress(undefined);
      const jobId = crypto.randomUUID();
      jobRef.current = jobId;
      setJob({ id: jobId, fileCount: files.length });
      setPreview(await api.import.preview({ files: payload, jobId }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') setCancelled(true);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      jobRef.current = undefined;
      setJob(undefined);
      setProgress(undefined);
      setBusy(false);
    }
  }

  useEffect(() => {
    // Files dropped onto the window arrive with the dialog; read them once.
    if (initialFiles?.length) void Promise.resolve(initialFiles).then(readFiles);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function commit() {
    if (!preview) return;
    setBusy(true);
    try {
      const summary = await api.import.commit({ previewId: preview.previewId, onlyValid });
      onImported(summary.message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const total = preview ? preview.newCounts.run + preview.newCounts.pain + preview.newCounts.strength : 0;
  return (
    <Dialog title="Import" onClose={onClose} wide>
      <div className="form">
        <p>
          Your own CSV exports (runs, pain, strength), a Strava bulk export (the .zip or its activities.csv), or GPX,
          TCX and FIT files from a watch (also gzipped). You can also drop files onto the window.
        </p>
        <div className="field">
          <label htmlFor="import-files">Files to import</label>
          <input
            id="import-files"
            type="file"
            multiple
            accept={ACCEPT}
            disabled={busy}
            onChange={(e) => void readFiles([...(e.target.files ?? [])])}
          />
        </div>
        {progress && (
          <p role="status" className="muted">
            {progress}
          </p>
        )}
        {job && (
          <div className="import-progress">
            <p role="status" className="muted">
              {checkingLabel(job.progress, job.fileCount)}
            </p>
            <progress aria-label="Files checked" max={job.fileCount} value={job.progress?.filesDone ?? 0} />
            <button type="button" onClick={stopReading}>
              Stop checking
            </button>
          </div>
        )}
        {cancelled && (
          <p role="status" className="muted">
            Stopped: nothing was imported.
          </p>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        {preview && (
          <section aria-labelledby="import-preview-title" className="import-preview">
            <h3 id="import-preview-title">Preview</h3>
            <p>{preview.summary}</p>
            <table className="data-table">
              <caption className="visually-hidden">What each file would add</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Type</th>
                  <th scope="col">Runs</th>
                  <th scope="col">Pain</th>
                  <th scope="col">Sessions</th>
                  <th scope="col">Problems</th>
                </tr>
              </thead>
              <tbody>
                {preview.files.map((f, i) => (
                  <tr key={`${f.file}-${i}`}>
                    <th scope="row">{f.file}</th>
                    <td>{f.kind}</td>
                    <td>{f.runs}</td>
                    <td>{f.pain}</td>
                    <td>{f.strength}</td>
                    <td>{f.errors}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview.errorCount > 0 && (
              <div role="alert" className="import-problems">
                <h4>
                  {preview.errorCount} problem{preview.errorCount === 1 ? '' : 's'}
                </h4>
                <ul>
                  {preview.errors.map((issue, i) => (
                    <li key={i}>{issue.message}</li>
                  ))}
                </ul>
                {preview.errorCount > preview.errors.length && (
                  <p className="muted">…and {preview.errorCount - preview.errors.length} more.</p>
                )}
                <label className="choice">
                  <input type="checkbox" checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} />
                  Import only the valid rows
                </label>
              </div>
            )}
            {preview.warningCount > 0 && (
              <details>
                <summary>
                  {preview.warningCount} note{preview.warningCount === 1 ? '' : 's'}
                </summary>
                <ul>
                  {preview.warnings.map((issue, i) => (
                    <li key={i}>{issue.message}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        )}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !preview || total === 0 || (preview.errorCount > 0 && !onlyValid)}
            onClick={() => void commit()}
          >
            {total > 0 ? `Import ${total} entr${total === 1 ? 'y' : 'ies'}` : 'Import'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
