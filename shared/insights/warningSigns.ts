// Warning signs shown on the help page (domain-notes.md, "Persistent-pain guidance"),
// in our own words. Shown, never enforced or diagnosed from the log.
export const WARNING_SIGNS_INTRO =
  'Some signs that come with low-back pain need prompt medical attention. See a doctor soon, ' +
  'or urgent care, if you notice any of these:';

export const WARNING_SIGNS: string[] = [
  'Numbness or tingling around the groin, genitals, buttocks or inner thighs.',
  'New trouble controlling your bladder or bowels, or being unable to pass urine.',
  'Weakness in one or both legs, or a foot that starts to drag.',
  'A fever, or feeling generally unwell, together with the back pain.',
  'Back pain that started after a fall, an accident or another injury.',
  'Losing weight without trying and without a reason you know of.',
  'Pain that is there all the time, including at night or when lying still.',
];
