import type { Message, Translation } from '../message-types.ts';

/** How indicator values and changes are written, by unit (see `indicator-format.ts`). */
export const indicatorUnitsEn = {
  'unit.percent': '{value}%',
  'unit.pp': '{value} pp',
  'unit.pieces': '{value} pcs',
  'unit.points': { one: '{value} point', other: '{value} points' },
  'unit.npsPoints': { one: '{value} NPS point', other: '{value} NPS points' },
} satisfies Record<string, Message>;

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
