// Payment references come from acquirers and banks, as long as they like and often without a
// hyphen or space: pdfmake cannot wrap such a word and draws it past the page's right margin.

/** Wider than this many characters with no place to break, a run would not fit the receipt's column. */
const LONGEST_RUN = 40;

/** `id` with a line break inside every run too long to fit, and untouched otherwise. */
export const breakableId = (id: string): string =>
  id.replace(new RegExp(`[^\\s\\-/]{${LONGEST_RUN + 1},}`, 'g'), (run) => run.match(new RegExp(`.{1,${LONGEST_RUN}}`, 'g'))!.join('\n'));
