// The report's one stylesheet, as text so every door can use it: the command line inlines it in
// its HTML file, the Report screen adopts it as a constructed stylesheet. Every rule is scoped to
// .bs-report, and the report is always black on white (paper), whatever the app's theme.
export const REPORT_CSS = `
.bs-report-page { margin: 0; background: #fff; }
.bs-report {
  box-sizing: border-box; max-width: 186mm; margin: 0 auto; padding: 0;
  background: #fff; color: #000; color-scheme: light;
  font: 9pt/1.3 Helvetica, Arial, sans-serif;
}
.bs-report *, .bs-report *::before, .bs-report *::after { box-sizing: border-box; }
.bs-report h1 { font-size: 15pt; margin: 0 0 1mm; }
.bs-report h2 {
  font-size: 10.5pt; margin: 3mm 0 1.2mm; padding-bottom: 0.5mm; border-bottom: 0.6pt solid #000;
  break-after: avoid; page-break-after: avoid;
}
.bs-report p { margin: 0 0 1.5mm; }
.bs-report ul { margin: 0 0 1.5mm; padding-left: 5mm; }
.bs-report__name { font-size: 11pt; font-weight: bold; }
.bs-report__meta, .bs-report__note, .bs-report__figures { color: #333; font-size: 8.5pt; }
.bs-report__disclaimer { font-style: italic; font-size: 8.5pt; }
.bs-report__headline { font-size: 10pt; }
.bs-report__table { width: 100%; border-collapse: collapse; margin: 0 0 1.5mm; font-size: 8.5pt; }
.bs-report__table th, .bs-report__table td {
  border: 0.5pt solid #777; padding: 0.6mm 1.2mm; vertical-align: top; text-align: left;
}
.bs-report__weeks td, .bs-report__table .bs-report__num { text-align: right; font-variant-numeric: tabular-nums; }
.bs-report__table .bs-report__date { white-space: nowrap; }
.bs-report__table thead th { background: #e6e6e6; font-weight: bold; }
.bs-report__weeks thead th { text-align: right; }
.bs-report__weeks thead th:first-child { text-align: left; }
.bs-report__table tbody th { font-weight: normal; white-space: nowrap; }
.bs-report__table tfoot th, .bs-report__table tfoot td { font-weight: bold; border-top: 1.2pt solid #000; }
.bs-report__table tr { break-inside: avoid; page-break-inside: avoid; }
.bs-report__table thead { display: table-header-group; }
.bs-report__figure { margin: 0; }
.bs-report__figure svg { display: block; width: 100%; height: auto; }
.bs-report__keep { break-inside: avoid; page-break-inside: avoid; }
.bs-report__questions {
  min-height: 20mm; border: 0.6pt solid #000; padding: 1.5mm 2mm; white-space: pre-wrap;
}
@media print {
  .bs-report { max-width: none; }
}
@page { size: auto; margin: 10mm 11mm 12mm; }
`;
