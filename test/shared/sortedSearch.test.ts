import { describe, expect, it } from 'vitest';
import { prefixLength } from '../../shared/sortedSearch';

describe('prefixLength', () => {
  it('agrees with a linear count on every prefix of sorted lists with repeats', () => {
    const lists = [[], [5], [1, 1, 1], [1, 2, 2, 3, 7, 7, 7, 9], Array.from({ length: 101 }, (_, i) => i >> 2)];
    for (const list of lists) {
      for (let x = -1; x <= 30; x++) {
        const linear = list.filter((v) => v <= x).length;
        expect(
          prefixLength(list, (v) => v <= x),
          `${x} in [${list.join(',')}]`,
        ).toBe(linear);
      }
    }
  });

  it('puts an item after its equals, so inserting there keeps the order stable', () => {
    const list = [
      { k: 1, n: 'a' },
      { k: 2, n: 'b' },
      { k: 2, n: 'c' },
      { k: 3, n: 'd' },
    ];
    expect(prefixLength(list, (item) => item.k <= 2)).toBe(3);
  });
});
