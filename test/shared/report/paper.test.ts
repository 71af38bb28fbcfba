import { describe, expect, it } from 'vitest';
import { paperForLocale } from '../../../shared/report/paper';

describe('paperForLocale', () => {
  it.each([
    ['en-US', 'Letter'],
    ['es-MX', 'Letter'],
    ['fr-CA', 'Letter'],
    ['en_PH', 'Letter'],
    ['zh-Hant-US', 'Letter'],
    ['en-GB', 'A4'],
    ['de-DE', 'A4'],
    ['en', 'A4'],
    ['', 'A4'],
    [undefined, 'A4'],
  ] as const)('%s → %s', (locale, paper) => {
    expect(paperForLocale(locale)).toBe(paper);
  });
});
