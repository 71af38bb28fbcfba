// The report's two pictures as inline SVG strings, drawn here rather than by chart.js so the
// command line needs no browser. Black, white and greys only, with numbers written on the
// marks, so they read the same on a black-and-white printer. Presentation attributes only (no
// style attributes), which the app's Content-Security-Policy allows.
import type { PainMapRow, ReportWeek } from './data';
import { escapeHtml, shortDate } from './format';

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${round(x)}" y="${round(y)}" ${attrs}>${escapeHtml(content)}</text>`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function svgOpen(width: number, height: number, label: string): string {
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="100%" ` +
    `role="img" aria-label="${escapeHtml(label)}" ${FONT} font-size="10" fill="#000">`
  );
}

/**
 * Core sessions per week as grey bars (count written on each) and mean lower-back pain as a
 * black line with round markers on a 0–10 axis. A week without a back-pain rating leaves a
 * gap: unknown is never drawn as 0.
 */
export function weeklyChartSvg(weeks: readonly ReportWeek[]): string {
  const width = 680;
  const height = 180;
  const left = 34;
  const right = 40;
  const top = 14;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = Math.max(weeks.length, 1);
  const slot = plotW / n;
  const maxCore = Math.max(4, ...weeks.map((w) => w.coreSessions));
  const coreY = (v: number) => top + plotH - (v / maxCore) * plotH;
  const painY = (v: number) => top + plotH - (v / 10) * plotH;
  const parts: string[] = [svgOpen(width, height, 'Core sessions and mean lower-back pain by week')];

  // Grid and the two axes: core sessions left, pain right.
  for (let p = 0; p <= 10; p += 2) {
    const y = painY(p);
    parts.push(
      `<line x1="${left}" y1="${round(y)}" x2="${left + plotW}" y2="${round(y)}" stroke="#d0d0d0" stroke-width="0.6"/>`,
    );
    parts.push(text(left + plotW + 6, y + 3.5, String(p), 'text-anchor="start"'));
  }
  const coreStep = maxCore <= 8 ? 1 : Math.ceil(maxCore / 8);
  for (let c = 0; c <= maxCore; c += coreStep)
    parts.push(text(left - 6, coreY(c) + 3.5, String(c), 'text-anchor="end"'));
  parts.push(
    text(
      12,
      top + plotH / 2,
      'Core sessions',
      `text-anchor="middle" transform="rotate(-90 12 ${round(top + plotH / 2)})"`,
    ),
  );
  parts.push(
    text(
      width - 8,
      top + plotH / 2,
      'Back pain (0–10)',
      `text-anchor="middle" transform="rotate(90 ${width - 8} ${round(top + plotH / 2)})"`,
    ),
  );
  parts.push(
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="#000" stroke-width="0.8"/>`,
  );

  const barW = Math.min(28, slot * 0.55);
  const labelEvery = Math.ceil(n / 13);
  weeks.forEach((w, i) => {
    const cx = left + slot * (i + 0.5);
    const y = coreY(w.coreSessions);
    if (w.coreSessions > 0)
      parts.push(
        `<rect x="${round(cx - barW / 2)}" y="${round(y)}" width="${round(barW)}" height="${round(top + plotH - y)}" fill="#bdbdbd" stroke="#000" stroke-width="0.6"${w.partial ? ' stroke-dasharray="2 2"' : ''}/>`,
      );
    parts.push(text(cx, y - 3, String(w.coreSessions), 'text-anchor="middle" font-size="9"'));
    if (i % labelEvery === 0 || i === weeks.length - 1)
      parts.push(
        text(
          cx,
          top + plotH + 13,
          `${shortDate(w.weekStart)}${w.partial ? '*' : ''}`,
          'text-anchor="middle" font-size="9"',
        ),
      );
  });

  // The pain line, broken where a week has no rating.
  let path = '';
  let drawing = false;
  weeks.forEach((w, i) => {
    if (w.meanBackPain === null) {
      drawing = false;
      return;
    }
    const x = round(left + slot * (i + 0.5));
    const y = round(painY(w.meanBackPain));
    path += `${drawing ? 'L' : 'M'}${x} ${y} `;
    drawing = true;
  });
  if (path) parts.push(`<path d="${path.trim()}" fill="none" stroke="#000" stroke-width="1.6"/>`);
  weeks.forEach((w, i) => {
    if (w.meanBackPain === null) return;
    parts.push(
      `<circle cx="${round(left + slot * (i + 0.5))}" cy="${round(painY(w.meanBackPain))}" r="3.2" fill="#fff" stroke="#000" stroke-width="1.4"/>`,
    );
  });

  // Legend: a swatch and a marker, each with words, so nothing depends on colour.
  const ly = height - 8;
  parts.push(`<rect x="${left}" y="${ly - 8}" width="14" height="9" fill="#bdbdbd" stroke="#000" stroke-width="0.6"/>`);
  parts.push(text(left + 19, ly, 'Core sessions in the week (number on each bar)'));
  const lx = left + 290;
  parts.push(`<line x1="${lx}" y1="${ly - 3.5}" x2="${lx + 22}" y2="${ly - 3.5}" stroke="#000" stroke-width="1.6"/>`);
  parts.push(`<circle cx="${lx + 11}" cy="${ly - 3.5}" r="3.2" fill="#fff" stroke="#000" stroke-width="1.4"/>`);
  parts.push(text(lx + 28, ly, 'Mean lower-back pain (gap: no rating)'));
  if (weeks.some((w) => w.partial)) parts.push(text(left + plotW, ly, '* so far', 'text-anchor="end"'));
  parts.push('</svg>');
  return parts.join('');
}

/** Grey level of a cell with `days` days of pain (of 7): white to mid grey, dark enough to see and light enough for black text. */
function cellFill(days: number): string {
  const level = Math.round(255 - (Math.min(days, 7) / 7) * 130);
  const hex = level.toString(16).padStart(2, '0');
  return `#${hex}${hex}${hex}`;
}

/**
 * Days with pain per week, one row per location and per kind, as a grid of shaded cells with
 * the count written in each ("·" for a week without any rating there).
 */
export function painMapSvg(rows: readonly PainMapRow[], weeks: readonly ReportWeek[]): string {
  const labelW = 110;
  const scoreW = 56;
  const n = Math.max(weeks.length, 1);
  const width = 680;
  const cellW = (width - labelW - scoreW) / n;
  const cellH = 13;
  const top = 16;
  const groupGap = 10;
  const height = top + rows.length * cellH + groupGap + 22;
  const parts: string[] = [svgOpen(width, height, 'Days with pain per week by location and by kind')];
  const labelEvery = Math.ceil(n / 13);
  weeks.forEach((w, i) => {
    if (i % labelEvery === 0 || i === weeks.length - 1)
      parts.push(
        text(
          labelW + cellW * (i + 0.5),
          top - 5,
          `${shortDate(w.weekStart)}${w.partial ? '*' : ''}`,
          'text-anchor="middle" font-size="9"',
        ),
      );
  });
  parts.push(text(width - scoreW / 2, top - 5, 'mean score', 'text-anchor="middle" font-size="9"'));
  let y = top;
  rows.forEach((row, r) => {
    if (r > 0 && row.group !== rows[r - 1]!.group) y += groupGap;
    parts.push(text(4, y + cellH - 3.5, row.label, row.group === 'kind' ? 'font-style="italic"' : ''));
    row.painDays.forEach((days, i) => {
      const x = labelW + cellW * i;
      parts.push(
        `<rect x="${round(x)}" y="${round(y)}" width="${round(cellW)}" height="${cellH}" fill="${cellFill(days)}" stroke="#fff" stroke-width="1"/>`,
      );
      const label = row.rated[i] ? String(days) : '·';
      parts.push(text(x + cellW / 2, y + cellH - 3.5, label, 'text-anchor="middle" font-size="9"'));
    });
    parts.push(
      text(
        width - scoreW / 2,
        y + cellH - 3.5,
        row.meanScore === null ? '–' : row.meanScore.toFixed(1),
        'text-anchor="middle"',
      ),
    );
    y += cellH;
  });
  parts.push(
    text(
      4,
      height - 6,
      'Number = days with pain that week (darker = more days); · = no rating there; rows in italics are by kind.',
      'font-size="9"',
    ),
  );
  parts.push('</svg>');
  return parts.join('');
}
