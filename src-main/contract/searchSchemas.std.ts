// What the command palette finds: one hit per thing, with where the desk shows it. The
// renderer and the core fold text the same way, so "musee" finds "Musée" on both sides.
import { z } from 'zod';
import { IsoInstantSchema } from './schemas.std.ts';

export const SearchHitSchema = z.object({
  /** The source that found it ('venue', 'option', 'order'…): the renderer names it in the user's language. */
  kind: z.string().regex(/^[a-z]+$/),
  id: z.string(),
  title: z.string(),
  /** Language-free facts for the second line: a venue, an e-mail, an order number. */
  detail: z.string().nullable(),
  /** The instant the thing is about (a visit, an order's day), formatted by the renderer. */
  at: IsoInstantSchema.nullable(),
  /** The people it is for (an option's group). */
  people: z.int().nullable(),
  /** A state the renderer translates (states.*), when the thing has one. */
  state: z.string().nullable(),
  /** The screen that shows it, with the parameters that select or open it there. */
  target: z.object({ screen: z.string(), params: z.record(z.string(), z.string()) }),
});
export type SearchHitDto = z.infer<typeof SearchHitSchema>;

/** Lower case without accents or ligature quirks: the form every side compares. */
export const foldText = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae').toLowerCase();

/**
 * How well `fields` answer `query`: null when a word of the query is in none of them,
 * else 0 (a field starts with the whole query), 1 (a word of a field does) or 2 (somewhere).
 */
export function matchRank(query: string, fields: readonly string[]): number | null {
  const needle = foldText(query).trim();
  if (needle === '') return null;
  const folded = fields.map(foldText);
  const words = needle.split(/\s+/);
  if (!words.every((word) => folded.some((field) => field.includes(word)))) return null;
  if (folded.some((field) => field.startsWith(needle))) return 0;
  if (folded.some((field) => field.split(/[\s\-'’/.,:;()]+/).some((part) => part.startsWith(words[0]!)))) return 1;
  return 2;
}
