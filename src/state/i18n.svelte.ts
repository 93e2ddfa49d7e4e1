import { detectLocale, isLocale, type Locale } from '../core/i18n/locale.ts';
import type { MessageKey, PluralKey } from '../core/i18n/messages.ts';
import * as fmt from '../core/i18n/translate.ts';
import { hasCatalogue, registerMessages } from '../core/i18n/catalogue.ts';
import { getDb } from '../data/db.ts';
import { getSetting, putSetting } from '../data/settings-repo.ts';

const SETTING = 'locale';

/**
 * Loads and registers one language's messages: the page carries only the chosen language's
 * catalogue, the other loads on switching (precached, so offline too).
 */
async function loadCatalogue(locale: Locale): Promise<void> {
  if (hasCatalogue(locale)) return;
  const messages =
    locale === 'ru'
      ? (await import('../core/i18n/messages/ru.ts')).ru
      : (await import('../core/i18n/messages/en.ts')).en;
  registerMessages(locale, messages);
}

/** The UI language and locale-aware formatting, chosen from the browser and remembered. */
export class I18n {
  locale = $state<Locale>(
    detectLocale(typeof navigator === 'undefined' ? [] : navigator.languages),
  );

  /** Applies the remembered choice, if any, and loads its messages (before anything is shown). */
  async load(): Promise<void> {
    let locale = this.locale;
    try {
      const saved = await getSetting(getDb(), SETTING);
      if (isLocale(saved)) locale = saved;
    } catch {
      // Storage unavailable: keep the browser's language.
    }
    await loadCatalogue(locale);
    this.locale = locale;
    this.#apply();
  }

  /** Switches (once its messages are loaded) and remembers the UI language. */
  async set(locale: Locale): Promise<void> {
    await loadCatalogue(locale);
    this.locale = locale;
    this.#apply();
    await putSetting(getDb(), SETTING, locale).catch(() => undefined);
  }

  t = (key: MessageKey, params?: fmt.MessageParams): string =>
    fmt.translate(this.locale, key, params);
  count = (key: PluralKey, n: number): string => fmt.translateCount(this.locale, key, n);
  number = (v: number, digits?: number): string => fmt.formatNumber(this.locale, v, digits);
  signed = (v: number, digits?: number): string => fmt.formatSigned(this.locale, v, digits);
  percent = (v: number, digits?: number): string => fmt.formatPercent(this.locale, v, digits);
  fixed = (v: number, digits: number): string => fmt.formatFixed(this.locale, v, digits);
  scientific = (v: number): string => fmt.formatScientific(this.locale, v);
  dateTime = (ms: number): string => fmt.formatDateTime(this.locale, ms);
  bytes = (n: number): string => fmt.formatBytes(this.locale, n);

  #apply(): void {
    if (typeof document !== 'undefined') document.documentElement.lang = this.locale;
  }
}

/** The app's language state. */
export const i18n = new I18n();
