// Distances are stored in km; miles are only a display setting.
export type DistanceUnit = 'km' | 'mi';

export const KM_PER_MILE = 1.609344;

export function toDisplayDistance(km: number, unit: DistanceUnit): number {
  return unit === 'km' ? km : km / KM_PER_MILE;
}

export function fromDisplayDistance(value: number, unit: DistanceUnit): number {
  return unit === 'km' ? value : value * KM_PER_MILE;
}

/**
 * The distance to put back in an edit form: the shortest decimal (up to 6 places) that converts
 * back to exactly the stored km, so a run typed as 7.4563 mi reads 7.4563 again rather than a
 * rounded 7.456 that would change the run when saved. A distance that was typed in the other
 * unit has no such short form and shows to 2 places.
 */
export function editableDistance(km: number, unit: DistanceUnit): string {
  const value = toDisplayDistance(km, unit);
  for (let places = 0; places <= 6; places++) {
    const text = value.toFixed(places);
    // A relative 1e-12 absorbs the last-bit difference of one multiplication.
    if (Math.abs(fromDisplayDistance(Number(text), unit) - km) <= km * 1e-12) return String(Number(text));
  }
  return String(Number(value.toFixed(2)));
}

export function formatDistance(km: number, unit: DistanceUnit, digits = 2): string {
  return `${toDisplayDistance(km, unit).toFixed(digits)} ${unit}`;
}

/** Formats seconds as h:mm:ss (or m:ss below an hour). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * Parses "h:mm:ss", "mm:ss" or plain minutes ("45") into seconds.
 * Returns undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 60);
  const parts = trimmed.split(':');
  if (parts.length < 2 || parts.length > 3) return undefined;
  if (!parts.every((p) => /^\d+$/.test(p))) return undefined;
  const nums = parts.map(Number);
  const [h, m, s] = nums.length === 3 ? (nums as [number, number, number]) : [0, nums[0]!, nums[1]!];
  if (m >= 60 && nums.length === 3) return undefined;
  if (s >= 60) return undefined;
  return h * 3600 + m * 60 + s;
}

/** Pace per display unit, as m:ss /km or /mi. */
export function formatPace(distanceKm: number, durationS: number, unit: DistanceUnit): string {
  const distance = toDisplayDistance(distanceKm, unit);
  if (distance <= 0) return '–';
  const secondsPerUnit = Math.round(durationS / distance);
  return `${formatDuration(secondsPerUnit)} /${unit}`;
}
