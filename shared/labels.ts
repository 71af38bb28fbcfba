// Human words for the pain enums that pure code needs too (the printed report) as well as the
// screens; renderer/src/features/labels.ts re-exports them.
import type { PainKind, PainLocation } from './model';

export const LOCATION_LABELS: Record<PainLocation, string> = {
  lower_back: 'Lower back',
  hip: 'Hip',
  knee: 'Knee',
  ankle: 'Ankle',
  other: 'Other',
};

export const KIND_LABELS: Record<PainKind, string> = {
  muscular: 'Muscular',
  bone_like: 'Bone-like aching',
  unsure: 'Not sure',
};
