// A calm card shown when the log has a recent persistent-pain flag (pain that stays despite core
// work, or repeated bone-like aching): a suggestion to see a physical therapist or doctor, and
// the warning signs that need prompt attention. Shown, never enforced.
import { useId } from 'react';
import type { Flag } from '../../../../shared/insights/types';
import { formatDate } from './format';
import { WarningSignLists } from './WarningSigns';

interface PersistentPainCardProps {
  /** The persistent-pain flags, any order. */
  flags: readonly Flag[];
}

export function PersistentPainCard({ flags }: PersistentPainCardProps) {
  const headingId = useId();
  const latest = [...flags].sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  if (!latest) return null;
  return (
    <section className="insight-card persistent-pain" aria-labelledby={headingId}>
      <h2 id={headingId}>Worth having your back looked at</h2>
      <p>
        {latest.detail} <span className="muted">(latest: {formatDate(latest.date)})</span>
      </p>
      <p>
        Core work does not help every back. A physical therapist or doctor can find out which kind of pain this is (for
        example muscular, or a bone-stress injury) and suggest a plan; whether imaging is needed is their call.
      </p>
      <details className="persistent-pain__signs">
        <summary>Warning signs that need prompt medical attention</summary>
        <WarningSignLists headingLevel={3} />
      </details>
    </section>
  );
}
