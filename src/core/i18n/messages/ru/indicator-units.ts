import type { Translation } from '../../message-types.ts';
import type { indicatorUnitsEn } from '../indicator-units.ts';

export const indicatorUnitsRu: Translation<typeof indicatorUnitsEn> = {
  'unit.percent': '{value} %',
  'unit.pp': '{value} п. п.',
  'unit.pieces': '{value} шт.',
  'unit.points': {
    one: '{value} балл',
    few: '{value} балла',
    many: '{value} баллов',
    other: '{value} балла',
  },
  'unit.npsPoints': {
    one: '{value} пункт NPS',
    few: '{value} пункта NPS',
    many: '{value} пунктов NPS',
    other: '{value} пункта NPS',
  },
};
