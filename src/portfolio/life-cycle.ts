/**
 * The life cycle of an initiative (pure rules): idea → pre-project → application in preparation →
 * submitted → granted | rejected; granted → running → closed; withdrawn from any open state. The
 * shortcuts people take in practice are listed here explicitly, so a status change that skips the life
 * cycle anywhere else is refused with the steps that are allowed.
 */
export const STATUSES = ['idea', 'pre-project', 'application', 'submitted', 'granted', 'rejected', 'running', 'closed', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** States an initiative can still be withdrawn from: nothing has been decided against it or finished. */
export const OPEN_STATUSES: readonly Status[] = ['idea', 'pre-project', 'application', 'submitted', 'granted', 'running'];

/** Statuses where the funder has decided: the denominator of the success rate. */
export const DECIDED_STATUSES: readonly Status[] = ['granted', 'rejected', 'running', 'closed'];
/** Statuses that mean the grant was won. */
export const WON_STATUSES: readonly Status[] = ['granted', 'running', 'closed'];

const NEXT: Record<Status, readonly Status[]> = {
  // Shortcut: a small application needs no pre-project.
  idea: ['pre-project', 'application', 'withdrawn'],
  'pre-project': ['application', 'withdrawn'],
  application: ['submitted', 'withdrawn'],
  submitted: ['granted', 'rejected', 'withdrawn'],
  // Shortcut: a small grant (e.g. a study visit) is used and reported without a separate running phase.
  granted: ['running', 'closed', 'withdrawn'],
  // A rejected application is often reworked for the next call.
  rejected: ['application'],
  running: ['closed', 'withdrawn'],
  closed: [],
  // A withdrawn idea may be taken up again.
  withdrawn: ['idea'],
};

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/** The statuses an initiative in `from` may move to, in life-cycle order. */
export function allowedTransitions(from: Status): Status[] {
  return STATUSES.filter((status) => NEXT[from].includes(status));
}

export function mayTransition(from: Status, to: Status): boolean {
  return NEXT[from].includes(to);
}
