import type { Locale } from '../i18n/locale.ts';
import { createMarkdownCellData } from './cell-data/markdown-cell.ts';
import { createCell, createNotebook, type Notebook } from './notebook.ts';

const TEXT: Record<Locale, { title: string; cells: string[] }> = {
  en: {
    title: 'Welcome to CX Trace',
    cells: [
      '# Welcome to CX Trace\n\nA notebook for customer-experience analysis that **never sends your data anywhere**: files you load stay in this browser, on this computer, and the app works without a network.',
      '## How the method works\n\n1. **Frequency analysis** — which complaints are most frequent in each satisfaction factor (quality, delivery, communication, documents, price).\n2. **Grouping** — which clients complain alike.\n3. **Key drivers** — which factors push satisfaction down, measured with SHAP values.\n4. **The trace** — from low NPS down the service model: TX → CX → OX → EX → IT.',
      '## Working with cells\n\nEach block of this page is a *cell*. Use the buttons on a cell to move it up or down, collapse it or delete it (a deleted cell can be brought back with **Undo**). Add new cells with the bar at the bottom. Everything is saved as you type.',
    ],
  },
  ru: {
    title: 'Добро пожаловать в CX Trace',
    cells: [
      '# Добро пожаловать в CX Trace\n\nБлокнот для анализа клиентского опыта, который **никуда не отправляет ваши данные**: загруженные файлы остаются в этом браузере на этом компьютере, а приложение работает без сети.',
      '## Как устроен метод\n\n1. **Частотный анализ** — какие жалобы чаще всего встречаются в каждом блоке удовлетворённости (качество, доставка, коммуникация, документы, цена).\n2. **Группировка** — какие клиенты жалуются похоже.\n3. **Ключевые факторы** — что снижает удовлетворённость, по значениям SHAP.\n4. **Трассировка** — от низкого NPS вниз по сервисной модели: TX → CX → OX → EX → IT.',
      '## Работа с ячейками\n\nКаждый блок этой страницы — *ячейка*. Кнопками ячейки её можно поднять или опустить, свернуть или удалить (удалённую ячейку можно вернуть кнопкой **Вернуть**). Новые ячейки добавляются панелью внизу. Всё сохраняется по мере ввода.',
    ],
  },
};

/** The introductory notebook, in the user's language. */
export function createDemoNotebook(locale: Locale, now = Date.now()): Notebook {
  const text = TEXT[locale];
  const notebook = createNotebook(text.title, now);
  notebook.cells = text.cells.map((source) =>
    createCell('markdown', createMarkdownCellData(source)),
  );
  return notebook;
}
