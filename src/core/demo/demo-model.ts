/**
 * The service model of the demo world: journey, factors, unit kinds, dataset keys, indicators
 * on all five layers bound to the demo's columns, links and satisfaction-index settings.
 * Deterministic (fixed ids), so the demo model is the same in every browser and run.
 *
 * The `ops`, `staff` and `it` files hold two unit kinds in one long file (`unit_kind` is
 * `warehouse` or `manager`): their dataset keys name that column (`unitKindColumn`), so a
 * binding at warehouse × month reads the warehouse rows and one at manager × month the
 * manager rows; each binding also says so in its filter, for readers of the JSON. Shares are
 * fractions 0–1 (shown as %).
 */
import {
  MODEL_FORMAT,
  MODEL_VERSION,
  type Barrier,
  type Binding,
  type Condition,
  type Indicator,
  type Link,
  type Localized,
  type ServiceModel,
  type Touchpoint,
} from '../model/model-types.ts';
import { DEMO_KEYWORDS } from './demo-comments.ts';

/** The fixed id of the demo model. */
export const DEMO_MODEL_ID = 'demo-model';

const L = (en: string, ru: string): Localized => ({ en, ru });

const WAREHOUSE_ROWS: Condition = { column: 'unit_kind', op: 'eq', value: 'warehouse' };
const MANAGER_ROWS: Condition = { column: 'unit_kind', op: 'eq', value: 'manager' };

function warehouseBinding(dataset: string, column: string): Binding {
  return {
    dataset,
    column,
    aggregate: 'mean',
    grain: { kind: 'unit-period', unitKind: 'warehouse' },
    filter: WAREHOUSE_ROWS,
  };
}

function managerBinding(dataset: string, column: string): Binding {
  return {
    dataset,
    column,
    aggregate: 'mean',
    grain: { kind: 'unit-period', unitKind: 'manager' },
    filter: MANAGER_ROWS,
  };
}

function surveyMean(column: string): Binding {
  return { dataset: 'survey', column, aggregate: 'mean', grain: { kind: 'client-period' } };
}

function barrier(
  id: string,
  name: Localized,
  factor: keyof typeof DEMO_KEYWORDS,
  keywords = DEMO_KEYWORDS[factor],
): Barrier {
  return { id, name, factor, keywords: [...keywords] };
}

const TOUCHPOINTS: Touchpoint[] = [
  {
    id: 'tp.ordering',
    stage: 'ordering',
    name: L('Placing an order', 'Размещение заказа'),
    channel: 'portal',
    owner: 'sales',
    momentOfTruth: false,
    drivers: [
      {
        id: 'dr.easy_ordering',
        name: L('Easy ordering in the portal', 'Удобный заказ на портале'),
      },
      { id: 'dr.wide_range', name: L('Wide product range', 'Широкий ассортимент') },
    ],
    barriers: [barrier('br.price', L('Prices above the market', 'Цены выше рынка'), 'price')],
  },
  {
    id: 'tp.manager',
    stage: 'ordering',
    name: L('Account manager contact', 'Контакт с менеджером'),
    channel: 'phone',
    owner: 'sales',
    momentOfTruth: true,
    drivers: [
      { id: 'dr.personal_manager', name: L('A personal manager', 'Персональный менеджер') },
    ],
    barriers: [
      barrier(
        'br.slow_response',
        L('Slow answers from the manager', 'Менеджер медленно отвечает'),
        'communication',
      ),
    ],
  },
  {
    id: 'tp.picking',
    stage: 'fulfilment',
    name: L('Order picking', 'Сборка заказа'),
    channel: 'warehouse',
    owner: 'logistics',
    momentOfTruth: false,
    drivers: [{ id: 'dr.accurate_picking', name: L('Accurate picking', 'Точная сборка') }],
    barriers: [
      barrier(
        'br.picking_errors',
        L('Wrong, missing or damaged items', 'Пересорт, недовложения, брак'),
        'quality',
      ),
    ],
  },
  {
    id: 'tp.delivery',
    stage: 'delivery',
    name: L('Delivery acceptance', 'Приёмка поставки'),
    channel: 'field',
    owner: 'logistics',
    momentOfTruth: true,
    drivers: [
      {
        id: 'dr.on_time',
        name: L('Delivery in the agreed window', 'Доставка в согласованное окно'),
      },
    ],
    barriers: [barrier('br.late', L('Late delivery', 'Задержка поставки'), 'delivery')],
  },
  {
    id: 'tp.documents',
    stage: 'invoicing',
    name: L('Invoices and closing documents', 'Счета и закрывающие документы'),
    channel: 'email',
    owner: 'accounting',
    momentOfTruth: false,
    drivers: [{ id: 'dr.edi', name: L('Electronic documents (EDI)', 'ЭДО') }],
    barriers: [
      barrier('br.document_errors', L('Errors in documents', 'Ошибки в документах'), 'documents'),
    ],
  },
  {
    id: 'tp.claims',
    stage: 'support',
    name: L('Claims handling', 'Работа с претензиями'),
    channel: 'email',
    owner: 'quality',
    momentOfTruth: true,
    drivers: [{ id: 'dr.fast_replacement', name: L('Fast replacement', 'Быстрая замена') }],
    barriers: [
      barrier(
        'br.slow_claims',
        L('Slow claims handling', 'Долгое рассмотрение претензий'),
        'quality',
        ['возврат', 'замен', 'акт расхождения', 'return', 'replacement'],
      ),
    ],
  },
];

const INDICATORS: Indicator[] = [
  // TX
  {
    id: 'tx.churn',
    name: L('Churn', 'Отток'),
    layer: 'TX',
    unit: '%',
    scale: { min: 0, max: 0.5 },
    direction: 'lower',
    target: 0.1,
    binding: {
      dataset: 'clients',
      column: 'churned',
      aggregate: 'share',
      grain: { kind: 'client' },
    },
    description: L(
      'Share of clients who stopped buying in the period covered.',
      'Доля клиентов, прекративших закупки за период данных.',
    ),
  },
  {
    id: 'tx.ltv',
    name: L('Lifetime value', 'Пожизненная ценность (LTV)'),
    layer: 'TX',
    unit: '₽',
    scale: { min: 0, max: 20_000_000 },
    direction: 'higher',
    binding: { dataset: 'clients', column: 'ltv', aggregate: 'mean', grain: { kind: 'client' } },
  },
  {
    id: 'tx.revenue',
    name: L('Revenue', 'Выручка'),
    layer: 'TX',
    unit: '₽',
    scale: { min: 0, max: 3_000_000 },
    direction: 'higher',
    binding: {
      dataset: 'shipments',
      column: 'revenue',
      aggregate: 'sum',
      grain: { kind: 'client-period' },
    },
  },
  // CX
  {
    id: 'cx.nps',
    name: L('NPS', 'NPS'),
    layer: 'CX',
    unit: 'points',
    scale: { min: -100, max: 100 },
    direction: 'higher',
    target: 40,
    binding: {
      dataset: 'survey',
      column: 'nps',
      aggregate: 'nps',
      grain: { kind: 'client-period' },
    },
  },
  {
    id: 'cx.detractor_share',
    name: L('Detractor share', 'Доля критиков'),
    layer: 'CX',
    unit: '%',
    scale: { min: 0, max: 0.6 },
    direction: 'lower',
    target: 0.1,
    binding: {
      dataset: 'survey',
      column: 'nps',
      aggregate: 'share',
      grain: { kind: 'client-period' },
      shareOf: { op: 'le', value: 6 },
    },
  },
  ...(
    [
      ['quality', 'Quality rating', 'Оценка качества', 'tp.picking'],
      ['delivery', 'Delivery rating', 'Оценка доставки', 'tp.delivery'],
      ['communication', 'Communication rating', 'Оценка коммуникации', 'tp.manager'],
      ['documents', 'Documents rating', 'Оценка документооборота', 'tp.documents'],
      ['price', 'Price rating', 'Оценка цен', 'tp.ordering'],
    ] as const
  ).map(([factor, en, ru, touchpoint]): Indicator => ({
    id: `cx.${factor}_rating`,
    name: L(en, ru),
    layer: 'CX',
    factor,
    unit: 'points',
    scale: { min: 1, max: 5 },
    direction: 'higher',
    target: 4.3,
    touchpoint,
    binding: surveyMean(`rating_${factor}`),
  })),
  // OX
  {
    id: 'ox.late_share',
    name: L('Late shipments', 'Доля опозданий'),
    layer: 'OX',
    factor: 'delivery',
    unit: '%',
    scale: { min: 0, max: 0.3 },
    direction: 'lower',
    target: 0.05,
    touchpoint: 'tp.delivery',
    binding: {
      dataset: 'shipments',
      column: 'late_shipments',
      aggregate: 'rate',
      per: 'orders',
      grain: { kind: 'client-period' },
    },
  },
  {
    id: 'ox.defect_rate',
    name: L('Defective orders', 'Доля заказов с браком'),
    layer: 'OX',
    factor: 'quality',
    unit: '%',
    scale: { min: 0, max: 0.2 },
    direction: 'lower',
    target: 0.03,
    touchpoint: 'tp.picking',
    binding: {
      dataset: 'shipments',
      column: 'defects',
      aggregate: 'rate',
      per: 'orders',
      grain: { kind: 'client-period' },
    },
  },
  {
    id: 'ox.lead_time',
    name: L('Order lead time', 'Срок выполнения заказа'),
    layer: 'OX',
    factor: 'delivery',
    unit: 'days',
    scale: { min: 0, max: 10 },
    direction: 'lower',
    target: 3,
    touchpoint: 'tp.delivery',
    binding: {
      dataset: 'shipments',
      column: 'lead_time_days',
      aggregate: 'mean',
      grain: { kind: 'client-period' },
    },
  },
  {
    id: 'ox.on_time_share',
    name: L('On-time shipments', 'Доля отгрузок вовремя'),
    layer: 'OX',
    factor: 'delivery',
    unit: '%',
    scale: { min: 0.6, max: 1 },
    direction: 'higher',
    target: 0.95,
    touchpoint: 'tp.delivery',
    binding: warehouseBinding('ops', 'on_time_share'),
  },
  {
    id: 'ox.picking_error_rate',
    name: L('Picking error rate', 'Доля ошибок сборки'),
    layer: 'OX',
    factor: 'quality',
    unit: '%',
    scale: { min: 0, max: 0.05 },
    direction: 'lower',
    target: 0.01,
    touchpoint: 'tp.picking',
    binding: warehouseBinding('ops', 'picking_error_rate'),
  },
  {
    id: 'ox.response_time',
    name: L('Manager response time', 'Время ответа менеджера'),
    layer: 'OX',
    factor: 'communication',
    unit: 'h',
    scale: { min: 0, max: 24 },
    direction: 'lower',
    target: 4,
    touchpoint: 'tp.manager',
    binding: managerBinding('ops', 'response_time_hours'),
  },
  // EX
  {
    id: 'ex.competency',
    name: L('Warehouse staff competency', 'Компетентность персонала склада'),
    layer: 'EX',
    unit: 'points',
    scale: { min: 0, max: 100 },
    direction: 'higher',
    target: 85,
    binding: warehouseBinding('staff', 'competency_score'),
    description: L(
      'Assessment score of pickers and dispatchers (organisational competency).',
      'Балл аттестации сборщиков и диспетчеров (организационная компетенция).',
    ),
  },
  {
    id: 'ex.training_hours',
    name: L('Training hours', 'Часы обучения'),
    layer: 'EX',
    unit: 'h',
    scale: { min: 0, max: 40 },
    direction: 'higher',
    target: 12,
    binding: warehouseBinding('staff', 'training_hours'),
  },
  {
    id: 'ex.turnover',
    name: L('Staff turnover', 'Текучесть персонала'),
    layer: 'EX',
    unit: '%',
    scale: { min: 0, max: 0.1 },
    direction: 'lower',
    target: 0.03,
    binding: warehouseBinding('staff', 'turnover'),
  },
  // IT
  {
    id: 'it.scanner_coverage',
    name: L('WMS scanner coverage', 'Покрытие сканерами WMS'),
    layer: 'IT',
    unit: '%',
    scale: { min: 0, max: 1 },
    direction: 'higher',
    target: 0.9,
    binding: warehouseBinding('it', 'scanner_coverage'),
  },
  {
    id: 'it.qc_tools',
    name: L('Quality-control tools', 'Инструменты контроля качества'),
    layer: 'IT',
    unit: 'pcs',
    scale: { min: 0, max: 10 },
    direction: 'higher',
    binding: warehouseBinding('it', 'qc_tools'),
  },
  {
    id: 'it.crm_usage',
    name: L('CRM usage', 'Использование CRM'),
    layer: 'IT',
    unit: '%',
    scale: { min: 0, max: 1 },
    direction: 'higher',
    target: 0.85,
    binding: managerBinding('it', 'crm_usage_share'),
  },
];

const LINKS: Link[] = [
  ['it.scanner_coverage', 'ex.competency'],
  ['it.qc_tools', 'ox.picking_error_rate'],
  ['it.crm_usage', 'ox.response_time'],
  ['ex.competency', 'ox.picking_error_rate'],
  ['ex.competency', 'ox.on_time_share'],
  ['ex.training_hours', 'ox.picking_error_rate'],
  ['ex.training_hours', 'ox.on_time_share'],
  ['ex.turnover', 'ox.on_time_share'],
  ['ox.on_time_share', 'ox.late_share'],
  ['ox.picking_error_rate', 'ox.defect_rate'],
  ['ox.on_time_share', 'cx.delivery_rating'],
  ['ox.late_share', 'cx.delivery_rating'],
  ['ox.lead_time', 'cx.delivery_rating'],
  ['ox.picking_error_rate', 'cx.quality_rating'],
  ['ox.defect_rate', 'cx.quality_rating'],
  ['ox.response_time', 'cx.communication_rating'],
  ['cx.quality_rating', 'cx.nps'],
  ['cx.delivery_rating', 'cx.nps'],
  ['cx.communication_rating', 'cx.nps'],
  ['cx.documents_rating', 'cx.nps'],
  ['cx.price_rating', 'cx.nps'],
  ['cx.nps', 'tx.churn'],
  ['cx.detractor_share', 'tx.churn'],
  ['tx.churn', 'tx.ltv'],
  ['tx.revenue', 'tx.ltv'],
].map(([child, parent]) => ({ child: child!, parent: parent! }));

/** The demo world's service model (a fresh copy on every call). */
export function demoModel(): ServiceModel {
  return structuredClone({
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id: DEMO_MODEL_ID,
    name: L('Demo distributor: service model', 'Демо-дистрибьютор: сервисная модель'),
    journey: {
      stages: [
        { id: 'ordering', name: L('Ordering', 'Заказ') },
        { id: 'fulfilment', name: L('Picking and shipping', 'Сборка и отгрузка') },
        { id: 'delivery', name: L('Delivery', 'Доставка') },
        { id: 'invoicing', name: L('Documents and payment', 'Документы и оплата') },
        { id: 'support', name: L('After-sales support', 'Сопровождение') },
      ],
      touchpoints: TOUCHPOINTS,
    },
    factors: [
      { id: 'quality', name: L('Quality', 'Качество') },
      { id: 'delivery', name: L('Delivery discipline', 'Дисциплина поставок') },
      { id: 'communication', name: L('Communication', 'Коммуникация') },
      { id: 'documents', name: L('Documents', 'Документы') },
      { id: 'price', name: L('Price', 'Цена') },
    ],
    unitKinds: [
      { id: 'warehouse', name: L('Warehouse', 'Склад'), column: 'warehouse' },
      { id: 'manager', name: L('Account manager', 'Менеджер'), column: 'account_manager' },
      { id: 'region', name: L('Region', 'Регион'), column: 'region' },
    ],
    clientCard: { dataset: 'clients', key: 'client_id' },
    datasets: {
      clients: { client: 'client_id' },
      shipments: { client: 'client_id', period: 'month' },
      survey: { client: 'client_id', period: 'date' },
      ops: { unit: 'unit', period: 'month', unitKindColumn: 'unit_kind' },
      staff: { unit: 'unit', period: 'month', unitKindColumn: 'unit_kind' },
      it: { unit: 'unit', period: 'month', unitKindColumn: 'unit_kind' },
    },
    period: { grain: 'month' },
    indicators: INDICATORS,
    links: LINKS,
    index: {
      blocks: [
        { layer: 'TX', weight: 0.4, members: ['tx.churn', 'tx.ltv', 'tx.revenue'] },
        {
          layer: 'CX',
          weight: 0.6,
          members: [
            'cx.nps',
            'cx.quality_rating',
            'cx.delivery_rating',
            'cx.communication_rating',
            'cx.documents_rating',
            'cx.price_rating',
          ],
        },
      ],
      factorWeights: {
        quality: 'weight_quality',
        delivery: 'weight_delivery',
        communication: 'weight_communication',
        documents: 'weight_documents',
        price: 'weight_price',
      },
    },
  } satisfies ServiceModel);
}
