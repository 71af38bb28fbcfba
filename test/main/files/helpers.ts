// Shared bits for the file-import tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'date-fns';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/files');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The machine-local date and HH:MM of an instant, computed independently of the code under test. */
export function local(iso: string): { date: string; startTime: string } {
  const instant = new Date(iso);
  return { date: format(instant, 'yyyy-MM-dd'), startTime: format(instant, 'HH:mm') };
}

/** Distance along a meridian, in km, for `degrees` of latitude (mean Earth radius). */
export function meridianKm(degrees: number): number {
  return (6371.0088 * degrees * Math.PI) / 180;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
