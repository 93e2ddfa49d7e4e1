import { describe, expect, it } from 'vitest';
import { nextNotebookTitle } from '../../src/core/notebook/default-title.ts';

const en = (n: number) => `Notebook ${n}`;
const ru = (n: number) => `Блокнот ${n}`;

describe('the name suggested for a new notebook', () => {
  it('numbers it one past the notebooks there are', () => {
    expect(nextNotebookTitle(en, [])).toBe('Notebook 1');
    expect(nextNotebookTitle(en, ['Q3 review', 'Churn'])).toBe('Notebook 3');
    expect(nextNotebookTitle(ru, ['Отзывы', 'Жалобы'])).toBe('Блокнот 3');
  });

  it('never repeats a title that is already there', () => {
    expect(nextNotebookTitle(en, ['Notebook 3', 'Notebook 2'])).toBe('Notebook 4');
    expect(nextNotebookTitle(en, ['Notebook 2 ', 'Notebook 3', 'x'])).toBe('Notebook 4');
  });
});
