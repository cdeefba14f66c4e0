// What a passing test run must never print: the signs of work cut off by a teardown (a
// store closed under a request, a database dropped under a query) or of an error nobody
// awaited. `npm test` reads its own output for them and fails when it finds one.
export const SIGNS_OF_LOST_WORK = [
  { pattern: /The database connection is not open/, what: 'a SQLite store closed while a request still used it' },
  { pattern: /\b(?:relation|database|table) "[^"]+" does not exist/, what: 'a query on a database or table already gone' },
  { pattern: /Unhandled (?:Rejection|Errors?)|UnhandledPromiseRejection|unhandled (?:promise )?rejection/i, what: 'an error or rejection nobody awaited' },
  { pattern: /Cannot use a pool after calling end on the pool|Client was closed and is not queryable/, what: 'a PostgreSQL pool closed under a query' },
];

/** The lines of `log` that show lost work, each with what it means. */
export function signsOfLostWork(log) {
  const found = [];
  for (const line of log.split('\n')) {
    const sign = SIGNS_OF_LOST_WORK.find(({ pattern }) => pattern.test(line));
    if (sign) found.push({ line: line.trim().slice(0, 300), what: sign.what });
  }
  return found;
}
