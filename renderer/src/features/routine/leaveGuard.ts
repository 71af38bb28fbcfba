// Lets a routine in progress hold back navigation until the person confirms: the shell asks
// `leaveBlocked(proceed)` before switching view; the running routine shows its own question
// and calls `proceed` if they choose to stop.
type Asker = (proceed: () => void) => void;

let asker: Asker | undefined;

export function setLeaveGuard(next: Asker | undefined): void {
  asker = next;
}

/** True when leaving must wait for an answer (proceed runs if the person agrees). */
export function leaveBlocked(proceed: () => void): boolean {
  if (!asker) return false;
  asker(proceed);
  return true;
}
