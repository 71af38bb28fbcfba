// Settings › Reminders: off until switched on. In browser mode the browser's permission is
// asked for only when a reminder is switched on.
import { useState } from 'react';
import type { Reminders } from '../../../../shared/model';
import { isDesktop } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// Monday first, as most training plans are written.
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** Asks the browser for notifications; says why not when it refuses. */
async function browserPermission(): Promise<string | undefined> {
  if (isDesktop) return undefined;
  if (typeof Notification === 'undefined') return 'This browser cannot show notifications, so reminders cannot appear.';
  const answer =
    Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
  return answer === 'granted'
    ? undefined
    : 'The browser blocks notifications for this page: allow them in the address bar’s site settings for reminders to appear.';
}

export function RemindersSection() {
  const { settings, updateSettings } = useAppData();
  const reminders = settings.reminders;
  const [warning, setWarning] = useState<string>();

  const change = async (next: Reminders) => {
    const turningOn = (next.pain.enabled && !reminders.pain.enabled) || (next.core.enabled && !reminders.core.enabled);
    // Permission first, so the reminder's first check can already show it.
    if (turningOn) setWarning(await browserPermission());
    await updateSettings({ reminders: next });
  };

  return (
    <section aria-labelledby="reminders-title" className="reminders">
      <h2 id="reminders-title">Reminders</h2>
      <p className="muted">
        Off unless you switch them on. A reminder never comes when that day is already logged.
        {isDesktop
          ? ' They appear as system notifications while Backstride runs (also in the background, from its tray icon).'
          : ' In browser mode they appear while this tab is open.'}
      </p>
      <div className="reminders__row">
        <label className="choice">
          <input
            type="checkbox"
            checked={reminders.pain.enabled}
            onChange={(e) => void change({ ...reminders, pain: { ...reminders.pain, enabled: e.target.checked } })}
          />
          Remind me to rate my back
        </label>
        <label className="reminders__time">
          <span>each morning at</span>
          <input
            type="time"
            value={reminders.pain.time}
            onChange={(e) =>
              e.target.value && void change({ ...reminders, pain: { ...reminders.pain, time: e.target.value } })
            }
          />
        </label>
      </div>
      <div className="reminders__row">
        <label className="choice">
          <input
            type="checkbox"
            checked={reminders.core.enabled}
            onChange={(e) => void change({ ...reminders, core: { ...reminders.core, enabled: e.target.checked } })}
          />
          Remind me of my core routine
        </label>
        <label className="reminders__time">
          <span>at</span>
          <input
            type="time"
            value={reminders.core.time}
            onChange={(e) =>
              e.target.value && void change({ ...reminders, core: { ...reminders.core, time: e.target.value } })
            }
          />
        </label>
      </div>
      <fieldset className="choice-group reminders__days">
        <legend>Core routine days</legend>
        {DAY_ORDER.map((day) => (
          <label key={day} className="choice">
            <input
              type="checkbox"
              aria-label={WEEKDAY_NAMES[day]}
              checked={reminders.core.days.includes(day)}
              onChange={(e) => {
                const days = e.target.checked
                  ? [...reminders.core.days, day].sort()
                  : reminders.core.days.filter((d) => d !== day);
                void change({ ...reminders, core: { ...reminders.core, days } });
              }}
            />
            {WEEKDAYS[day]}
          </label>
        ))}
      </fieldset>
      {isDesktop && (
        <label className="choice">
          <input
            type="checkbox"
            checked={settings.openAtLogin}
            onChange={(e) => void updateSettings({ openAtLogin: e.target.checked })}
          />
          Open Backstride at login (in the background, for reminders)
        </label>
      )}
      {warning && (
        <p role="alert" className="notice notice--warning">
          {warning}
        </p>
      )}
    </section>
  );
}
