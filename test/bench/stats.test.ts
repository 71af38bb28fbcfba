import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratioResult, markdownTable } from '../../bench/report';
import { rawAtomicWrite } from '../../bench/scenarios/store';
import { measurePaired, median, quantile, spreadOf } from '../../bench/stats';
import { tempDir } from '../helpers';

describe('bench statistics', () => {
  it('interpolates quantiles between neighbours and takes the middle as the median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
    expect(spreadOf([5, 1, 4, 2, 3])).toEqual({ median: 3, q1: 2, q3: 4, min: 1, max: 5, n: 5 });
    expect(() => quantile([], 0.5)).toThrow();
  });

  it('alternates which side runs first and drops the warm-up rounds', async () => {
    const order: string[] = [];
    let m = 0;
    let b = 0;
    const samples = await measurePaired(
      3,
      () => (order.push('m'), ++m),
      () => (order.push('b'), ++b * 10),
      1,
    );
    expect(order).toEqual(['m', 'b', 'b', 'm', 'm', 'b', 'b', 'm']);
    expect(samples).toEqual({ measured: [2, 3, 4], baseline: [20, 30, 40] });
  });

  it('judges a ratio against its target on the medians, and says so in the table', () => {
    const within = ratioResult('fast', { measured: [12, 13, 99], baseline: [10, 10, 10] }, 1.3);
    expect(within.ratio).toBeCloseTo(1.3);
    expect(within.pass).toBe(true);
    const over = ratioResult('slow', { measured: [14, 14, 14], baseline: [10, 10, 10] }, 1.3);
    expect(over.pass).toBe(false);
    const table = markdownTable([within, over]);
    expect(table).toContain('| fast | 13.0 ms (IQR 12.5–56.0) | 10.0 ms (IQR 10.0–10.0) | 1.30x | <= 1.3x | pass |');
    expect(table).toContain('| slow |');
    expect(table).toContain('| MISS |');
  });
});

describe('the raw atomic write baseline', () => {
  it('replaces the file with exactly the given bytes and leaves no temp file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'partition.json');
    fs.writeFileSync(file, 'old');
    rawAtomicWrite(file, Buffer.from('{"records":[]}'));
    expect(fs.readFileSync(file, 'utf8')).toBe('{"records":[]}');
    expect(fs.readdirSync(dir)).toEqual(['partition.json']);
  });
});
