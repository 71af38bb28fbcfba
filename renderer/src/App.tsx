// The shell: navigation, the add/edit dialogs, undo after delete, notices, theme, and the
// commands that arrive from the native menu (desktop) or keyboard shortcuts (browser mode).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Entry, EntryType } from '../../shared/model';
import { api, isDesktop, onPush, type MenuCommand } from './api/client';
import { Dialog } from './components/Dialog';
import { Toast, type ToastMessage } from './components/Toast';
import { ExperimentToday } from './features/experiment/ExperimentToday';
import { requestExperimentFocus } from './features/experiment/useExperiments';
import { Insights } from './features/insights/Insights';
import { HelpView } from './features/help/HelpView';
import { Journal } from './features/journal/Journal';
import { Welcome } from './features/onboarding/Welcome';
import { leaveBlocked } from './features/routine/leaveGuard';
import { ReportView } from './features/report/ReportView';
import { RoutineView } from './features/routine/RoutineView';
import { ExportDialog } from './features/transfer/ExportDialog';
import { ImportDialog } from './features/transfer/ImportDialog';
import { useFileDrop } from './features/transfer/useFileDrop';
import { entryLabel, sessionSummary } from './features/journal/entrySummary';
import { PainForm } from './features/pain/PainForm';
import { RunForm } from './features/runs/RunForm';
import { SettingsPage } from './features/settings/SettingsPage';
import { SessionForm } from './features/strength/SessionForm';
import { AppDataProvider, useAppData } from './hooks/useAppData';
import { useResolvedTheme } from './hooks/useResolvedTheme';
import { useShortcuts } from './hooks/useShortcuts';
import { useBrowserReminders } from './features/reminders/useBrowserReminders';

type View = 'journal' | 'insights' | 'report' | 'routine' | 'settings' | 'help';
const VIEWS: Array<{ id: View; label: string }> = [
  { id: 'journal', label: 'Journal' },
  { id: 'insights', label: 'Insights' },
  { id: 'report', label: 'Report' },
  { id: 'routine', label: 'Routine' },
  { id: 'settings', label: 'Settings' },
  { id: 'help', label: 'Help' },
];

type Editing = { type: EntryType; entry?: Entry | undefined };

function viewFromHash(): View {
  const id = window.location.hash.replace(/^#\/?/, '');
  return VIEWS.some((v) => v.id === id) ? (id as View) : 'journal';
}

function Shell() {
  const data = useAppData();
  const { settings, changed, info } = data;
  const [view, setViewState] = useState<View>(viewFromHash);
  const [editing, setEditing] = useState<Editing>();
  const [toast, setToast] = useState<ToastMessage>();
  const [transfer, setTransfer] = useState<{ kind: 'import'; files?: File[] } | { kind: 'export' }>();
  const dragging = useFileDrop((files) => setTransfer({ kind: 'import', files }));
  const deleted = useRef<Entry[]>([]);
  // The journal entry that should take focus once it is shown (after a save or a delete).
  const [focusId, setFocusId] = useState<string>();

  const setView = useCallback((next: View) => {
    const go = () => {
      window.location.hash = `/${next}`;
      setViewState(next);
    };
    // A routine under way asks before it is left (and calls go if the person agrees).
    if (next !== 'routine' && leaveBlocked(go)) return;
    go();
  }, []);

  useEffect(() => {
    const onHash = () => {
      const next = viewFromHash();
      if (next !== 'routine' && leaveBlocked(() => setView(next))) {
        window.location.hash = '/routine';
        return;
      }
      setViewState(next);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [setView]);

  useResolvedTheme(settings.theme);

  const say = useCallback((text: string, action?: ToastMessage['action']) => {
    setToast({ id: Date.now(), text, ...(action ? { action } : {}) });
  }, []);

  const undoDelete = useCallback(async () => {
    const entry = deleted.current.pop();
    if (!entry) {
      say('Nothing to undo.');
      return;
    }
    try {
      if (entry.type === 'run') await api.runs.save(entry.record);
      else if (entry.type === 'pain') await api.pain.save(entry.record);
      else await api.strength.save(entry.record);
      changed();
      say(`Restored the ${entryLabel(entry, settings.distanceUnit, settings.customExercises)}.`);
    } catch (error) {
      deleted.current.push(entry);
      say(`Could not restore it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [changed, say, settings.distanceUnit, settings.customExercises]);

  const deleteEntry = useCallback(
    async (entry: Entry, next?: Entry) => {
      try {
        const id = { id: entry.record.id };
        if (entry.type === 'run') await api.runs.delete(id);
        else if (entry.type === 'pain') await api.pain.delete(id);
        else await api.strength.delete(id);
        deleted.current.push(entry);
        setFocusId(next?.record.id);
        changed();
        const label = entryLabel(entry, settings.distanceUnit, settings.customExercises);
        say(`Deleted the ${label}.`, { label: 'Undo', run: () => void undoDelete() });
      } catch (error) {
        say(`Could not delete it: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [changed, say, settings.distanceUnit, settings.customExercises, undoDelete],
  );

  // File > Back Up Now… and Restore from Backup… (the list of backups lives in Settings).
  const backUpNow = useCallback(async () => {
    try {
      const backup = await api.backup.now();
      say(`Backed up ${backup.entries} ${backup.entries === 1 ? 'entry' : 'entries'} to ${backup.path}`);
    } catch (error) {
      say(`The backup failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [say]);
  const openExperiment = useCallback(() => {
    requestExperimentFocus();
    setView('insights');
  }, [setView]);
  const openBackups = useCallback(() => {
    setView('settings');
    window.setTimeout(() => document.getElementById('backups-title')?.focus(), 50);
  }, [setView]);

  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'new-run':
          return setEditing({ type: 'run' });
        case 'new-pain':
          return setEditing({ type: 'pain' });
        case 'new-session':
          return setEditing({ type: 'strength' });
        case 'open-journal':
          return setView('journal');
        case 'open-insights':
          return setView('insights');
        case 'open-report':
          return setView('report');
        case 'open-settings':
          return setView('settings');
        case 'start-routine':
          return setView('routine');
        case 'open-help':
          return setView('help');
        case 'import':
          return setTransfer({ kind: 'import' });
        case 'export':
          return setTransfer({ kind: 'export' });
        case 'backup':
          return void backUpNow();
        case 'restore':
          return openBackups();
        case 'undo':
          return void undoDelete();
        default:
          return undefined;
      }
    },
    [setView, undoDelete, backUpNow, openBackups],
  );

  useEffect(() => onPush('menu:command', runCommand), [runCommand]);
  useBrowserReminders(settings, runCommand);
  useShortcuts(runCommand, !isDesktop && !editing);

  const closeEditor = () => setEditing(undefined);
  const clearFocusId = useCallback(() => setFocusId(undefined), []);
  const saved = (what: string, id: string) => {
    setEditing(undefined);
    setFocusId(id);
    changed();
    say(what);
  };

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Backstride</span>
        <nav aria-label="Main">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a
                  href={`#/${v.id}`}
                  aria-current={view === v.id ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    setView(v.id);
                  }}
                >
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__actions">
          <button type="button" className="primary" onClick={() => setEditing({ type: 'run' })}>
            New run
          </button>
          <button type="button" onClick={() => setEditing({ type: 'pain' })}>
            Rate pain
          </button>
          <button type="button" onClick={() => setEditing({ type: 'strength' })}>
            New session
          </button>
        </div>
      </header>
      {info?.notices.map((notice) => (
        <p key={notice.message} role="alert" className={`notice notice--${notice.level}`}>
          {notice.message}
        </p>
      ))}
      {data.loadError && (
        <p role="alert" className="notice notice--error">
          Backstride could not load your log: {data.loadError}
        </p>
      )}
      <main className="content">
        {data.loaded && view === 'journal' && (
          <Welcome onChoose={(choice) => (choice === 'routine' ? setView('routine') : setEditing({ type: choice }))} />
        )}
        {data.loaded && view === 'journal' && (
          <ExperimentToday onRatePain={() => setEditing({ type: 'pain' })} onOpenExperiment={openExperiment} />
        )}
        {data.loaded && view === 'journal' && (
          <Journal
            onAdd={(type) => setEditing({ type })}
            onTransfer={(kind) => setTransfer({ kind })}
            onEdit={(entry) => setEditing({ type: entry.type, entry })}
            onDelete={(entry, next) => void deleteEntry(entry, next)}
            focusId={focusId}
            onFocused={clearFocusId}
          />
        )}
        {data.loaded && view === 'insights' && (
          <Insights onLog={(type) => setEditing({ type })} onReport={() => setView('report')} />
        )}
        {data.loaded && view === 'report' && <ReportView />}
        {data.loaded && view === 'settings' && <SettingsPage />}
        {data.loaded && view === 'routine' && (
          <RoutineView
            experiment={
              <ExperimentToday
                offerToPlan
                onRatePain={() => setEditing({ type: 'pain' })}
                onOpenExperiment={openExperiment}
              />
            }
            onLogged={(session) => {
              changed();
              setView('journal');
              say(`Core routine logged: ${sessionSummary(session, settings.customExercises)}.`, {
                label: 'Edit',
                run: () => setEditing({ type: 'strength', entry: { type: 'strength', record: session } }),
              });
            }}
          />
        )}
        {data.loaded && view === 'help' && <HelpView />}
      </main>
      {editing?.type === 'run' && (
        <Dialog title={editing.entry ? 'Edit run' : 'New run'} onClose={closeEditor} guardChanges>
          <RunForm
            initial={editing.entry?.type === 'run' ? editing.entry.record : undefined}
            onCancel={closeEditor}
            onSaved={(run) => saved(editing.entry ? 'Run updated.' : 'Run saved.', run.id)}
          />
        </Dialog>
      )}
      {editing?.type === 'pain' && (
        <Dialog title={editing.entry ? 'Edit pain rating' : 'New pain rating'} onClose={closeEditor} guardChanges>
          <PainForm
            initial={editing.entry?.type === 'pain' ? editing.entry.record : undefined}
            onCancel={closeEditor}
            onSaved={(rating) => saved(editing.entry ? 'Pain rating updated.' : 'Pain rating saved.', rating.id)}
          />
        </Dialog>
      )}
      {editing?.type === 'strength' && (
        <Dialog title={editing.entry ? 'Edit session' : 'New session'} onClose={closeEditor} wide guardChanges>
          <SessionForm
            initial={editing.entry?.type === 'strength' ? editing.entry.record : undefined}
            onCancel={closeEditor}
            onSaved={(session) => saved(editing.entry ? 'Session updated.' : 'Session saved.', session.id)}
          />
        </Dialog>
      )}
      {transfer?.kind === 'import' && (
        <ImportDialog
          initialFiles={transfer.files}
          onClose={() => setTransfer(undefined)}
          onImported={(message) => {
            setTransfer(undefined);
            changed();
            say(message);
          }}
        />
      )}
      {transfer?.kind === 'export' && (
        <ExportDialog
          onClose={() => setTransfer(undefined)}
          onDone={(message) => {
            setTransfer(undefined);
            say(message);
          }}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files to import them
        </div>
      )}
      <Toast toast={toast} onDismiss={() => setToast(undefined)} />
    </div>
  );
}

export function App() {
  return (
    <AppDataProvider>
      <Shell />
    </AppDataProvider>
  );
}
