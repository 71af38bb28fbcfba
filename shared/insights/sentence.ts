// Plain-language text for the correlations. Wording rule: associations only, never cause.
export type Lag = 0 | 1 | 2;

/** Correlations below this size are described as "almost no relationship". */
export const NEGLIGIBLE_RHO = 0.1;

const LATER: Record<Lag, string> = { 0: 'in the same week', 1: 'one week later', 2: 'two weeks later' };

const CLOSING = 'This is an association in your own log, not proof of cause.';

/** Two decimals, with an ASCII minus and no "-0.00". */
export function formatCorrelation(r: number): string {
  const text = r.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export function tooFewPairsReason(n: number, lag: Lag, minPairs: number): string {
  const more = minPairs - n;
  const needed = `${more} more ${plural(more, 'is', 'are')} needed before a correlation is shown.`;
  if (lag === 0) {
    if (n === 0) return `No week has both core sessions and back-pain ratings yet; ${needed}`;
    return `Only ${n} ${plural(n, 'week has', 'weeks have')} both core sessions and back-pain ratings; ${needed}`;
  }
  const pairs = `${plural(n, 'week', 'weeks')} of core sessions can be paired with back-pain ratings ${LATER[lag]}`;
  if (n === 0) return `No weeks of core sessions can be paired with back-pain ratings ${LATER[lag]} yet; ${needed}`;
  return `Only ${n} ${pairs}; ${needed}`;
}

export function constantSeriesReason(which: 'core' | 'pain'): string {
  return which === 'core'
    ? 'Your core sessions were the same every week, so there is nothing to correlate yet.'
    : 'Your weekly back pain was the same every week, so there is nothing to correlate yet.';
}

/** The sentence for a correlation that is shown (n large enough, neither series constant). */
export function correlationSentence(input: {
  lag: Lag;
  n: number;
  rho: number;
  ci95: [number, number] | null;
}): string {
  const { lag, n, rho, ci95 } = input;
  const interval = ci95
    ? `rho ${formatCorrelation(rho)}, 95% interval ${formatCorrelation(ci95[0])} to ${formatCorrelation(ci95[1])}`
    : `rho ${formatCorrelation(rho)}`;
  const opening = `In the ${n} weeks you logged,`;
  let finding: string;
  if (Math.abs(rho) < NEGLIGIBLE_RHO) {
    finding = `the number of core sessions showed almost no relationship with back pain ${LATER[lag]}`;
  } else {
    const direction = rho < 0 ? 'less' : 'more';
    finding =
      lag === 0
        ? `weeks with more core sessions went with ${direction} back pain in the same week`
        : `weeks with more core sessions were followed ${LATER[lag]} by weeks with ${direction} back pain`;
  }
  const parts = [`${opening} ${finding} (${interval}).`];
  if (ci95 && ci95[0] <= 0 && ci95[1] >= 0) {
    parts.push('The interval includes zero, so this could be chance.');
  }
  parts.push(CLOSING);
  return parts.join(' ');
}
