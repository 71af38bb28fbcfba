// The audible cue at the end of a hold: a short Web Audio beep. The AudioContext is made on
// the first Start press (browsers only allow sound after a user gesture); any failure is silent.
let context: AudioContext | undefined;

/** Call from a click handler so the browser lets the page make sound later. */
export function prepareSound(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
  } catch {
    context = undefined;
  }
}

/** Two quick tones, easy to hear across a room without being harsh. */
export function beep(): void {
  try {
    prepareSound();
    if (!context) return;
    const start = context.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 1175],
    ] as const) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // A fast fade in and out avoids clicks.
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  } catch {
    // No audio device or no Web Audio: the visible countdown still shows the end.
  }
}
