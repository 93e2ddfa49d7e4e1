import type { Message } from '../message-types.ts';

/** How indicator values and changes are written, by unit (see `indicator-format.ts`). */
export const indicatorUnitsEn = {
  'unit.percent': '{value}%',
  'unit.pp': '{value} pp',
  'unit.pieces': '{value} pcs',
  'unit.points': { one: '{value} point', other: '{value} points' },
  'unit.npsPoints': { one: '{value} NPS point', other: '{value} NPS points' },
} satisfies Record<string, Message>;
