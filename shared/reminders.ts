// Opt-in reminders: rate your back each morning, and your core routine on chosen days. The
// rule of when one is due is pure; a scheduler runs it once a minute against a clock it is
// given (the desktop main process and browser mode each bring their own way to notify).
import { localToday, Reminders } from './model';

export { Reminders };

export const REMINDER_KINDS = ['pain', 'core'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const DEFAULT_REMINDERS: Reminders = Reminders.parse({});

export const REMINDER_TEXT: Record<ReminderKind, { title: string; body: string }> = {
  pain: { title: 'How is your back this morning?', body: 'A quick 0–10 rating keeps the picture honest.' },
  core: { title: 'Time for your core routine', body: 'Planks, bridges and holds: about fifteen minutes.' },
};

const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether a reminder is due at `now`: switched on, its day, its time reached, not yet fired or logged today. */
export function isDue(
  kind: ReminderKind,
  reminders: Reminders,
  now: Date,
  state: { firedOn: string | undefined; loggedToday: boolean },
): boolean {
  const reminder = reminders[kind];
  if (!reminder.enabled) return false;
  if (kind === 'core' && !reminders.core.days.includes(now.getDay())) return false;
  if (now.getHours() * 60 + now.getMinutes() < minutesOf(reminder.time)) return false;
  if (state.firedOn === localToday(now)) return false;
  return !state.loggedToday;
}

export interface SchedulerOptions {
  reminders(): Reminders;
  /** Whether today already has what the reminder asks for (a pain rating; a core session). */
  loggedToday(kind: ReminderKind, today: string): Promise<boolean> | boolean;
  /** Shows the reminder; `false` when it could not (no permission yet), so a later check tries again. */
  notify(kind: ReminderKind): boolean | void;
  now?: () => Date;
}

/** Checks once a minute (and at start); each reminder fires at most once a day. */
export class ReminderScheduler {
  private readonly firedOn = new Map<ReminderKind, string>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking = false;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    this.stop();
    this.timer = setInterval(() => void this.check(), 60_000);
    void this.check();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One look at the clock; resolves with what fired. */
  async check(): Promise<ReminderKind[]> {
    if (this.checking) return [];
    this.checking = true;
    try {
      const now = (this.options.now ?? (() => new Date()))();
      const today = localToday(now);
      const reminders = this.options.reminders();
      const fired: ReminderKind[] = [];
      for (const kind of REMINDER_KINDS) {
        // Ask the log only when everything else says the reminder is due.
        if (!isDue(kind, reminders, now, { firedOn: this.firedOn.get(kind), loggedToday: false })) continue;
        if (await this.options.loggedToday(kind, today)) continue;
        if (this.options.notify(kind) === false) continue;
        this.firedOn.set(kind, today);
        fired.push(kind);
      }
      return fired;
    } finally {
      this.checking = false;
    }
  }
}
