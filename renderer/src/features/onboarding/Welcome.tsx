// The first-run welcome: shown above the empty journal until the person picks a first step
// or hides it. It explains the three things to log and why; it never blocks the app.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';

export type WelcomeChoice = 'run' | 'pain' | 'routine';

interface WelcomeProps {
  onChoose(choice: WelcomeChoice): void;
}

export function Welcome({ onChoose }: WelcomeProps) {
  const { settings, updateSettings, revision } = useAppData();
  const [logEmpty, setLogEmpty] = useState<boolean>();

  useEffect(() => {
    if (settings.onboarded) return;
    let cancelled = false;
    api.journal
      .list({ limit: 1 })
      .then((page) => !cancelled && setLogEmpty(page.counts.run + page.counts.pain + page.counts.strength === 0))
      .catch(() => !cancelled && setLogEmpty(false));
    return () => {
      cancelled = true;
    };
  }, [settings.onboarded, revision]);

  if (settings.onboarded || !logEmpty) return null;

  const finish = (choice?: WelcomeChoice) => {
    void updateSettings({ onboarded: true }).catch(() => undefined);
    if (choice) onChoose(choice);
  };

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome__header">
        <h2 id="welcome-title">Welcome to Backstride</h2>
        <button type="button" className="welcome__hide" onClick={() => finish()}>
          Hide this introduction
        </button>
      </div>
      <p className="welcome__lead">
        Backstride helps you see whether your back hurts less in the weeks you do your core work more often. It needs
        three things from you, and everything stays on this computer.
      </p>
      <div className="welcome__cards">
        <div className="welcome__card welcome__card--run">
          <h3>Your runs</h3>
          <p>Distance and time, so a sudden long run or a busy week shows up next to your pain.</p>
          <button type="button" onClick={() => finish('run')}>
            Log my first run
          </button>
        </div>
        <div className="welcome__card welcome__card--pain">
          <h3>How your back feels</h3>
          <p>A 0–10 score, where and what kind. A quick rating on rest days counts as much as after runs.</p>
          <button type="button" onClick={() => finish('pain')}>
            Rate how my back feels
          </button>
        </div>
        <div className="welcome__card welcome__card--strength">
          <h3>Your core work</h3>
          <p>Planks, bridges and holds. The guided routine times them for you and logs what you did.</p>
          <button type="button" onClick={() => finish('routine')}>
            Try the guided routine
          </button>
        </div>
      </div>
      <p className="welcome__foot muted">
        Backstride is a log, not a doctor: Help explains the pain rules it uses and the warning signs that need medical
        attention.
      </p>
    </section>
  );
}
