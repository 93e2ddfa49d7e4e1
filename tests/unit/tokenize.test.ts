import { describe, expect, it } from 'vitest';
import {
  SurfaceNames,
  detectLanguage,
  normalizeText,
  termsOf,
  tokenize,
} from '../../src/core/text/tokenize.ts';

const unigrams = (text: string) => tokenize(text, { bigrams: false });

describe('tokenize', () => {
  it('stems Russian and English words to one term per word family', () => {
    expect(unigrams('Доставка задержалась, доставку перенесли, доставкой недовольны')).toEqual([
      'доставк',
      'задержа',
      'доставк',
      'перенесл',
      'доставк',
      'недовольн',
    ]);
    expect(unigrams('Deliveries delayed; the delivery was delayed')).toEqual([
      'deliveri',
      'delay',
      'deliveri',
      'delay',
    ]);
  });

  it('folds ё into е and lower-cases', () => {
    expect(unigrams('ЁЛКИ, ёлки и елки')).toEqual(['елк', 'елк', 'елк']);
    expect(normalizeText('Всё ЕЩЁ')).toBe('все еще');
  });

  it('keeps negation with the word it negates, over stop words, not past a comma', () => {
    expect(unigrams('Я не очень доволен')).toEqual(['не_довол']);
    expect(unigrams('Not very happy with it')).toEqual(['not_happi']);
    expect(unigrams("The order didn't arrive")).toEqual(['order', 'not_arriv']);
    expect(unigrams('Доставка без опозданий')).toEqual(['доставк', 'не_опоздан']);
    // The negation ends with its phrase.
    expect(unigrams('Не знаю, курьер вежливый')).toEqual(['не_зна', 'курьер', 'вежлив']);
    expect(unigrams('нет, доставка хорошая')).toEqual(['доставк', 'хорош']);
    // Contractions typed without the apostrophe, and «нельзя», negate too.
    expect(unigrams('wasnt happy, cant login')).toEqual(['not_happi', 'not_login']);
    expect(unigrams('Нельзя оплатить картой')).toEqual(['не_оплат', 'карт']);
  });

  it('drops addresses, e-mails, numbers and stop words; reads mixed scripts word by word', () => {
    expect(
      unigrams('Пишите на help@shop.ru или https://shop.ru/faq — заказ 12345 от 03.04.2026'),
    ).toEqual(['пиш', 'заказ']);
    expect(unigrams('Приложение Ozon зависает при оплате')).toEqual([
      'приложен',
      'ozon',
      'зависа',
      'оплат',
    ]);
  });

  it('keeps the words a negation spans, to mark them in the comment', () => {
    const [t] = termsOf('Я не очень доволен');
    expect(t).toEqual({ term: 'не_довол', surface: 'не доволен', span: 'не очень доволен' });
    expect(termsOf('не доволен')[0]).toEqual({ term: 'не_довол', surface: 'не доволен' });
  });

  it('drops @mentions and retweet marks, keeps a hashtag’s word', () => {
    expect(unigrams('RT @sberbank: #ипотека опять не одобрили')).toEqual([
      'ипотек',
      'опя',
      'не_одобр',
    ]);
  });

  it('adds bigrams of neighbouring terms', () => {
    expect(tokenize('Курьер опоздал на два часа')).toEqual([
      'курьер',
      'опозда',
      'час',
      'курьер опозда',
      'опозда час',
    ]);
  });

  it('detects the language of a comment by its letters', () => {
    expect(detectLanguage('Доставка опоздала, менеджер не отвечает')).toBe('ru');
    expect(detectLanguage('The lounge was crowded')).toBe('en');
    // Russian text with a Latin brand name is still Russian.
    expect(detectLanguage('Заказал на Wildberries, пришло быстро')).toBe('ru');
    expect(detectLanguage('12345 !!!')).toBeNull();
  });

  it('names each term by its most frequent words', () => {
    const names = new SurfaceNames();
    for (const t of ['доставка опоздала', 'доставка опоздала', 'доставку перенесли']) {
      names.add(termsOf(t));
    }
    expect(names.name('доставк')).toBe('доставка');
    expect(names.name('доставк опозда')).toBe('доставка опоздала');
    expect(names.name('unknown')).toBe('unknown');
    // A list seen many times counts as often; `only` counts some terms alone.
    const counted = new SurfaceNames();
    counted.add(termsOf('доставку перенесли'), 3, new Set(['доставк']));
    counted.add(termsOf('доставка опоздала'), 2);
    expect(counted.name('доставк')).toBe('доставку');
    expect(counted.name('перенесл')).toBe('перенесл');
  });

  it('the baseline options keep raw lower-cased words (of two letters or more)', () => {
    expect(
      tokenize('Доставка опоздала и курьер', { stem: false, stopWords: false, bigrams: false }),
    ).toEqual(['доставка', 'опоздала', 'курьер']);
  });
});
