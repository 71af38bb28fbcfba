// Page objects: the user's actions on the main screens, found by role and label.
import { expect, type Locator, type Page } from '@playwright/test';

export class JournalScreen {
  constructor(readonly page: Page) {}

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }

  entries(): Locator {
    return this.page.locator('main').getByRole('listitem');
  }

  entry(text: string | RegExp): Locator {
    return this.entries().filter({ hasText: text });
  }

  async addRun(run: {
    distance: string;
    duration: string;
    effort?: string;
    notes?: string;
    date?: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'New run' }).click();
    const dialog = this.dialog('New run');
    if (run.date) await dialog.getByLabel('Date').fill(run.date);
    await dialog.getByLabel(/^Distance/).fill(run.distance);
    await dialog.getByLabel(/^Duration/).fill(run.duration);
    if (run.effort) await dialog.getByLabel(/^Effort/).selectOption(run.effort);
    if (run.notes) await dialog.getByLabel('Notes').fill(run.notes);
    await dialog.getByRole('button', { name: 'Save run' }).click();
    await expect(dialog).toBeHidden();
  }

  async addPain(pain: { score: number; kind?: string; timing?: string; linkRun?: boolean }): Promise<void> {
    await this.page.getByRole('button', { name: 'Rate pain' }).click();
    const dialog = this.dialog('New pain rating');
    const slider = dialog.getByRole('slider', { name: /Pain score/ });
    await slider.focus();
    for (let i = 0; i < pain.score; i++) await slider.press('ArrowRight');
    if (pain.kind) await dialog.getByRole('radio', { name: new RegExp(`^${pain.kind}`) }).check();
    if (pain.timing) await dialog.getByLabel('When', { exact: true }).selectOption({ label: pain.timing });
    if (pain.linkRun) await dialog.getByLabel('Linked run').selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Save pain rating' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Logs a session of one exercise of your own (made in the form) with its reps. */
  async addSessionWithOwnExercise(name: string, reps: string): Promise<void> {
    await this.page.getByRole('button', { name: 'New session' }).click();
    const session = this.dialog('New session');
    await session.getByText('Add your own exercise').click();
    await session.getByLabel('Name', { exact: true }).fill(name);
    await session.getByRole('button', { name: 'Create exercise' }).click();
    await session.getByLabel('Reps for exercise 2').fill(reps);
    await session.getByRole('button', { name: 'Save session' }).click();
    await expect(session).toBeHidden();
  }
}
