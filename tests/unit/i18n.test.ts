import { describe, expect, it } from 'vitest';
import { en, ru } from '../../src/core/i18n/messages.ts';
import { detectLocale } from '../../src/core/i18n/locale.ts';
import {
  formatBytes,
  formatNumber,
  formatPercent,
  formatSigned,
  translate,
  translateCount,
} from '../../src/core/i18n/translate.ts';

const NBSP = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NBSP, ' ');

describe('locale detection', () => {
  it('takes the first supported browser language by its primary subtag', () => {
    expect(detectLocale(['ru-RU', 'en-US'])).toBe('ru');
    expect(detectLocale(['de-DE', 'en-GB', 'ru'])).toBe('en');
    expect(detectLocale(['uk-UA', 'RU'])).toBe('ru');
    expect(detectLocale([])).toBe('en');
  });
});

describe('messages', () => {
  it('has every key in both languages, with every plural form each language needs', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    for (const [locale, table] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, msg] of Object.entries(table)) {
        expect(msg, key).not.toBe('');
        if (typeof msg !== 'string') {
          for (const cat of needed) expect(msg[cat], `${locale} ${key} ${cat}`).toBeTruthy();
        }
      }
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const names = (m: unknown) =>
      JSON.stringify(m)
        .match(/\{\w+\}/g)
        ?.sort() ?? [];
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(new Set(names(ru[key])), key).toEqual(new Set(names(en[key])));
    }
  });

  it('picks Russian plural forms: 1 ячейка, 2 ячейки, 5 ячеек, 21 ячейка, 11 ячеек', () => {
    expect(translateCount('ru', 'notebook.cells', 1)).toBe('1 ячейка');
    expect(translateCount('ru', 'notebook.cells', 2)).toBe('2 ячейки');
    expect(translateCount('ru', 'notebook.cells', 5)).toBe('5 ячеек');
    expect(translateCount('ru', 'notebook.cells', 11)).toBe('11 ячеек');
    expect(translateCount('ru', 'notebook.cells', 21)).toBe('21 ячейка');
    expect(translateCount('ru', 'notebook.cells', 104)).toBe('104 ячейки');
    expect(translateCount('en', 'notebook.cells', 1)).toBe('1 cell');
    expect(translateCount('en', 'notebook.cells', 0)).toBe('0 cells');
  });

  it('fills placeholders and formats numbers in them for the locale', () => {
    expect(plain(translate('ru', 'nps.progress', { done: 65536, total: '1 000 строк' }))).toBe(
      'Обработано 65 536 из 1 000 строк',
    );
    expect(translate('en', 'nps.progress', { done: 65536, total: '1,000 rows' })).toBe(
      'Processed 65,536 of 1,000 rows',
    );
  });
});

describe('number formatting', () => {
  it('uses a decimal comma and spaced thousands in Russian', () => {
    expect(plain(formatNumber('ru', 1234567.891))).toBe('1 234 567,89');
    expect(formatNumber('en', 1234567.891)).toBe('1,234,567.89');
    expect(formatSigned('ru', 12.345)).toBe('+12,3');
    expect(formatSigned('en', -3)).toBe('-3.0');
    expect(plain(formatPercent('ru', 42.5))).toBe('42,5 %');
    expect(formatPercent('en', 42.5)).toBe('42.5%');
  });

  it('formats byte counts in the largest whole unit', () => {
    expect(formatBytes('en', 512)).toBe('512B');
    expect(plain(formatBytes('ru', 512))).toBe('512 Б');
    expect(formatBytes('en', 1536)).toBe('1.5 kB');
    expect(plain(formatBytes('ru', 5 * 1024 * 1024 * 1024))).toBe('5 ГБ');
  });
});
