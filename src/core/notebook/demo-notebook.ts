import type { Locale } from '../i18n/locale.ts';
import { createMarkdownCellData } from './cell-data/markdown-cell.ts';
import { demoColumn, type DemoHeaderLang } from '../demo/demo-columns.ts';
import { createJoinCellData } from './cell-data/join-cell.ts';
import { createNpsCellData } from './cell-data/nps-cell.ts';
import { createFrequencyCellData } from './cell-data/frequency-cell.ts';
import { createClustersCellData } from './cell-data/clusters-cell.ts';
import { createDriversCellData } from './cell-data/drivers-cell.ts';
import { createTraceCellData } from './cell-data/trace-cell.ts';
import { createFrontLineCellData } from './cell-data/frontline-cell.ts';
import { createCell, createNotebook, type Cell, type Notebook } from './notebook.ts';

const TEXT: Record<
  Locale,
  { title: string; intro: string[]; world: string; next: string; joinName: string }
> = {
  en: {
    title: 'Demo: a B2B distributor',
    intro: [
      '# Welcome to CX Trace\n\nA notebook for customer-experience analysis that **never sends your data anywhere**: files you load stay in this browser, on this computer, and the app works without a network.',
      '## How the method works\n\n1. **Frequency analysis** — which complaints are most frequent in each satisfaction factor (quality, delivery, communication, documents, price).\n2. **Grouping** — which clients complain alike.\n3. **Key drivers** — which factors push satisfaction down, measured with SHAP values.\n4. **The trace** — from low NPS down the service model: TX → CX → OX → EX → IT.',
    ],
    world:
      '## The demo world\n\nA distributor with 2,000 business clients over 24 months, in six datasets (see **Datasets** at the top):\n\n- **clients** — the client card: segment, grade, region, warehouse, account manager, LTV, how much each client cares about each factor, and who left;\n- **shipments** — orders, late shipments, lead time, defects and revenue per client and month;\n- **survey** — quarterly NPS, ratings of five factors and free-text comments in Russian and English;\n- **ops**, **staff**, **it** — warehouses and account managers by month: on-time shipments, picking errors, response times, competency, training, scanner coverage, CRM use.\n\nSomething in this company drives clients away, and it is planted in the data on purpose: the analyses are meant to find it. The cells below do the work: the NPS of the survey, the survey joined to the client card, the satisfaction index of the company’s service model, then the method’s analyses — the complaints’ frequency and clusters, the key drivers of detractors, and the trace of the detractors down the service model to the cause.',
    next: '## Working with cells\n\nEach block of this page is a *cell*. Use the buttons on a cell to move it up or down, collapse it or delete it (a deleted cell can be brought back with **Undo**). Add new cells with the bar at the bottom. Everything is saved as you type.',
    joinName: 'survey with client card',
  },
  ru: {
    title: 'Демо: B2B-дистрибьютор',
    intro: [
      '# Добро пожаловать в CX Trace\n\nБлокнот для анализа клиентского опыта, который **никуда не отправляет ваши данные**: загруженные файлы остаются в этом браузере на этом компьютере, а приложение работает без сети.',
      '## Как устроен метод\n\n1. **Частотный анализ** — какие жалобы чаще всего встречаются в каждом блоке удовлетворённости (качество, доставка, коммуникация, документы, цена).\n2. **Группировка** — какие клиенты жалуются похоже.\n3. **Ключевые факторы** — что снижает удовлетворённость, по значениям SHAP.\n4. **Трассировка** — от низкого NPS вниз по сервисной модели: TX → CX → OX → EX → IT.',
    ],
    world:
      '## Демо-мир\n\nДистрибьютор с 2000 корпоративных клиентов за 24 месяца, шесть наборов данных (см. **Наборы данных** вверху):\n\n- **Клиенты** — карточка клиента: сегмент, грейд, регион, склад, менеджер, LTV, важность каждого фактора для клиента и кто ушёл;\n- **Отгрузки** — заказы, опоздания, срок поставки, брак и выручка по клиенту и месяцу;\n- **Опрос клиентов** — ежеквартальный NPS, оценки пяти факторов и комментарии;\n- **Операции**, **Персонал**, **ИТ-системы** — склады и менеджеры по месяцам: отгрузки в срок, ошибки комплектации, время ответа, компетенции, обучение, охват сканерами, работа в CRM.\n\nВ этой компании что-то отталкивает клиентов, и это намеренно заложено в данные: анализы должны это найти. Ячейки ниже делают эту работу: NPS по опросу, опрос, соединённый с карточкой клиента, индекс удовлетворённости по сервисной модели компании, а затем анализы метода — частота и кластеры жалоб, ключевые факторы критиков и трассировка критиков вниз по сервисной модели до причины.',
    next: '## Работа с ячейками\n\nКаждый блок этой страницы — *ячейка*. Кнопками ячейки её можно поднять или опустить, свернуть или удалить (удалённую ячейку можно вернуть кнопкой **Вернуть**). Новые ячейки добавляются панелью внизу. Всё сохраняется по мере ввода.',
    joinName: 'опрос с карточкой клиента',
  },
};

/** The demo world's datasets, by name (`clients`, `survey`…), as stored: name → dataset id. */
export type DemoDatasets = Readonly<Record<string, string>>;

/**
 * The demo notebook, in the user's language: the introduction, the demo world, and cells ready
 * to run on its datasets and model (NPS of the survey; the survey joined to the client card;
 * the satisfaction index of the demo's service model; the complaints' frequency and clusters;
 * the key drivers of detractors; their trace down the model). Its cells name the columns by the
 * headers of a demo generated in `headers` (the user's language, as the app makes it).
 */
export function createDemoNotebook(
  locale: Locale,
  datasets: DemoDatasets,
  modelId: string | null = null,
  now = Date.now(),
  headers: DemoHeaderLang = locale,
): Notebook {
  const text = TEXT[locale];
  const col = (id: string) => demoColumn(id, headers);
  const markdown = (source: string) => createCell('markdown', createMarkdownCellData(source));
  const cells: Cell[] = [...text.intro.map(markdown), markdown(text.world)];
  const survey = datasets.survey ?? null;
  cells.push(
    createCell('nps', {
      ...createNpsCellData(),
      datasetId: survey,
      column: survey ? col('nps') : null,
      periodColumn: survey ? col('date') : null,
    }),
  );
  cells.push(
    createCell('join', {
      ...createJoinCellData(),
      left: survey,
      leftKey: survey ? col('client_id') : null,
      right: datasets.clients ?? null,
      rightKey: datasets.clients ? col('client_id') : null,
      name: text.joinName,
    }),
    createCell('index', { modelId, segmentColumn: col('warehouse') }),
    // The method's first two analyses, on the survey's comments.
    createCell('frequency', {
      ...createFrequencyCellData(),
      datasetId: survey,
      text: survey ? col('comment') : null,
      themeModel: modelId,
      // The Pareto by value: each complaint weighs its client's LTV, from the model's card.
      value: survey && datasets.clients ? col('ltv') : null,
      valueModel: survey && datasets.clients ? modelId : null,
      score: survey ? col('nps') : null,
      periodColumn: survey ? col('date') : null,
    }),
    createCell('clusters', {
      ...createClustersCellData(),
      datasetId: survey,
      text: survey ? col('comment') : null,
      score: survey ? col('nps') : null,
      segment: survey ? col('contact_role') : null,
      client: survey ? col('client_id') : null,
    }),
    // The third: what drives detractors, with the client card and the model's indicators.
    createCell('drivers', {
      ...createDriversCellData(),
      datasetId: survey,
      modelId,
      target: survey ? col('nps') : null,
    }),
  );
  // The trace: the detractors followed down the model's links; then the clients to call back,
  // with the cause the trace found at their unit.
  const trace = createCell('trace', { ...createTraceCellData(), modelId });
  cells.push(
    trace,
    createCell('frontline', { ...createFrontLineCellData(), modelId, traceCell: trace.id }),
    markdown(text.next),
  );
  const notebook = createNotebook(text.title, now);
  notebook.cells = cells;
  return notebook;
}
