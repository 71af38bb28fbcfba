// Backups: the automatic daily ones (the last 14 are kept), "Back up now", and a restore that
// asks first and backs the current log up before replacing it.
import { useCallback, useEffect, useState } from 'react';
import type { BackupSummary } from '../../../../shared/api';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useAppData } from '../../hooks/useAppData';

function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function BackupsSection() {
  const { info, changed, reloadExercises, updateSettings } = useAppData();
  const [backups, setBackups] = useState<BackupSummary[]>();
  const [message, setMessage] = useState<string>();
  const [confirming, setConfirming] = useState<BackupSummary>();
  const [busy, setBusy] = useState(false);

  const reload = useCallback(
    () =>
      api.backup
        .list()
        .then(setBackups, (error: unknown) => setMessage(`The backups could not be listed: ${errorText(error)}`)),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const backUpNow = async () => {
    setBusy(true);
    try {
      const backup = await api.backup.now();
      setMessage(`Backed up ${entries(backup.entries)} to ${backup.path}`);
      await reload();
    } catch (error) {
      setMessage(`The backup failed: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: BackupSummary) => {
    setBusy(true);
    try {
      const result = await api.backup.restore({ file: backup.file });
      setConfirming(undefined);
      // Everything may have changed: entries, settings, the user's own exercises.
      changed();
      await reloadExercises();
      await updateSettings({});
      setMessage(
        `Restored ${entries(result.restored.entries)} from the backup of ${formatWhen(result.restored.createdAt)}. Your log as it was before is backed up in ${result.safetyBackup.path}`,
      );
      await reload();
    } catch (error) {
      setConfirming(undefined);
      setMessage(`The restore failed and your log was not changed: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="backups-title" className="backups">
      <h2 id="backups-title" tabIndex={-1}>
        Backups
      </h2>
      <p>
        Backstride backs up your whole log when it starts and every day, and keeps the last 14, in{' '}
        <code className="data-dir">{info ? `${info.dataDir}/backups` : '…'}</code>.
      </p>
      <button type="button" onClick={() => void backUpNow()} disabled={busy}>
        Back up now
      </button>
      <p role="status" className="backups__status">
        {message}
      </p>
      {backups && backups.length === 0 && <p className="muted">No backups yet.</p>}
      {backups && backups.length > 0 && (
        <ul aria-label="Backups" className="backups__list">
          {backups.map((backup) => (
            <li key={backup.file}>
              <span>
                {formatWhen(backup.createdAt)} — {entries(backup.entries)}
              </span>{' '}
              <button
                type="button"
                aria-label={`Restore the backup of ${formatWhen(backup.createdAt)}`}
                disabled={busy}
                onClick={() => setConfirming(backup)}
              >
                Restore…
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <Dialog title="Restore this backup?" onClose={() => setConfirming(undefined)}>
          <p>
            Your log will be replaced by the backup of {formatWhen(confirming.createdAt)} ({entries(confirming.entries)}
            ). Your current log is backed up first, so you can go back to it by restoring that backup.
          </p>
          <div className="form__actions">
            <button type="button" onClick={() => setConfirming(undefined)}>
              Cancel
            </button>
            <button type="button" className="primary danger" disabled={busy} onClick={() => void restore(confirming)}>
              Restore backup
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
