// The printed report for a physiotherapist: one pure pipeline (range → numbers → HTML) used by
// the Report screen, the desktop PDF and the command line alike.
import { buildReportData, type ReportInput } from './data';
import { renderReportHtml, reportFileStem } from './html';

export * from './data';
export * from './range';
export { flagValue, MAX_FLAG_ROWS, renderReportHtml, reportDocument, reportFileStem } from './html';
export { REPORT_CSS } from './styles';

export interface BuiltReport {
  /** The report as an HTML fragment (one <article class="bs-report">). */
  html: string;
  from: string;
  to: string;
  /** Last day with data (the range's end, or today). */
  through: string;
  weeks: number;
  /** A file name without extension. */
  fileStem: string;
}

/** Builds the report: the one function behind every door. */
export function buildReport(input: ReportInput): BuiltReport {
  const data = buildReportData(input);
  return {
    html: renderReportHtml(data),
    from: data.range.from,
    to: data.range.to,
    through: data.through,
    weeks: data.range.weeks,
    fileStem: reportFileStem(data),
  };
}
export { paperForLocale, type Paper } from './paper';
