// One source of the command palette: the things of one kind, each with the texts it is
// found by. A new kind of thing (a dossier…) is one more module and one entry in SEARCH_SOURCES.
import type { SearchHitDto } from '../../contract/searchSchemas.std.ts';
import type { HandlerContext } from '../rpc/handlerContext.node.ts';

export interface SearchCandidate {
  hit: SearchHitDto;
  /** The texts the agent may type a few letters of: names, numbers, dates as written in both languages. */
  fields: string[];
}

export interface SearchSource {
  kind: string;
  candidates(ctx: HandlerContext): SearchCandidate[] | Promise<SearchCandidate[]>;
}

const PARIS = 'Europe/Paris';
const written = (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: PARIS, ...options });
const FORMATS = [
  written('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }),
  written('fr-FR', { year: 'numeric', month: '2-digit', day: '2-digit' }),
  written('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }),
  written('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
  written('fr-FR', { weekday: 'long' }),
  written('en-GB', { weekday: 'long' }),
];

/** A day as an agent writes it, in Paris: "2027-03-06", "06/03/2027", "6 mars 2027", "6 March 2027", "samedi", "Saturday". */
export const dayWords = (iso: string): string[] => FORMATS.map((format) => format.format(new Date(iso)));
