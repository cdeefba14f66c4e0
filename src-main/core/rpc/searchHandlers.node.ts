// The command palette's one method: what the agent typed, against every source.
import { findAnything } from '../search/findAnything.node.ts';
import { SEARCH_SOURCES } from '../search/searchSources.node.ts';
import type { HandlerTable } from './handlerContext.node.ts';

export const searchHandlers: HandlerTable<'search.find'> = {
  'search.find': ({ query, limit }, ctx) => findAnything(ctx, SEARCH_SOURCES, query, limit ?? 20),
};
