// The report's stylesheet (shared/report/styles.ts, the same text the command line inlines) as a
// constructed stylesheet: the app's CSP allows no inline <style>, and a constructed sheet is
// not inline markup. Adopted once; every rule is scoped to .bs-report.
import { REPORT_CSS } from '../../../../shared/report/styles';

let adopted = false;

export function adoptReportStyles(): void {
  if (adopted) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(REPORT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  adopted = true;
}
