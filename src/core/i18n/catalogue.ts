import type { Locale } from './locale.ts';
import type { Message } from './message-types.ts';

/**
 * The message catalogues `translate` reads, by locale. Whoever runs the code registers them:
 * importing `messages.ts` registers both (workers, the command line, tests); the app's page
 * loads and registers only the chosen language (`state/i18n.svelte.ts`), so that the other
 * stays out of its first load.
 */
const catalogues: Partial<Record<Locale, Readonly<Record<string, Message>>>> = {};

/** Makes `locale`'s messages available to `translate`. */
export function registerMessages(
  locale: Locale,
  messages: Readonly<Record<string, Message>>,
): void {
  catalogues[locale] = messages;
}

/** Whether `locale`'s messages are registered. */
export function hasCatalogue(locale: Locale): boolean {
  return catalogues[locale] !== undefined;
}

/** The message `key` of `locale`, if its catalogue is registered and has it. */
export function lookupMessage(locale: Locale, key: string): Message | undefined {
  const c = catalogues[locale];
  return c && Object.hasOwn(c, key) ? c[key] : undefined;
}

/** Whether `key` is a message (every language has the same keys; any registered one tells). */
export function isMessageKey(key: string): boolean {
  return Object.values(catalogues).some((c) => Object.hasOwn(c, key));
}
