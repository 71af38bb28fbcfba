// Red flags shown on the Help screen and the persistent-pain card (domain-notes.md, "Added
// 2026-11-30"), in our own words, in two groups by how urgent they are. Shown, never enforced
// or diagnosed from the log.
export interface WarningSignGroup {
  /** What to do: the heading of the group. */
  action: string;
  intro: string;
  signs: string[];
}

/** Possible nerve compression at the base of the spine (cauda equina): emergency care, now. */
export const EMERGENCY_SIGNS: WarningSignGroup = {
  action: 'Go to an emergency department now',
  intro: 'Go to an emergency department now (or call emergency services) if back pain comes with any of these:',
  signs: [
    'Numbness or tingling in the groin, genitals, buttocks or inner thighs (the “saddle” area).',
    'New trouble passing urine, or new loss of control of your bladder or bowels.',
    'New sexual dysfunction, such as numbness or loss of function.',
    'Weakness or numbness in one or both legs that is getting worse, or a foot that starts to drag.',
  ],
};

/** Signs clinicians screen for that need a doctor's assessment soon, not more exercises. */
export const PROMPT_SIGNS: WarningSignGroup = {
  action: 'See a doctor promptly',
  intro: 'See a doctor promptly (within a day or two) if back pain comes with any of these:',
  signs: [
    'A history of cancer.',
    'Losing weight without trying and without a reason you know of.',
    'A fever, or feeling generally unwell.',
    'Pain at night that does not ease when you rest or lie still.',
    'Back pain that is new and you are under 20 or over 50.',
    'Osteoporosis, or taking steroid medicines for a long time.',
    'A weakened immune system (from an illness or medicines), or injecting drugs.',
    'Back pain that started after a fall, an accident or another injury.',
    'For runners: missed or stopped periods, or a stress fracture before. Both can mean too little energy for the ' +
      'training, which raises the risk of bone-stress injuries, including in the spine and pelvis.',
  ],
};

/** Both groups, most urgent first. */
export const WARNING_SIGN_GROUPS: readonly WarningSignGroup[] = [EMERGENCY_SIGNS, PROMPT_SIGNS];
