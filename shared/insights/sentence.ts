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
  if (lag === 0) {
    const needed = `${more} more ${plural(more, 'is', 'are')} needed before a correlation is shown.`;
    if (n === 0) return `No finished week has back-pain ratings yet; ${needed}`;
    return `Only ${n} finished ${plural(n, 'week has', 'weeks have')} back-pain ratings so far; ${needed}`;
  }
  const needed = `${more} more ${plural(more, 'pair is', 'pairs are')} needed before a correlation is shown.`;
  const what = `a logged week paired with back-pain ratings ${LATER[lag]}`;
  if (n === 0) return `No pair of weeks (${what}) can be used yet; ${needed}`;
  return `Only ${n} ${plural(n, 'pair', 'pairs')} of weeks (${what}) can be used so far; ${needed}`;
}

export function constantSeriesReason(which: 'core' | 'pain'): string {
  return which === 'core'
    ? 'Your core sessions were the same every week, so there is nothing to correlate yet.'
    : 'Your weekly back pain was the same every week, so there is nothing to correlate yet.';
}

/** Whether a correlation is shown as a pattern: its interval excludes 0 and it is not negligible. */
export function isClearCorrelation(rho: number, ci95: [number, number] | null): boolean {
  return Math.abs(rho) >= NEGLIGIBLE_RHO && ci95 !== null && (ci95[0] > 0 || ci95[1] < 0);
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
  const opening = lag === 0 ? `In ${n} weeks,` : `In ${n} pairs of weeks,`;
  const parts: string[] = [];
  if (!isClearCorrelation(rho, ci95)) {
    parts.push(
      `${opening} there was no clear pattern between the number of core sessions and back pain ${LATER[lag]} (${interval}).`,
    );
    if (ci95 && ci95[0] <= 0 && ci95[1] >= 0) {
      parts.push('The interval includes 0: your log is compatible with no relationship, or one either way.');
    }
  } else {
    const direction = rho < 0 ? 'less' : 'more';
    const finding =
      lag === 0
        ? `weeks with more core sessions went with ${direction} back pain in the same week`
        : `weeks with more core sessions were followed ${LATER[lag]} by weeks with ${direction} back pain`;
    parts.push(`${opening} ${finding} (${interval}).`);
  }
  parts.push(CLOSING);
  return parts.join(' ');
}
