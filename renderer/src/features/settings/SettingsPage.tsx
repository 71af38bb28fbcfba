// Settings: distance unit, week start, theme; where the data lives.
import { useState } from 'react';
import { useAppData } from '../../hooks/useAppData';
import { BackupsSection } from './BackupsSection';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function SettingsPage() {
  const { settings, updateSettings, info } = useAppData();
  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">Settings</h1>
      <NameField />
      <fieldset className="choice-group">
        <legend>Distance unit</legend>
        {(['km', 'mi'] as const).map((unit) => (
          <label key={unit} className="choice">
            <input
              type="radio"
              name="distance-unit"
              checked={settings.distanceUnit === unit}
              onChange={() => void updateSettings({ distanceUnit: unit })}
            />
            {unit === 'km' ? 'Kilometres (km)' : 'Miles (mi)'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="week-start">Week starts on</label>
        <select
          id="week-start"
          value={settings.weekStartsOn}
          onChange={(e) => void updateSettings({ weekStartsOn: Number(e.target.value) })}
        >
          {WEEKDAYS.map((day, index) => (
            <option key={day} value={index}>
              {day}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="choice-group">
        <legend>Theme</legend>
        {(['system', 'light', 'dark'] as const).map((theme) => (
          <label key={theme} className="choice">
            <input
              type="radio"
              name="theme"
              checked={settings.theme === theme}
              onChange={() => void updateSettings({ theme })}
            />
            {theme === 'system' ? 'Follow the system' : theme === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
      <h2>Your data</h2>
      <p>
        Everything stays on this computer, in the data folder:
        <br />
        <code className="data-dir">{info?.dataDir ?? '…'}</code>
      </p>
      <p className="muted">
        Backstride {info?.version} ({info?.mode === 'electron' ? 'desktop app' : 'browser mode'}). Start it with{' '}
        <code>--data-dir FOLDER</code> or set <code>BACKSTRIDE_DATA_DIR</code> to use another folder.
      </p>
      <BackupsSection />
    </section>
  );
}

/** The name printed at the top of the report; saved when the field is left. */
function NameField() {
  const { settings, updateSettings } = useAppData();
  const [name, setName] = useState(settings.name);
  const [error, setError] = useState<string>();
  const save = () => {
    if (name.trim() === settings.name) return;
    updateSettings({ name: name.trim() }).then(
      () => setError(undefined),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor="settings-name">Name on reports (optional)</label>
      <input
        id="settings-name"
        type="text"
        autoComplete="name"
        maxLength={100}
        value={name}
        aria-invalid={error ? true : undefined}
        aria-describedby="settings-name-hint"
        onChange={(e) => setName(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => e.key === 'Enter' && save()}
      />
      <span id="settings-name-hint" className="muted">
        {error ?? 'Printed at the top of the report for your physio; nowhere else.'}
      </span>
    </div>
  );
}
