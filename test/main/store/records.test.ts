// Partition file names come from one table (FILE_PREFIX): every record type's prefix is
// recognised, and a file with any other prefix is no partition at all.
import { describe, expect, it } from 'vitest';
import { FILE_PREFIX, PARTITION_RE, RECORD_TYPES, partitionName, typeFromPrefix } from '../../../main/store/records';

describe('partition names', () => {
  it('round-trip for every record type', () => {
    for (const type of RECORD_TYPES) {
      const name = `${partitionName(type, '2024-05-01')}.json`;
      const match = PARTITION_RE.exec(name);
      expect(match?.[1]).toBe(FILE_PREFIX[type]);
      expect(match?.[2]).toBe('2024');
      expect(typeFromPrefix(match![1]!)).toBe(type);
    }
  });

  it('a file with an unknown prefix is no partition, and no prefix maps to a type it is not', () => {
    expect(() => typeFromPrefix('routines')).toThrow(RangeError);
    expect(PARTITION_RE.test('routines-2024.json')).toBe(false);
    expect(PARTITION_RE.test('runs-2024.json.tmp-ab12')).toBe(false);
    expect(PARTITION_RE.test('xruns-2024.json')).toBe(false);
  });
});
