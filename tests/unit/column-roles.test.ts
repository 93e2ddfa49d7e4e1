import { describe, expect, it } from 'vitest';
import {
  headerWords,
  looksLikeIdHeader,
  suggestRole,
  type RoleStats,
} from '../../src/core/ingest/column-roles.ts';
import type { ColumnFormat, ValueType } from '../../src/core/ingest/types.ts';

const fmt = (type: ValueType): ColumnFormat => ({ type, decimal: '.' });
const few: RoleStats = { distinct: 5, nonBlank: 100 };
const scale = (min: number, max: number): RoleStats => ({ min, max, distinct: 5, nonBlank: 100 });
const role = (name: string, type: ValueType, stats: RoleStats = few) =>
  suggestRole(name, fmt(type), stats);

describe('headerWords', () => {
  it('splits camelCase, snake_case, kebab-case and punctuation, lower-cased', () => {
    expect(headerWords('customerID')).toEqual(['customer', 'id']);
    expect(headerWords('NPSScore')).toEqual(['nps', 'score']);
    expect(headerWords('client_id')).toEqual(['client', 'id']);
    expect(headerWords('On-time delivery (1-5)')).toEqual(['on', 'time', 'delivery', '1', '5']);
    expect(headerWords('Удовлетворённость')).toEqual(['удовлетворенность']);
    expect(headerWords('№ заказа')).toEqual(['№', 'заказа']);
  });
});

describe('looksLikeIdHeader', () => {
  it('recognises identifier headers in both languages', () => {
    for (const h of ['ID', 'id', 'customerID', 'client_id', 'Код', 'Номер заказа', '№', 'ИНН']) {
      expect(looksLikeIdHeader(h), h).toBe(true);
    }
    expect(looksLikeIdHeader('Order No.')).toBe(true);
    expect(looksLikeIdHeader('Account number')).toBe(true);
  });

  it('does not mistake counts and words containing "id" for identifiers', () => {
    for (const h of ['Number of orders', 'Paid', 'Valid', 'Idea', 'Выручка', 'Город']) {
      expect(looksLikeIdHeader(h), h).toBe(false);
    }
  });
});

describe('suggestRole', () => {
  it('finds client ids', () => {
    expect(role('customerID', 'id')).toEqual({ role: 'client-id' });
    expect(role('Customer ID', 'id')).toEqual({ role: 'client-id' });
    expect(role('client_id', 'integer')).toEqual({ role: 'client-id' });
    expect(role('Код клиента', 'id')).toEqual({ role: 'client-id' });
    expect(role('ИНН контрагента', 'id')).toEqual({ role: 'client-id' });
    expect(role('ИНН', 'integer')).toEqual({ role: 'client-id' });
    expect(role('Клиент', 'category')).toEqual({ role: 'client-id' });
    expect(role('CUSTOMERID', 'id')).toEqual({ role: 'client-id' });
  });

  it('does not take every header mentioning a client for a client id', () => {
    expect(role('Тип клиента', 'category').role).toBe('segment');
    expect(role('Customer satisfaction', 'integer', scale(1, 5)).role).toBe('csat');
    expect(role('Number of customers', 'integer', scale(0, 900)).role).toBe('other');
    expect(role('Order ID', 'id').role).toBe('other');
  });

  it('finds dates and periods', () => {
    expect(role('Дата отгрузки', 'date')).toEqual({ role: 'date' });
    expect(role('Survey date', 'datetime')).toEqual({ role: 'date' });
    expect(role('Created', 'datetime')).toEqual({ role: 'date' });
    expect(role('Дата', 'text')).toEqual({ role: 'date' });
    expect(role('Месяц', 'category')).toEqual({ role: 'period' });
    expect(role('Месяц', 'date')).toEqual({ role: 'period' });
    expect(role('Год-месяц', 'text')).toEqual({ role: 'period' });
    expect(role('Quarter', 'category')).toEqual({ role: 'period' });
    expect(role('Период', 'text')).toEqual({ role: 'period' });
    expect(role('Month', 'integer', scale(1, 12))).toEqual({ role: 'period' });
  });

  it('does not read durations in months as a period', () => {
    expect(role('Месяцев с нами', 'integer', scale(0, 72)).role).toBe('other');
    expect(role('MonthlyCharges', 'decimal', scale(18, 119)).role).toBe('other');
  });

  it('finds NPS and CSAT', () => {
    expect(role('Оценка NPS', 'integer', scale(0, 10))).toEqual({ role: 'nps' });
    expect(role('NPS', 'integer', scale(0, 10))).toEqual({ role: 'nps' });
    expect(role('How likely are you to recommend us?', 'integer', scale(0, 10))).toEqual({
      role: 'nps',
    });
    expect(role('Likelihood to recommend', 'integer', scale(0, 10)).role).toBe('nps');
    expect(role('Готовность рекомендовать', 'integer', scale(0, 10)).role).toBe('nps');
    expect(role('Порекомендовали бы вы нас?', 'integer', scale(0, 10)).role).toBe('nps');
    expect(role('CSAT', 'integer', scale(1, 5))).toEqual({ role: 'csat' });
    expect(role('Общая удовлетворённость', 'integer', scale(1, 5))).toEqual({ role: 'csat' });
    expect(role('Overall satisfaction', 'decimal', scale(1, 5))).toEqual({ role: 'csat' });
  });

  it('falls back to the scale under a generic score header', () => {
    expect(role('Оценка', 'integer', scale(0, 10)).role).toBe('nps');
    expect(role('Score', 'integer', scale(1, 5)).role).toBe('csat');
    expect(role('Score', 'integer', scale(0, 1000)).role).toBe('other');
    expect(role('Количество', 'integer', scale(0, 10)).role).toBe('other');
  });

  it('finds factor ratings on a small numeric scale, with the factor', () => {
    const r15 = scale(1, 5);
    expect(role('Оценка качества продукции', 'integer', r15)).toEqual({
      role: 'factor-rating',
      factor: 'quality',
    });
    expect(role('Product quality', 'integer', r15)).toEqual({
      role: 'factor-rating',
      factor: 'quality',
    });
    expect(role('Соблюдение сроков', 'integer', r15).factor).toBe('delivery');
    expect(role('Качество доставки', 'integer', r15).factor).toBe('delivery');
    expect(role('On-time delivery', 'decimal', scale(1, 10)).factor).toBe('delivery');
    expect(role('Оценка работы менеджера', 'integer', r15).factor).toBe('communication');
    expect(role('Staff friendliness', 'integer', r15).factor).toBe('communication');
    expect(role('Коммуникация', 'integer', r15).factor).toBe('communication');
    expect(role('Качество документов', 'integer', r15).factor).toBe('documents');
    expect(role('Invoices accuracy', 'integer', r15).factor).toBe('documents');
    expect(role('Правильность счетов', 'integer', r15).factor).toBe('documents');
    expect(role('Цена', 'integer', r15).factor).toBe('price');
    expect(role('Value for money', 'integer', r15).factor).toBe('price');
    expect(role('Соотношение цена/качество', 'integer', r15).factor).toBe('price');
    expect(role('Оценка качества продукции', 'integer', r15).role).toBe('factor-rating');
  });

  it('does not take amounts or text under a factor word for a rating', () => {
    expect(role('Цена', 'decimal', scale(100, 25_000)).role).toBe('other');
    expect(role('Стоимость доставки', 'decimal', scale(0, 5000)).role).toBe('other');
    expect(role('Менеджер', 'category')).toEqual({ role: 'unit' });
    expect(role('Сервисный центр', 'category').role).not.toBe('factor-rating');
  });

  it('finds factor weights', () => {
    expect(role('Важность доставки', 'decimal', scale(0, 1))).toEqual({
      role: 'factor-weight',
      factor: 'delivery',
    });
    expect(role('Importance: price', 'integer', scale(1, 5))).toEqual({
      role: 'factor-weight',
      factor: 'price',
    });
    expect(role('Вес качества', 'percent', scale(0, 100))).toEqual({
      role: 'factor-weight',
      factor: 'quality',
    });
    expect(role('Вес, кг', 'decimal', scale(0, 40)).role).toBe('other');
  });

  it('finds comments, touchpoints, segments, units and targets', () => {
    expect(role('Комментарий', 'text')).toEqual({ role: 'comment' });
    expect(role('Комментарий о доставке', 'text')).toEqual({ role: 'comment' });
    expect(role('Отзыв', 'text').role).toBe('comment');
    expect(role('Жалоба', 'text').role).toBe('comment');
    expect(role('Review content', 'text').role).toBe('comment');
    expect(role('Customer feedback', 'text').role).toBe('comment');
    expect(role('Number of complaints', 'integer', scale(0, 9)).role).toBe('other');
    expect(role('Точка контакта', 'category').role).toBe('touchpoint');
    expect(role('Channel', 'category').role).toBe('touchpoint');
    expect(role('Канал продаж', 'category').role).toBe('touchpoint');
    expect(role('Сегмент', 'category')).toEqual({ role: 'segment' });
    expect(role('Грейд клиента', 'category').role).toBe('segment');
    expect(role('Класс клиента', 'category').role).toBe('segment');
    expect(role('Customer tier', 'category').role).toBe('segment');
    expect(role('Contract', 'category').role).toBe('segment');
    expect(role('Тип договора', 'category').role).toBe('segment');
    expect(role('Склад', 'category')).toEqual({ role: 'unit' });
    expect(role('Account manager', 'category').role).toBe('unit');
    expect(role('Регион', 'category').role).toBe('unit');
    expect(role('Филиал', 'text').role).toBe('unit');
    expect(role('Warehouse', 'category').role).toBe('unit');
    expect(role('Churn', 'boolean')).toEqual({ role: 'target' });
    expect(role('Отток', 'integer', scale(0, 1)).role).toBe('target');
    expect(role('Ушёл', 'boolean').role).toBe('target');
    expect(role('Recommended', 'boolean').role).toBe('target');
    expect(role('Рекомендовал', 'integer', scale(0, 1)).role).toBe('target');
  });

  it('calls long free text a comment and anything else other', () => {
    expect(role('Поле 7', 'text', { distinct: 90, nonBlank: 100, meanLength: 85 }).role).toBe(
      'comment',
    );
    expect(role('Поле 7', 'text', { distinct: 90, nonBlank: 100, meanLength: 12 }).role).toBe(
      'other',
    );
    expect(role('gender', 'category').role).toBe('other');
    expect(role('PaperlessBilling', 'boolean').role).toBe('other');
    expect(role('TechSupport', 'category').role).toBe('other');
  });
});
