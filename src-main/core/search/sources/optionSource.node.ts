import { listOptions } from '../../store/optionsRepo.node.ts';
import { dayWords, type SearchSource } from '../searchSource.node.ts';

/** An option, by its monument, its visit day or its dossier: its row among the options. */
export const optionSource: SearchSource = {
  kind: 'option',
  candidates: ({ store }) => listOptions(store.db).map((option) => ({
    hit: {
      kind: 'option', id: option.id, title: option.venueName, detail: option.dossierName, at: option.startsAt, people: option.headCount, state: option.state,
      target: { screen: 'options', params: { option: option.id } },
    },
    fields: [option.venueName, ...dayWords(option.startsAt), option.dossierName ?? ''],
  })),
};
