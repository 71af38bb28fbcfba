// Every flag with the rule it broke and its date, newest first; long lists open in steps.
import { useId, useState } from 'react';
import type { Flag } from '../../../../shared/insights/types';
import { formatDate } from './format';

const FIRST_SHOWN = 10;

export function FlagsList({ flags }: { flags: readonly Flag[] }) {
  const headingId = useId();
  const [expanded, setExpanded] = useState(false);
  const newestFirst = [...flags].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const shown = expanded ? newestFirst : newestFirst.slice(0, FIRST_SHOWN);
  return (
    <section className="insight-card" aria-labelledby={headingId}>
      <h2 id={headingId}>Flags</h2>
      <p className="insight-card__note">
        Days and weeks that broke a rule of the pain-monitoring model (Silbernagel et al. 2007: pain during a run up to
        5/10, settled by the next morning, not rising week to week) or had a single run more than 10% longer than your
        longest in the previous 30 days (Frandsen et al. 2025). A flag is a prompt to look closer, not a diagnosis.
      </p>
      {flags.length === 0 ? (
        <p className="insight-empty">No flags: nothing in your log broke these rules.</p>
      ) : (
        <>
          <ul className="flag-list" aria-label={`${flags.length} flags, newest first`}>
            {shown.map((flag, i) => (
              <li key={`${flag.date}-${flag.rule}-${i}`} className="flag-list__item">
                <span className="flag-list__date">{formatDate(flag.date)}</span>
                <span className="flag-list__rule">{flag.rule}</span>
                <span className="flag-list__detail">{flag.detail}</span>
              </li>
            ))}
          </ul>
          {newestFirst.length > FIRST_SHOWN && (
            <button type="button" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
              {expanded ? 'Show fewer flags' : `Show all ${newestFirst.length} flags`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
