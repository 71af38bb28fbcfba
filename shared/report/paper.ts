// Paper size by locale: US Letter where it is the norm (the Americas' Letter countries and the
// Philippines), A4 everywhere else.
export type Paper = 'A4' | 'Letter';

const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PH',
  'CL',
  'CO',
  'VE',
  'PR',
  'GT',
  'CR',
  'PA',
  'DO',
  'SV',
  'NI',
  'HN',
]);

/** "en-US" → Letter, "de-DE" → A4; a bare language ("en") or anything unreadable → A4. */
export function paperForLocale(locale: string | undefined): Paper {
  const region = /^[a-z]{2,3}(?:[-_][A-Za-z]{4})?[-_]([A-Za-z]{2})\b/i.exec(locale ?? '')?.[1]?.toUpperCase();
  return region !== undefined && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
}
