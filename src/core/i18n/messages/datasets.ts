import type { Message, Translation } from '../message-types.ts';

/** Messages of the datasets panel, merged into `../messages.ts`. */
export const datasetsEn = {
  'datasets.title': 'Datasets',
} satisfies Record<string, Message>;

/** Russian messages of the datasets panel. */
export const datasetsRu: Translation<typeof datasetsEn> = {
  'datasets.title': 'Наборы данных',
};
