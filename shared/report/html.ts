// The report as HTML: one function for every door. The Report screen shows the fragment, the
// desktop app prints it to PDF, and the command line wraps it in a self-contained document
// (inline style, inline SVG, no script, nothing fetched).
import { toDisplayDistance } from '../units';
import type { ReportData, ReportHeadline, ReportTotals, ReportWeek } from './data';
import { escapeHtml, longDate } from './format';
import { REPORT_CSS } from './styles';
import { painMapSvg, weeklyChartSvg } from './svg';

/** Most flags the report lists one by one; the rest are counted (the app lists them all). */
export const MAX_FLAG_ROWS = 15;

const num = (v: number | null, digits: number): string => (v === null ? '–' : v.toFixed(digits));

function distance(km: number | null, data: ReportData): string {
  return km === null ? '–' : toDisplayDistance(km, data.unit).toFixed(1);
}

function signed(value: number, digits = 1): string {
  return value < 0 ? `−${Math.abs(value).toFixed(digits)}` : value.toFixed(digits);
}

function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function headlineHtml(headline: ReportHeadline | null): string {
  if (headline === null || headline.claim === 'not_enough_data' || headline.estimate === null) {
    const weeks = headline ? ` (${headline.n} usable week${headline.n === 1 ? '' : 's'} so far)` : '';
    return `<p class="bs-report__headline"><strong>Not enough data yet</strong>${weeks}.${headline?.sentence ? ` ${escapeHtml(headline.sentence)}` : ''}</p>`;
  }
  const e = headline.estimate;
  const direction = e < 0 ? 'less' : 'more';
  const ci = headline.ci95 ? `95% interval ${signed(headline.ci95[0])} to ${signed(headline.ci95[1])}` : 'no interval';
  const p = headline.pValue === null ? '' : `, ${pValue(headline.pValue)}`;
  const sentence =
    headline.sentence ??
    `About ${Math.abs(e).toFixed(1)} points ${direction} back pain the week after each extra core session.`;
  const claim = headline.claim === 'association' ? 'An association in this log' : 'No clear association in this log';
  return (
    `<p class="bs-report__headline"><strong>${claim}:</strong> ${escapeHtml(sentence)}</p>` +
    `<p class="bs-report__figures">Estimate ${signed(e, 2)} points per core session (${ci}), n = ${headline.n} weeks${p}. ` +
    `Model: ${escapeHtml(headline.method)}. Over the whole log, not only these weeks; it shows what moved together, not what caused what.</p>`
  );
}

function experimentHtml(data: ReportData): string {
  const x = data.experiment;
  if (x === null) return '<p>No core-work experiment ran in these weeks.</p>';
  const ci = x.ci95 ? `, 95% interval ${signed(x.ci95[0])} to ${signed(x.ci95[1])}` : '';
  const est = x.estimate === null ? '' : `Difference ${signed(x.estimate, 2)} points${ci}`;
  const p = x.pRandomization === null ? '' : `, randomisation ${pValue(x.pRandomization)}`;
  return (
    `<p><strong>${escapeHtml(x.name)}</strong> (${longDate(x.startDate)} to ${longDate(x.endDate)}, ${escapeHtml(x.status)}): ${escapeHtml(x.sentence)}</p>` +
    (est ? `<p class="bs-report__figures">${est}${p}; ${x.usable} usable cycle${x.usable === 1 ? '' : 's'}.</p>` : '')
  );
}

/** A row's numbers as table cells, in the order of the header (after the week). */
function numberCells(row: ReportTotals, data: ReportData): string {
  return [
    row.runs,
    distance(row.runKm, data),
    distance(row.longestRunKm, data),
    row.coreSessions,
    num(row.meanBackPain, 1),
    num(row.maxBackPain, 0),
    row.painDays,
    row.plankS ?? '–',
    row.sidePlankS ?? '–',
  ]
    .map((c) => `<td>${c}</td>`)
    .join('');
}

function weekRow(w: ReportWeek, data: ReportData): string {
  return `<tr data-week="${w.weekStart}"><th scope="row">${longDate(w.weekStart)}${w.partial ? ' (so far)' : ''}</th>${numberCells(w, data)}</tr>`;
}

function summaryTable(data: ReportData): string {
  if (data.weeks.length === 0) return '<p>Nothing was logged in these weeks.</p>';
  const u = data.unit;
  const head = [
    'Week of',
    'Runs',
    `Distance (${u})`,
    `Longest run (${u})`,
    'Core sessions',
    'Back pain, mean',
    'Back pain, worst',
    'Days with pain',
    'Longest plank (s)',
    'Longest side plank (s)',
  ];
  return (
    `<table class="bs-report__table bs-report__weeks" aria-label="Summary by week">` +
    `<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${data.weeks.map((w) => weekRow(w, data)).join('')}</tbody>` +
    `<tfoot><tr><th scope="row">All ${data.weeks.length} weeks</th>${numberCells(data.totals, data)}</tr></tfoot>` +
    `</table>` +
    `<p class="bs-report__note">Back pain is lower back only, 0 (none) to 10. "All weeks": sums; the mean of the weekly means; the worst and longest of any week.${data.weeksBeforeLog > 0 ? ` The first ${data.weeksBeforeLog} week${data.weeksBeforeLog === 1 ? '' : 's'} of the range came before anything was logged.` : ''}</p>`
  );
}

/** A flag's finding without its explanation: the detail up to its first "; " or sentence end. */
export function flagValue(detail: string): string {
  const cut = detail.search(/; |\. /);
  return cut < 0 ? detail : `${detail.slice(0, cut)}.`;
}

function flagsHtml(data: ReportData): string {
  if (data.flags.length === 0) return '<p>No flags in these weeks.</p>';
  const shown = data.flags.slice(0, MAX_FLAG_ROWS);
  const rows = shown
    .map(
      (f) =>
        `<tr><td class="bs-report__date">${longDate(f.date)}</td><td>${escapeHtml(f.rule)}</td><td>${escapeHtml(flagValue(f.detail))}</td></tr>`,
    )
    .join('');
  const more = data.flags.length - shown.length;
  return (
    `<table class="bs-report__table bs-report__flags" aria-label="Flags"><thead><tr><th scope="col">Date</th><th scope="col">Rule</th><th scope="col">What the log shows</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<p class="bs-report__note">${more > 0 ? `And ${more} more flag${more === 1 ? '' : 's'} in these weeks, listed in the app. ` : ''}` +
    'A flag marks a day or week that broke a rule of the pain-monitoring model (Silbernagel et al. 2007), or a run ' +
    'more than 10% longer than the longest of the previous 30 days (Frandsen et al. 2025): a prompt to look closer, not a diagnosis.</p>'
  );
}

function coreHtml(data: ReportData): string {
  const { core } = data;
  const perWeek = core.perWeek === null ? '' : ` (${core.perWeek.toFixed(1)} a week)`;
  const intro = `<p>${core.sessions} core session${core.sessions === 1 ? '' : 's'}${perWeek}. Longest plank hold ${data.totals.plankS === null ? 'not logged' : `${data.totals.plankS} s`}; longest side-plank hold ${data.totals.sidePlankS === null ? 'not logged' : `${data.totals.sidePlankS} s`} (week by week in the table above).</p>`;
  if (core.exercises.length === 0) return `${intro}<p>No strength or core exercises logged in these weeks.</p>`;
  const rows = core.exercises
    .map(
      (e) =>
        `<tr><th scope="row">${escapeHtml(e.name)}</th><td class="bs-report__num">${e.sessions}</td><td>${escapeHtml(e.lastDose)}</td><td class="bs-report__num">${e.longestHoldS ?? '–'}</td></tr>`,
    )
    .join('');
  return (
    intro +
    `<table class="bs-report__table bs-report__core" aria-label="Exercises done"><thead><tr><th scope="col">Exercise</th><th scope="col" class="bs-report__num">Sessions</th><th scope="col">Last dose</th><th scope="col" class="bs-report__num">Longest hold (s)</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function warningHtml(data: ReportData): string {
  if (data.warningSigns.length === 0) return '<p>None noted.</p>';
  return `<p>The runner noted:</p><ul>${data.warningSigns.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`;
}

function section(title: string, body: string, className = ''): string {
  return `<section class="bs-report__section${className ? ` ${className}` : ''}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/** The report's body as an HTML fragment: one `<article class="bs-report">`, no style attributes. */
export function renderReportHtml(data: ReportData): string {
  const who = data.name ? `<p class="bs-report__name">${escapeHtml(data.name)}</p>` : '';
  const header =
    `<header class="bs-report__header"><h1>Running and back pain: ${data.range.weeks} week${data.range.weeks === 1 ? '' : 's'}</h1>${who}` +
    `<p class="bs-report__meta">Weeks of ${longDate(data.range.from)} to ${longDate(data.through)} · made ${escapeHtml(data.madeAt)} · distances in ${data.unit === 'km' ? 'kilometres' : 'miles'}, pain 0–10</p>` +
    `<p class="bs-report__disclaimer">Made with Backstride: a self-kept log, not a medical record.</p></header>`;
  const weekly = data.weeks.length ? `<figure class="bs-report__figure">${weeklyChartSvg(data.weeks)}</figure>` : '';
  const painMap = data.weeks.length
    ? `<figure class="bs-report__figure">${painMapSvg(data.painMap, data.weeks)}</figure>`
    : '<p>No pain ratings in these weeks.</p>';
  const questions = data.questions
    ? `<div class="bs-report__questions">${escapeHtml(data.questions)}</div>`
    : '<div class="bs-report__questions bs-report__questions--blank"></div>';
  return (
    `<article class="bs-report" aria-label="Report for the physiotherapist">` +
    header +
    section('Week by week', summaryTable(data)) +
    section('Core sessions and back pain', weekly, 'bs-report__keep') +
    section('Where and what kind of pain', painMap, 'bs-report__keep') +
    section(
      'Does back pain move with core work?',
      headlineHtml(data.headline) + experimentHtml(data),
      'bs-report__keep',
    ) +
    section('Flags', flagsHtml(data)) +
    section('Warning signs', warningHtml(data), 'bs-report__keep') +
    section('Core work done', coreHtml(data)) +
    section('Questions for my physio', questions, 'bs-report__keep') +
    `</article>`
  );
}

/** A whole HTML document around the fragment: one file that prints the same anywhere. */
export function reportDocument(fragment: string, title: string): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>` +
    `<body class="bs-report-page">${fragment}</body></html>\n`
  );
}

/** A file name for the report, e.g. "backstride-report-2026-09-07-to-2026-11-29". */
export function reportFileStem(data: Pick<ReportData, 'range' | 'through'>): string {
  return `backstride-report-${data.range.from}-to-${data.through}`;
}
