// The shell: navigation, the add/edit dialogs, undo after delete, notices, theme, and the
// commands that arrive from the native menu (desktop) or keyboard shortcuts (browser mode).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Entry, EntryType } from '../../shared/model';
import { api, isDesktop, onPush, type MenuCommand } from './api/client';
import { Dialog } from './components/Dialog';
import { Toast, type ToastMessage } from './components/Toast';
import { Journal } from './features/journal/Journal';
import { entryLabel } from './features/journal/entrySummary';
import { PainForm } from './features/pain/PainForm';
import { RunForm } from './features/runs/RunForm';
import { SettingsPage } from './features/settings/SettingsPage';
import { SessionForm } from './features/strength/SessionForm';
import { AppDataProvider, useAppData } from './hooks/useAppData';
import { useShortcuts } from './hooks/useShortcuts';

type View = 'journal' | 'settings';
const VIEWS: Array<{ id: View; label: string }> = [
  { id: 'journal', label: 'Journal' },
  { id: 'settings', label: 'Settings' },
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
  const deleted = useRef<Entry[]>([]);

  const setView = useCallback((next: View) => {
    window.location.hash = `/${next}`;
    setViewState(next);
  }, []);

  useEffect(() => {
    const onHash = () => setViewState(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

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
    async (entry: Entry) => {
      try {
        const id = { id: entry.record.id };
        if (entry.type === 'run') await api.runs.delete(id);
        else if (entry.type === 'pain') await api.pain.delete(id);
        else await api.strength.delete(id);
        deleted.current.push(entry);
        changed();
        const label = entryLabel(entry, settings.distanceUnit, settings.customExercises);
        say(`Deleted the ${label}.`, { label: 'Undo', run: () => void undoDelete() });
      } catch (error) {
        say(`Could not delete it: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    [changed, say, settings.distanceUnit, settings.customExercises, undoDelete],
  );

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
        case 'open-settings':
          return setView('settings');
        case 'undo':
          return void undoDelete();
        default:
          return undefined;
      }
    },
    [setView, undoDelete],
  );

  useEffect(() => onPush('menu:command', runCommand), [runCommand]);
  useShortcuts(runCommand, !isDesktop && !editing);

  const closeEditor = () => setEditing(undefined);
  const saved = (what: string) => {
    setEditing(undefined);
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
                <a href={`#/${v.id}`} aria-current={view === v.id ? 'page' : undefined} onClick={() => setView(v.id)}>
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
          <Journal
            onAdd={(type) => setEditing({ type })}
            onEdit={(entry) => setEditing({ type: entry.type, entry })}
            onDelete={(entry) => void deleteEntry(entry)}
          />
        )}
        {data.loaded && view === 'settings' && <SettingsPage />}
      </main>
      {editing?.type === 'run' && (
        <Dialog title={editing.entry ? 'Edit run' : 'New run'} onClose={closeEditor}>
          <RunForm
            initial={editing.entry?.type === 'run' ? editing.entry.record : undefined}
            onCancel={closeEditor}
            onSaved={() => saved(editing.entry ? 'Run updated.' : 'Run saved.')}
          />
        </Dialog>
      )}
      {editing?.type === 'pain' && (
        <Dialog title={editing.entry ? 'Edit pain rating' : 'New pain rating'} onClose={closeEditor}>
          <PainForm
            initial={editing.entry?.type === 'pain' ? editing.entry.record : undefined}
            onCancel={closeEditor}
            onSaved={() => saved(editing.entry ? 'Pain rating updated.' : 'Pain rating saved.')}
          />
        </Dialog>
      )}
      {editing?.type === 'strength' && (
        <Dialog title={editing.entry ? 'Edit session' : 'New session'} onClose={closeEditor} wide>
          <SessionForm
            initial={editing.entry?.type === 'strength' ? editing.entry.record : undefined}
            onCancel={closeEditor}
            onSaved={() => saved(editing.entry ? 'Session updated.' : 'Session saved.')}
          />
        </Dialog>
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
