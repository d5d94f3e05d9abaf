// The core refuses a login it cannot parse with one line naming each bad field ("invalid setCredentials: cid: must
// be …; wsUrl: must be …"): each message goes beside its field on screen, and what no shown field takes stays whole.
export type LoginErrors = {
  /** A field's message ("must be …"), by the argument's name (`cid`, `apiUrl` …). */
  byField: Readonly<Record<string, string>>;
  /** What no field shown shows; null when there is nothing left. */
  other: string | null;
};

const PREFIX = 'invalid setCredentials: ';

export function loginErrors(error: string | null, shownFields: readonly string[]): LoginErrors {
  if (error === null) return { byField: {}, other: null };
  if (!error.startsWith(PREFIX)) return { byField: {}, other: error };
  const byField: Record<string, string> = {};
  const left: string[] = [];
  for (const problem of error.slice(PREFIX.length).split('; ')) {
    const colon = problem.indexOf(': ');
    const field = colon < 0 ? '' : problem.slice(0, colon);
    if (shownFields.includes(field) && byField[field] === undefined)
      byField[field] = problem.slice(colon + 2);
    else left.push(problem);
  }
  return { byField, other: left.length === 0 ? null : `${PREFIX}${left.join('; ')}` };
}
