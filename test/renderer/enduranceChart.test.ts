// The Core endurance chart: a week without a hold or a rating is a gap, never bridged, and a
// value between two missing weeks is still drawn.
import { describe, expect, it } from 'vitest';
import { enduranceChartData, pointRadii } from '../../renderer/src/features/insights/gaps';

const theme = { plank: '#111', sidePlank: '#222', pain: '#333' };
const labels = ['w1', 'w2', 'w3', 'w4', 'w5'];
const series = {
  plank: [30, null, null, 45, 50],
  sidePlank: [null, 20, null, null, 25],
  pain: [null, 4, null, 3, 2],
};

describe('Core endurance chart lines', () => {
  it('never joins values across weeks that have none', () => {
    for (const dense of [false, true]) {
      const { datasets } = enduranceChartData(labels, series, theme, dense);
      expect(datasets.map((d) => d.spanGaps)).toEqual([false, false, false]);
    }
  });

  it('draws a back-pain week whose neighbours have no rating as a point', () => {
    const { datasets } = enduranceChartData(labels, series, theme, false);
    const pain = datasets[2]!;
    expect(pain.pointRadius).toEqual([0, 3, 0, 0, 0]);
    expect(datasets[0]!.pointRadius).toEqual([3, 0, 0, 3, 3]);
  });

  it('keeps lone holds visible when a long range hides the points', () => {
    const { datasets } = enduranceChartData(labels, series, theme, true);
    expect(datasets[0]!.pointRadius).toEqual([3, 0, 0, 0, 0]);
    expect(datasets[1]!.pointRadius).toEqual([0, 3, 0, 0, 3]);
  });

  it('gives a point radius only to values that a line alone cannot show', () => {
    expect(pointRadii([1, null, 2, 3, null], 4, false)).toEqual([4, 0, 0, 0, 0]);
    expect(pointRadii([1, null, 2, 3, null], 4, true)).toEqual([4, 0, 4, 4, 0]);
    expect(pointRadii([], 4, false)).toEqual([]);
  });
});
