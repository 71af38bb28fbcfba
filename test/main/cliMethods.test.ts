// `cli methods` lists each operation with its input shape; `call` reports every invalid field at once.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { METHODS } from '../../shared/api';
import { tempDir } from '../helpers';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli methods and call', () => {
  it('lists every method with the shape of its input, from the contract schemas', async () => {
    const { code, out } = await cli('methods');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(METHODS.length);
    const runsSave = lines.find((l) => l.startsWith('runs:save '));
    expect(runsSave).toContain('distanceKm: number');
    expect(runsSave).toContain('durationS: integer');
    expect(runsSave).toContain('startTime?: string');
    expect(runsSave).toMatch(/surface\?: "road" \| "trail"/);
    expect(lines.find((l) => l.startsWith('shoes:save '))).toContain('name: string');
  });

  it('reports every invalid field at once', async () => {
    const dir = tempDir();
    const { code, err } = await cli(
      'call',
      'runs:save',
      JSON.stringify({ date: 'yesterday', distanceKm: -1, durationS: 'long' }),
      '--data-dir',
      dir,
    );
    expect(code).toBe(1);
    expect(err).toContain('date:');
    expect(err).toContain('distanceKm:');
    expect(err).toContain('durationS:');
  });
});
