// Asks every source, keeps what holds every word typed, best first: a few hits of each kind
// so that three letters matching sixty tickets still show the one order they also match.
import { matchRank, type SearchHitDto } from '../../contract/searchSchemas.std.ts';
import type { HandlerContext } from '../rpc/handlerContext.node.ts';
import type { SearchSource } from './searchSource.node.ts';

const PER_KIND = 5;

export async function findAnything(ctx: HandlerContext, sources: readonly SearchSource[], query: string, limit: number): Promise<SearchHitDto[]> {
  const ranked: { hit: SearchHitDto; rank: number; order: number }[] = [];
  for (const [order, source] of sources.entries()) {
    const found = (await source.candidates(ctx))
      .map(({ hit, fields }) => ({ hit, rank: matchRank(query, fields), order }))
      .filter((c): c is { hit: SearchHitDto; rank: number; order: number } => c.rank !== null)
      .sort((a, b) => a.rank - b.rank)
      .slice(0, PER_KIND);
    ranked.push(...found);
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).slice(0, limit).map((c) => c.hit);
}
