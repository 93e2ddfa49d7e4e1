import { describe, expect, it } from 'vitest';
import { columnLabel, modelColumnName } from '../../src/core/model/column-names.ts';
import { demoModel } from '../../src/core/demo/demo-model.ts';

describe('columns named by the service model', () => {
  const models = [demoModel()];
  const survey = { id: 'ds-survey', name: 'survey' };
  const clients = { id: 'ds-clients', name: 'clients' };

  it('names a column by the indicator read from it, or the unit kind it names', () => {
    expect(columnLabel(models, survey, 'rating_delivery', 'en')).toBe('Delivery rating');
    expect(columnLabel(models, survey, 'rating_delivery', 'ru')).toBe('Оценка доставки');
    // A binding that refers to the dataset by id counts as well.
    const byId = structuredClone(demoModel());
    for (const i of byId.indicators)
      if (i.binding?.dataset === 'survey') i.binding.dataset = 'ds-survey';
    expect(modelColumnName([byId], survey, 'rating_price', 'en')).toBe('Price rating');
    expect(columnLabel(models, clients, 'warehouse', 'ru')).toBe('Склад');
    expect(columnLabel(models, clients, 'account_manager', 'en')).toBe('Account manager');
  });

  it('keeps the name of a column no model names, and of another dataset’s column', () => {
    expect(columnLabel(models, survey, 'contact_role', 'en')).toBe('contact_role');
    expect(columnLabel(models, { id: 'x', name: 'elsewhere' }, 'rating_delivery', 'en')).toBe(
      'rating_delivery',
    );
    expect(columnLabel([], survey, 'rating_delivery', 'en')).toBe('rating_delivery');
  });
});
