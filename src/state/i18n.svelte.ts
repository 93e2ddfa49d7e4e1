import { detectLocale, isLocale, type Locale } from '../core/i18n/locale.ts';
import type { MessageKey, PluralKey } from '../core/i18n/messages.ts';
import * as fmt from '../core/i18n/translate.ts';
import type { Message } from '../core/i18n/message-types.ts';
import { hasCatalogue, registerMessages } from '../core/i18n/catalogue.ts';
import { getDb } from '../data/db.ts';
import { getSetting, putSetting } from '../data/settings-repo.ts';

const SETTING = 'locale';

/**
 * Each language's catalogue in two parts: what the frame and the home screen show (the only
 * messages in the first load), and the whole of it, loaded right after the home screen is up,
 * before any page or panel opens. Both are precached, so offline too.
 */
const CATALOGUES: Record<
  Locale,
  { start: () => Promise<Record<string, Message>>; all: () => Promise<Record<string, Message>> }
> = {
  en: {
    start: async () => (await import('../core/i18n/messages/start.ts')).startEn,
    all: async () => (await import('../core/i18n/messages/en.ts')).en,
  },
  ru: {
    start: async () => (await import('../core/i18n/messages/ru/start.ts')).startRu,
    all: async () => (await import('../core/i18n/messages/ru.ts')).ru,
  },
};

/** The UI language and locale-aware formatting, chosen from the browser and remembered. */
export class I18n {
  locale = $state<Locale>(
    detectLocale(typeof navigator === 'undefined' ? [] : navigator.languages),
  );
  /** Bumped when more messages arrive, so text shown before them is translated again. */
  #revision = $state(0);
  #complete: Partial<Record<Locale, Promise<void>>> = {};

  /**
   * Applies the remembered choice, if any, and loads the messages the home screen needs (before
   * anything is shown); the rest of the language follows without being waited for.
   */
  async load(): Promise<void> {
    let locale = this.locale;
    try {
      const saved = await getSetting(getDb(), SETTING);
      if (isLocale(saved)) locale = saved;
    } catch {
      // Storage unavailable: keep the browser's language.
    }
    if (!hasCatalogue(locale)) registerMessages(locale, await CATALOGUES[locale].start());
    this.locale = locale;
    this.#apply();
    void this.complete().catch(() => undefined);
  }

  /**
   * Resolves once the current language's whole catalogue is registered: every page, panel and
   * cell waits for it before it is shown.
   */
  complete(): Promise<void> {
    return this.#loadAll(this.locale);
  }

  /** Switches (once its messages are loaded) and remembers the UI language. */
  async set(locale: Locale): Promise<void> {
    await this.#loadAll(locale);
    this.locale = locale;
    this.#apply();
    await putSetting(getDb(), SETTING, locale).catch(() => undefined);
  }

  #loadAll(locale: Locale): Promise<void> {
    let loading = this.#complete[locale];
    if (!loading) {
      loading = CATALOGUES[locale].all().then((messages) => {
        registerMessages(locale, messages);
        this.#revision++;
      });
      // A failed load (a chunk missing after an update) may be tried again.
      loading.catch(() => delete this.#complete[locale]);
      this.#complete[locale] = loading;
    }
    return loading;
  }

  t = (key: MessageKey, params?: fmt.MessageParams): string => {
    void this.#revision;
    return fmt.translate(this.locale, key, params);
  };
  count = (key: PluralKey, n: number): string => {
    void this.#revision;
    return fmt.translateCount(this.locale, key, n);
  };
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
