/**
 * Every user-visible string, in English and Russian. A plural message has one form per
 * `Intl.PluralRules` category of its language; `{name}` placeholders are filled by `translate`.
 *
 * Importing this module registers both languages with `translate` (workers, the command line,
 * tests). The app's page does not: it loads only the chosen language (`state/i18n.svelte.ts`).
 */
import { registerMessages } from './catalogue.ts';
import { en } from './messages/en.ts';
import { ru } from './messages/ru.ts';

export type { Plural } from './message-types.ts';
export type { MessageKey, PluralKey } from './messages/en.ts';
export { en, ru };

/** All messages by locale. */
export const messages = { en, ru } as const;

registerMessages('en', en);
registerMessages('ru', ru);
