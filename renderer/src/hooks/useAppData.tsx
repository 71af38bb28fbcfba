// App-wide state the features share: settings, the exercise list, app info and a revision
// counter that bumps after every change so lists re-read the log.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/api';
import type { Exercise } from '../../../shared/exercises';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../shared/model';
import { api, onPush } from '../api/client';

interface AppData {
  settings: Settings;
  exercises: Exercise[];
  info: AppInfo | undefined;
  revision: number;
  loaded: boolean;
  loadError: string | undefined;
  updateSettings(patch: SettingsPatch): Promise<void>;
  /** Call after any change to the log so views re-read it. */
  changed(): void;
  /** Re-reads the exercise list and the settings that hold the user's own exercises. */
  reloadExercises(): Promise<void>;
}

const AppDataContext = createContext<AppData | undefined>(undefined);

export function AppDataProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [exercises, setExercises] = useState<Exercise[]>([]);
  const [info, setInfo] = useState<AppInfo>();
  const [revision, setRevision] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string>();

  // The user's own exercises live in the settings too (the journal names them from there), so
  // both are read again: no door pushes a change to browser mode, and the journal showed the
  // new exercise's internal id until a reload.
  const reloadExercises = useCallback(async () => {
    const [list, saved] = await Promise.all([api.exercises.list(), api.settings.get()]);
    setExercises(list);
    setSettings(saved);
  }, []);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.settings.get(), api.exercises.list(), api.app.info()])
      .then(([s, e, i]) => {
        if (cancelled) return;
        setSettings(s);
        setExercises(e);
        setInfo(i);
        setLoaded(true);
      })
      .catch((error: unknown) => !cancelled && setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, []);

  // Another door (CLI, menu import) changed the log: re-read.
  useEffect(
    () =>
      onPush('data:changed', () => {
        setRevision((r) => r + 1);
        void api.settings.get().then(setSettings);
      }),
    [],
  );

  const value = useMemo<AppData>(
    () => ({
      settings,
      exercises,
      info,
      revision,
      loaded,
      loadError,
      updateSettings: async (patch) => {
        // Show the choice at once; the stored settings come back from the door (or roll back).
        const before = settings;
        const { report, ...rest } = patch;
        setSettings({ ...settings, ...rest, report: report ? { ...settings.report, ...report } : settings.report });
        try {
          setSettings(await api.settings.update(patch));
        } catch (error) {
          setSettings(before);
          throw error;
        }
      },
      changed: () => setRevision((r) => r + 1),
      reloadExercises,
    }),
    [settings, exercises, info, revision, loaded, loadError, reloadExercises],
  );
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const value = useContext(AppDataContext);
  if (!value) throw new Error('useAppData outside AppDataProvider');
  return value;
}
