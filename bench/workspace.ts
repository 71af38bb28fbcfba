// Temp folders and child processes the bench makes, all removed when it ends (also on Ctrl+C).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class Workspace {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'backstride-bench-'));
  private readonly children = new Set<ChildProcess>();
  private readonly cleanups: Array<() => Promise<void> | void> = [];
  private counter = 0;

  /** A new empty folder inside the workspace. */
  dir(label: string): string {
    const dir = path.join(this.root, `${String(++this.counter).padStart(3, '0')}-${label}`);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** A fresh copy of a data folder, so a scenario that writes never changes the template. */
  copy(source: string, label: string): string {
    const dir = this.dir(label);
    fs.cpSync(source, dir, { recursive: true });
    return dir;
  }

  track(child: ChildProcess): ChildProcess {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
    return child;
  }

  onDispose(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  async dispose(): Promise<void> {
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch {
        // Keep tidying up; one failed cleanup must not leave the rest behind.
      }
    }
    for (const child of this.children) child.kill('SIGKILL');
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  /** Synchronous last resort for signals: kills children and removes the folder. */
  disposeNow(): void {
    for (const child of this.children) child.kill('SIGKILL');
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
