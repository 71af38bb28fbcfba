// The headline: the one pre-specified answer (shared/insights/headline.ts), shown first and
// apart from the exploration below it. The sentence, figures and method come from the report.
import { useId } from 'react';
import type { Headline } from '../../../../shared/insights/types';
import { formatP } from './format';

function signed(x: number): string {
  const text = x.toFixed(2);
  return text === '-0.00' ? '0.00' : x > 0 ? `+${text}` : text;
}

export function HeadlineCard({ headline }: { headline: Headline }) {
  const headingId = useId();
  const { claim, estimate, ci95, pValue, n, method, sentence } = headline;
  return (
    <section className="insight-card insight-card--headline" aria-labelledby={headingId}>
      <h2 id={headingId}>Does your back hurt less the week after more core work?</h2>
      <p className={claim === 'not_enough_data' ? 'insight-reason' : 'insight-headline'}>{sentence}</p>
      {estimate !== null && ci95 && pValue !== null && (
        <dl className="insight-stats">
          <div>
            <dt>Per extra core session</dt>
            <dd>{signed(estimate)} points</dd>
          </div>
          <div>
            <dt>95% interval</dt>
            <dd>
              {signed(ci95[0])} to {signed(ci95[1])}
            </dd>
          </div>
          <div>
            <dt>p-value</dt>
            <dd>{formatP(pValue)}</dd>
          </div>
          <div>
            <dt>Weeks (n)</dt>
            <dd>{n}</dd>
          </div>
        </dl>
      )}
      <details className="insight-help">
        <summary>How this answer is worked out, and what it cannot tell</summary>
        <p>{method}</p>
        <p>
          This one analysis was chosen before looking at anyone’s log, so it cannot be picked to fit yours. Comparing
          each week with the week before, among weeks that started from the same back pain, keeps a bad week that made
          you skip core work from looking like core work making the next week worse; the linear trend keeps a slow
          recovery that happened anyway from passing for an effect, and the running distance takes out weeks when you
          simply ran more or less. It cannot take out anything else that changed together with your core work (sleep,
          work, a new shoe, another treatment), and it says nothing about weeks you did not log. A log is not an
          experiment: to test core work properly, change it on purpose for planned weeks.
        </p>
        <p>
          Negative numbers mean less back pain. The 95% interval is the range of effects your weeks are compatible with:
          when it includes 0, your log cannot tell whether there is any effect or which way it goes; when it does not,
          this is still an association in your own log, not proof of cause. In simulated logs where core work does
          nothing, this answer claimed a pattern in at most about 9 in 100 of them (see the README).
        </p>
      </details>
    </section>
  );
}
