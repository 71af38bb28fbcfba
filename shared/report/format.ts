// Small text helpers for the report's HTML and SVG (pure, locale-free: the report spells dates
// so no reader can mistake day for month).

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-09-07" → "7 Sep". */
export function shortDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? '?'}`;
}

/** "2026-09-07" → "7 Sep 2026". */
export function longDate(date: string): string {
  return `${shortDate(date)} ${date.slice(0, 4)}`;
}
