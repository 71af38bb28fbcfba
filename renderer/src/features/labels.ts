// Human words for stored enum values, shared by forms, the journal and charts.
import type { PainKind, PainSide, PainTiming, Surface } from '../../../shared/model';

export const SURFACE_LABELS: Record<Surface, string> = {
  road: 'Road',
  trail: 'Trail',
  track: 'Track',
  treadmill: 'Treadmill',
  other: 'Other',
};

export { KIND_LABELS, LOCATION_LABELS } from '../../../shared/labels';

export const SIDE_LABELS: Record<PainSide, string> = {
  left: 'Left',
  right: 'Right',
  both: 'Both sides',
  centre: 'Centre',
};

/** One-line hints from domain-notes.md, in our own words. */
export const KIND_HINTS: Record<PainKind, string> = {
  muscular: 'Often one side, tightness or spasms, worse when twisting or moving.',
  bone_like: 'Deep ache, or one sore spot worse arching back or hopping.',
  unsure: 'Log it anyway; you can change this later.',
};

export const TIMING_LABELS: Record<PainTiming, string> = {
  during_run: 'During a run',
  after_run: 'After a run',
  next_morning: 'Next morning',
  rest_day: 'Rest day',
};
