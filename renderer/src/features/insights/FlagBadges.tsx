// Small badges naming the rule a day broke, shown in the journal next to that day. Spans, not
// list items: the journal's entries are its list items.
import type { Flag } from '../../../../shared/insights/types';
import './insights.css';

export function FlagBadges({ flags }: { flags: readonly Flag[] | undefined }) {
  if (!flags || flags.length === 0) return null;
  return (
    <span className="flag-badges">
      {flags.map((flag, i) => (
        <span key={`${flag.rule}-${i}`} className="flag-badge" title={flag.detail}>
          <span className="visually-hidden">Flag: </span>
          {flag.rule}
        </span>
      ))}
    </span>
  );
}
