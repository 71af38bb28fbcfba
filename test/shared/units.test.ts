import { describe, expect, it } from 'vitest';
import { KM_PER_MILE, editableDistance, fromDisplayDistance } from '../../shared/units';

describe('editableDistance: an edit form shows the distance as it was typed', () => {
  it.each(['7.4563', '3.1', '26.2188', '0.000001', '13', '5.123456'])(
    'a run typed as %s mi reads back the same and converts to the same km',
    (typed) => {
      const km = fromDisplayDistance(Number(typed), 'mi');
      expect(editableDistance(km, 'mi')).toBe(typed);
      expect(fromDisplayDistance(Number(editableDistance(km, 'mi')), 'mi')).toBe(km);
    },
  );

  it.each(['10', '42.195', '5.5', '0.4'])('a run typed as %s km reads back the same', (typed) => {
    expect(editableDistance(Number(typed), 'km')).toBe(typed);
  });

  it('a distance typed in km and edited in miles shows 2 places, not 15', () => {
    expect(editableDistance(10, 'mi')).toBe('6.21');
    expect(editableDistance(3.1 * KM_PER_MILE, 'km')).toBe('4.99');
  });
});
