/**
 * Built-in service-model templates to start from. They carry the journey, factors, unit kinds,
 * indicators on every layer and their links, but no bindings: those depend on the user's data.
 */
import { newId } from '../ids.ts';
import {
  MODEL_FORMAT,
  MODEL_VERSION,
  type Barrier,
  type Direction,
  type Indicator,
  type Layer,
  type Link,
  type Localized,
  type ServiceModel,
  type Touchpoint,
} from './model-types.ts';

/** A built-in template: its id, its name, and a function making a fresh model from it. */
export interface ModelTemplate {
  id: string;
  name: Localized;
  create: () => ServiceModel;
}

const l = (en: string, ru: string): Localized => ({ en, ru });

/** Optional parts of an indicator in a template. */
interface IndicatorExtras {
  factor?: string;
  touchpoint?: string;
  target?: number;
  description?: Localized;
}

function indicator(
  id: string,
  layer: Layer,
  name: Localized,
  unit: string,
  [min, max]: [number, number],
  direction: Direction,
  extras: IndicatorExtras = {},
): Indicator {
  return { id, name, layer, unit, scale: { min, max }, direction, ...extras };
}

function barrier(id: string, name: Localized, factor: string, keywords: string[]): Barrier {
  return { id, name, factor, keywords };
}

function touchpoint(
  id: string,
  stage: string,
  name: Localized,
  channel: string,
  owner: string,
  momentOfTruth: boolean,
  drivers: [string, Localized][],
  barriers: Barrier[],
): Touchpoint {
  return {
    id,
    stage,
    name,
    channel,
    owner,
    momentOfTruth,
    drivers: drivers.map(([driverId, driverName]) => ({ id: driverId, name: driverName })),
    barriers,
  };
}

/** Links from `[child, parent]` pairs. */
const links = (pairs: [string, string][]): Link[] =>
  pairs.map(([child, parent]) => ({ child, parent }));

/**
 * B2B manufacturing/distribution: orders placed with account managers or on a portal, shipped
 * from warehouses, documented and supported after the sale. Factors are the five blocks of
 * satisfaction (quality, delivery, communication, documents, price); clients are served by a
 * warehouse, an account manager and a region. Its strongest path is the design's example:
 * NPS ← delivery discipline ← on-time shipment ← warehouse staff competency ← WMS scanner coverage.
 */
export function b2bDistribution(): ServiceModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id: newId(),
    name: l('B2B manufacturing and distribution', 'B2B: производство и дистрибуция'),
    journey: {
      stages: [
        { id: 'ordering', name: l('Ordering', 'Оформление заказа') },
        { id: 'delivery', name: l('Delivery', 'Доставка') },
        { id: 'documents', name: l('Invoicing and documents', 'Счета и документы') },
        { id: 'after_sales', name: l('After-sales service', 'Послепродажное обслуживание') },
      ],
      touchpoints: [
        touchpoint(
          'order_manager',
          'ordering',
          l('Order placed with the account manager', 'Размещение заказа у менеджера'),
          'phone',
          'sales',
          false,
          [['quick_quote', l('Quick quote and confirmation', 'Быстрый расчёт и подтверждение')]],
          [
            barrier(
              'slow_quote',
              l('Slow reply to a request', 'Долгий ответ на запрос'),
              'communication',
              ['ответ', 'долго', 'не перезвон', 'reply', 'slow', 'call back'],
            ),
            barrier(
              'price_unclear',
              l('Unclear prices and discounts', 'Непонятные цены и скидки'),
              'price',
              ['цена', 'цены', 'скидк', 'прайс', 'price', 'discount'],
            ),
          ],
        ),
        touchpoint(
          'order_portal',
          'ordering',
          l('Online ordering portal', 'Заказ через личный кабинет'),
          'portal',
          'e-commerce',
          false,
          [['stock_visible', l('Stock levels visible online', 'Видны остатки на складе')]],
          [
            barrier(
              'portal_errors',
              l('Portal errors', 'Ошибки личного кабинета'),
              'communication',
              ['кабинет', 'сайт', 'ошибк', 'portal', 'website', 'error'],
            ),
          ],
        ),
        touchpoint(
          'shipment',
          'delivery',
          l('Shipment from the warehouse', 'Отгрузка со склада'),
          'warehouse',
          'logistics',
          true,
          [['shipped_on_time', l('Shipment on the promised date', 'Отгрузка в обещанный срок')]],
          [
            barrier('late_shipment', l('Late shipment', 'Задержка отгрузки'), 'delivery', [
              'задерж',
              'опозд',
              'срок',
              'late',
              'delay',
            ]),
            barrier('picking_error', l('Picking errors', 'Ошибки комплектации'), 'quality', [
              'комплект',
              'пересорт',
              'не тот товар',
              'wrong item',
              'picking',
            ]),
          ],
        ),
        touchpoint(
          'receipt',
          'delivery',
          l('Delivery and acceptance of goods', 'Доставка и приёмка груза'),
          'field',
          'logistics',
          true,
          [['tracking', l('Delivery tracking', 'Отслеживание доставки')]],
          [
            barrier(
              'damaged_goods',
              l('Damaged or defective goods', 'Повреждённый или бракованный товар'),
              'quality',
              ['брак', 'поврежд', 'дефект', 'damaged', 'defect'],
            ),
            barrier('shortage', l('Short delivery', 'Недопоставка'), 'delivery', [
              'недопостав',
              'недостач',
              'не хватает',
              'shortage',
              'missing',
            ]),
          ],
        ),
        touchpoint(
          'invoicing',
          'documents',
          l('Invoice and shipping documents', 'Счёт и отгрузочные документы'),
          'email',
          'finance',
          false,
          [['edi', l('Electronic document exchange', 'Электронный документооборот')]],
          [
            barrier(
              'document_errors',
              l('Errors in documents', 'Ошибки в документах'),
              'documents',
              ['документ', 'накладн', 'счёт', 'счет', 'упд', 'invoice', 'document'],
            ),
            barrier(
              'late_documents',
              l('Documents sent late', 'Документы приходят с опозданием'),
              'documents',
              ['оригинал', 'не прислал', 'late documents', 'originals'],
            ),
            barrier(
              'price_mismatch',
              l('Invoice price differs from the offer', 'Цена в счёте не совпадает с предложением'),
              'price',
              ['расхожд', 'переплат', 'mismatch', 'overcharge'],
            ),
          ],
        ),
        touchpoint(
          'claims',
          'after_sales',
          l('Claims and returns', 'Претензии и возвраты'),
          'email',
          'quality',
          true,
          [['fast_claim', l('Fast claim settlement', 'Быстрое урегулирование претензии')]],
          [
            barrier(
              'slow_claim',
              l('Slow claim handling', 'Долгое рассмотрение претензии'),
              'communication',
              ['претензи', 'рекламац', 'возврат', 'claim', 'return'],
            ),
          ],
        ),
        touchpoint(
          'manager_support',
          'after_sales',
          l('Account manager support', 'Сопровождение менеджером'),
          'phone',
          'sales',
          false,
          [['personal_manager', l('A personal account manager', 'Персональный менеджер')]],
          [
            barrier(
              'manager_unreachable',
              l('Manager cannot be reached', 'Не дозвониться до менеджера'),
              'communication',
              ['не дозвон', 'не отвеча', 'не связаться', 'unreachable', 'no answer'],
            ),
            barrier(
              'price_increase',
              l('Unannounced price increase', 'Повышение цен без предупреждения'),
              'price',
              ['подорож', 'повышен', 'дороже', 'price increase', 'expensive'],
            ),
          ],
        ),
      ],
    },
    factors: [
      { id: 'quality', name: l('Product quality', 'Качество продукции') },
      { id: 'delivery', name: l('Delivery discipline', 'Дисциплина поставок') },
      { id: 'communication', name: l('Communication', 'Коммуникация') },
      { id: 'documents', name: l('Documents', 'Документооборот') },
      { id: 'price', name: l('Price and terms', 'Цена и условия') },
    ],
    unitKinds: [
      { id: 'warehouse', name: l('Warehouse', 'Склад'), column: 'warehouse' },
      {
        id: 'manager',
        name: l('Account manager', 'Менеджер по работе с клиентами'),
        column: 'account_manager',
      },
      { id: 'region', name: l('Region', 'Регион'), column: 'region' },
    ],
    datasets: {},
    period: { grain: 'month' },
    indicators: [
      indicator('tx.churn', 'TX', l('Churn rate', 'Отток клиентов'), '%', [0, 50], 'lower', {
        target: 5,
      }),
      indicator(
        'tx.ltv',
        'TX',
        l('Customer lifetime value', 'Пожизненная ценность клиента (LTV)'),
        '₽',
        [0, 20_000_000],
        'higher',
      ),
      indicator(
        'tx.revenue',
        'TX',
        l('Revenue per client', 'Выручка на клиента'),
        '₽',
        [0, 5_000_000],
        'higher',
      ),
      indicator(
        'tx.cost_to_serve',
        'TX',
        l('Cost to serve', 'Стоимость обслуживания клиента'),
        '₽',
        [0, 500_000],
        'lower',
      ),
      indicator(
        'cx.nps',
        'CX',
        l('Net Promoter Score', 'Индекс лояльности (NPS)'),
        'points',
        [-100, 100],
        'higher',
        {
          target: 40,
        },
      ),
      indicator(
        'cx.quality_rating',
        'CX',
        l('Product quality rating', 'Оценка качества продукции'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'quality',
          touchpoint: 'receipt',
          target: 4.5,
        },
      ),
      indicator(
        'cx.delivery_rating',
        'CX',
        l('Delivery discipline rating', 'Оценка дисциплины поставок'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'delivery',
          touchpoint: 'receipt',
          target: 4.5,
        },
      ),
      indicator(
        'cx.communication_rating',
        'CX',
        l('Communication rating', 'Оценка коммуникации'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'communication',
          touchpoint: 'manager_support',
          target: 4.5,
        },
      ),
      indicator(
        'cx.documents_rating',
        'CX',
        l('Documents rating', 'Оценка документооборота'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'documents',
          touchpoint: 'invoicing',
          target: 4.5,
        },
      ),
      indicator(
        'cx.price_rating',
        'CX',
        l('Price and terms rating', 'Оценка цены и условий'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'price',
          touchpoint: 'order_manager',
          target: 4,
        },
      ),
      indicator(
        'cx.complaint_rate',
        'CX',
        l('Orders with complaints', 'Доля заказов с претензиями'),
        '%',
        [0, 20],
        'lower',
        {
          touchpoint: 'claims',
          target: 2,
        },
      ),
      indicator(
        'cx.client_grade',
        'CX',
        l('Client service grade', 'Интегральная оценка обслуживания клиента'),
        'points',
        [0, 100],
        'higher',
        {
          target: 80,
          description: l(
            'A per-client grade of service built from operational events (late shipments, picking errors, claims): it sits on the border of the CX and OX layers.',
            'Оценка обслуживания каждого клиента по операционным событиям (задержки отгрузок, ошибки комплектации, претензии): показатель на границе слоёв CX и OX.',
          ),
        },
      ),
      indicator(
        'ox.on_time_share',
        'OX',
        l('On-time shipments', 'Доля отгрузок в срок'),
        '%',
        [0, 100],
        'higher',
        {
          factor: 'delivery',
          touchpoint: 'shipment',
          target: 95,
        },
      ),
      indicator(
        'ox.picking_errors',
        'OX',
        l('Picking error rate', 'Доля ошибок комплектации'),
        '%',
        [0, 10],
        'lower',
        {
          factor: 'quality',
          touchpoint: 'shipment',
          target: 0.5,
        },
      ),
      indicator(
        'ox.lead_time',
        'OX',
        l('Order lead time', 'Срок исполнения заказа'),
        'days',
        [0, 30],
        'lower',
        {
          factor: 'delivery',
          target: 3,
        },
      ),
      indicator(
        'ox.manager_response',
        'OX',
        l('Account manager response time', 'Время ответа менеджера'),
        'h',
        [0, 48],
        'lower',
        {
          factor: 'communication',
          touchpoint: 'manager_support',
          target: 2,
        },
      ),
      indicator(
        'ox.document_errors',
        'OX',
        l('Documents with errors', 'Доля документов с ошибками'),
        '%',
        [0, 20],
        'lower',
        {
          factor: 'documents',
          touchpoint: 'invoicing',
          target: 1,
        },
      ),
      indicator(
        'ex.training_hours',
        'EX',
        l('Training hours per employee', 'Часы обучения на сотрудника'),
        'h',
        [0, 80],
        'higher',
        {
          target: 40,
        },
      ),
      indicator(
        'ex.competency',
        'EX',
        l('Warehouse staff competency score', 'Оценка компетенций персонала склада'),
        'points',
        [0, 100],
        'higher',
        {
          target: 80,
        },
      ),
      indicator(
        'ex.manager_competency',
        'EX',
        l('Account manager assessment score', 'Оценка компетенций менеджеров'),
        'points',
        [0, 100],
        'higher',
        {
          target: 80,
        },
      ),
      indicator(
        'ex.turnover',
        'EX',
        l('Staff turnover', 'Текучесть персонала'),
        '%',
        [0, 50],
        'lower',
        {
          target: 10,
        },
      ),
      indicator(
        'it.scanner_coverage',
        'IT',
        l('WMS scanner coverage', 'Охват склада сканерами WMS'),
        '%',
        [0, 100],
        'higher',
        {
          target: 95,
        },
      ),
      indicator(
        'it.crm_usage',
        'IT',
        l('CRM usage share', 'Доля сделок, которые ведутся в CRM'),
        '%',
        [0, 100],
        'higher',
        {
          target: 90,
        },
      ),
      indicator(
        'it.qc_tools',
        'IT',
        l('Quality-control tools in use', 'Число инструментов контроля качества'),
        'count',
        [0, 10],
        'higher',
        {
          target: 5,
        },
      ),
      indicator(
        'it.edi_coverage',
        'IT',
        l('Clients on electronic document exchange', 'Доля клиентов на ЭДО'),
        '%',
        [0, 100],
        'higher',
        {
          target: 80,
        },
      ),
    ],
    links: links([
      ['it.scanner_coverage', 'ex.competency'],
      ['it.qc_tools', 'ex.competency'],
      ['it.crm_usage', 'ex.manager_competency'],
      ['it.crm_usage', 'ox.manager_response'],
      ['it.edi_coverage', 'ox.document_errors'],
      ['ex.training_hours', 'ex.competency'],
      ['ex.training_hours', 'ex.manager_competency'],
      ['ex.competency', 'ox.on_time_share'],
      ['ex.competency', 'ox.picking_errors'],
      ['ex.competency', 'ox.lead_time'],
      ['ex.turnover', 'ox.on_time_share'],
      ['ex.turnover', 'ox.picking_errors'],
      ['ex.manager_competency', 'ox.manager_response'],
      ['ex.manager_competency', 'ox.document_errors'],
      ['ox.on_time_share', 'cx.delivery_rating'],
      ['ox.lead_time', 'cx.delivery_rating'],
      ['ox.picking_errors', 'cx.quality_rating'],
      ['ox.picking_errors', 'cx.complaint_rate'],
      ['ox.manager_response', 'cx.communication_rating'],
      ['ox.document_errors', 'cx.documents_rating'],
      ['ox.on_time_share', 'cx.client_grade'],
      ['ox.picking_errors', 'cx.client_grade'],
      ['ox.picking_errors', 'tx.cost_to_serve'],
      ['cx.delivery_rating', 'cx.nps'],
      ['cx.quality_rating', 'cx.nps'],
      ['cx.communication_rating', 'cx.nps'],
      ['cx.documents_rating', 'cx.nps'],
      ['cx.price_rating', 'cx.nps'],
      ['cx.price_rating', 'tx.revenue'],
      ['cx.nps', 'tx.churn'],
      ['cx.complaint_rate', 'tx.churn'],
      ['cx.client_grade', 'tx.churn'],
      ['tx.churn', 'tx.ltv'],
      ['tx.revenue', 'tx.ltv'],
    ]),
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
            'cx.complaint_rate',
          ],
        },
      ],
    },
  };
}

/**
 * B2C service (a bank, telecom or utility): clients join and pay in a mobile app, call the
 * contact centre and visit branches. Factors are the app, the contact centre, the branch, speed
 * and tariffs; clients are served by a branch, a contact-centre team and a region.
 */
export function b2cService(): ServiceModel {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    id: newId(),
    name: l('B2C service', 'B2C: сервисная компания'),
    journey: {
      stages: [
        { id: 'onboarding', name: l('Onboarding', 'Подключение') },
        { id: 'usage', name: l('Everyday use', 'Повседневное использование') },
        { id: 'support', name: l('Support', 'Поддержка') },
        { id: 'renewal', name: l('Renewal or leaving', 'Продление или уход') },
      ],
      touchpoints: [
        touchpoint(
          'app_signup',
          'onboarding',
          l('Sign-up in the mobile app', 'Регистрация в мобильном приложении'),
          'app',
          'digital',
          true,
          [['fast_signup', l('Sign-up in a few minutes', 'Регистрация за несколько минут')]],
          [
            barrier(
              'signup_fails',
              l('Sign-up or login fails', 'Не удаётся зарегистрироваться или войти'),
              'app',
              ['регистрац', 'войти', 'код из смс', 'login', 'sign up'],
            ),
          ],
        ),
        touchpoint(
          'branch_visit',
          'onboarding',
          l('Visit to a branch', 'Визит в отделение'),
          'branch',
          'retail network',
          true,
          [['expert_advice', l('Expert advice', 'Грамотная консультация')]],
          [
            barrier('queue', l('Long queue', 'Длинная очередь'), 'speed', [
              'очеред',
              'ждал',
              'queue',
              'wait',
            ]),
            barrier('rude_staff', l('Impolite staff', 'Невежливый персонал'), 'branch', [
              'груб',
              'хам',
              'невежлив',
              'rude',
              'impolite',
            ]),
          ],
        ),
        touchpoint(
          'app_payments',
          'usage',
          l('Payments in the app', 'Платежи в приложении'),
          'app',
          'digital',
          false,
          [['autopay', l('Automatic payments', 'Автоплатежи')]],
          [
            barrier(
              'app_crash',
              l('The app crashes or hangs', 'Приложение вылетает или зависает'),
              'app',
              ['вылета', 'завис', 'сбой', 'crash', 'freeze', 'bug'],
            ),
            barrier('hidden_fees', l('Hidden fees', 'Скрытые комиссии'), 'tariffs', [
              'комисси',
              'скрыт',
              'списа',
              'fees',
              'charge',
            ]),
          ],
        ),
        touchpoint(
          'cc_call',
          'support',
          l('Call to the contact centre', 'Звонок в контакт-центр'),
          'phone',
          'contact centre',
          true,
          [['first_call_fix', l('Problem solved in one call', 'Вопрос решён за один звонок')]],
          [
            barrier(
              'long_wait',
              l('Long wait for an operator', 'Долгое ожидание оператора'),
              'speed',
              ['ожидан', 'долго', 'дозвон', 'hold', 'wait'],
            ),
            barrier('unresolved', l('Issue not resolved', 'Вопрос не решён'), 'contact_centre', [
              'не решил',
              'не помог',
              'перевод',
              'unresolved',
              'transferred',
            ]),
          ],
        ),
        touchpoint(
          'chat_support',
          'support',
          l('Support chat in the app', 'Чат поддержки в приложении'),
          'chat',
          'contact centre',
          false,
          [['chat_quick', l('Quick answer in the chat', 'Быстрый ответ в чате')]],
          [
            barrier(
              'bot_loop',
              l('Stuck with the chat bot', 'Не пробиться через чат-бота'),
              'contact_centre',
              ['чат-бот', 'шаблон', 'робот', 'chatbot', 'canned'],
            ),
          ],
        ),
        touchpoint(
          'tariff_change',
          'renewal',
          l('Tariff change or contract end', 'Смена тарифа или расторжение договора'),
          'app',
          'product',
          true,
          [
            [
              'loyal_offer',
              l(
                'A personal offer for loyal clients',
                'Персональное предложение постоянным клиентам',
              ),
            ],
          ],
          [
            barrier('price_increase', l('Tariff increase', 'Повышение тарифа'), 'tariffs', [
              'подорож',
              'повыш',
              'дороже',
              'тариф',
              'price increase',
              'expensive',
            ]),
          ],
        ),
      ],
    },
    factors: [
      { id: 'app', name: l('Mobile app', 'Мобильное приложение') },
      { id: 'contact_centre', name: l('Contact centre', 'Контакт-центр') },
      { id: 'branch', name: l('Branch service', 'Обслуживание в отделении') },
      { id: 'speed', name: l('Speed of service', 'Скорость обслуживания') },
      { id: 'tariffs', name: l('Tariffs and fees', 'Тарифы и комиссии') },
    ],
    unitKinds: [
      { id: 'branch_office', name: l('Branch', 'Отделение'), column: 'branch' },
      { id: 'cc_team', name: l('Contact-centre team', 'Группа контакт-центра'), column: 'cc_team' },
      { id: 'region', name: l('Region', 'Регион'), column: 'region' },
    ],
    datasets: {},
    period: { grain: 'month' },
    indicators: [
      indicator('tx.churn', 'TX', l('Churn rate', 'Отток клиентов'), '%', [0, 50], 'lower', {
        target: 5,
      }),
      indicator(
        'tx.arpu',
        'TX',
        l('Average revenue per user', 'Средний доход на клиента (ARPU)'),
        '₽',
        [0, 5_000],
        'higher',
      ),
      indicator(
        'tx.ltv',
        'TX',
        l('Customer lifetime value', 'Пожизненная ценность клиента (LTV)'),
        '₽',
        [0, 200_000],
        'higher',
      ),
      indicator(
        'tx.cost_to_serve',
        'TX',
        l('Cost to serve', 'Стоимость обслуживания клиента'),
        '₽',
        [0, 2_000],
        'lower',
      ),
      indicator(
        'cx.nps',
        'CX',
        l('Net Promoter Score', 'Индекс лояльности (NPS)'),
        'points',
        [-100, 100],
        'higher',
        {
          target: 30,
        },
      ),
      indicator(
        'cx.csat',
        'CX',
        l('Customer satisfaction (CSAT)', 'Удовлетворённость клиентов (CSAT)'),
        '%',
        [0, 100],
        'higher',
        {
          target: 85,
        },
      ),
      indicator(
        'cx.app_rating',
        'CX',
        l('Mobile app rating', 'Оценка мобильного приложения'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'app',
          touchpoint: 'app_payments',
          target: 4.5,
        },
      ),
      indicator(
        'cx.contact_centre_rating',
        'CX',
        l('Contact centre rating', 'Оценка контакт-центра'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'contact_centre',
          touchpoint: 'cc_call',
          target: 4.5,
        },
      ),
      indicator(
        'cx.branch_rating',
        'CX',
        l('Branch service rating', 'Оценка обслуживания в отделении'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'branch',
          touchpoint: 'branch_visit',
          target: 4.5,
        },
      ),
      indicator(
        'cx.speed_rating',
        'CX',
        l('Speed of service rating', 'Оценка скорости обслуживания'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'speed',
          target: 4.5,
        },
      ),
      indicator(
        'cx.tariffs_rating',
        'CX',
        l('Tariffs rating', 'Оценка тарифов и комиссий'),
        'points',
        [1, 5],
        'higher',
        {
          factor: 'tariffs',
          touchpoint: 'tariff_change',
          target: 4,
        },
      ),
      indicator(
        'cx.complaint_rate',
        'CX',
        l('Complaints per 1,000 clients', 'Жалобы на 1000 клиентов'),
        'per 1000',
        [0, 50],
        'lower',
        {
          target: 5,
        },
      ),
      indicator(
        'ox.app_crash_rate',
        'OX',
        l('App sessions with a crash', 'Доля сеансов приложения со сбоем'),
        '%',
        [0, 10],
        'lower',
        {
          factor: 'app',
          touchpoint: 'app_payments',
          target: 0.5,
        },
      ),
      indicator(
        'ox.cc_wait_time',
        'OX',
        l('Contact-centre wait time', 'Время ожидания ответа контакт-центра'),
        'min',
        [0, 15],
        'lower',
        {
          factor: 'speed',
          touchpoint: 'cc_call',
          target: 1,
        },
      ),
      indicator(
        'ox.abandon_rate',
        'OX',
        l('Abandoned calls', 'Доля потерянных звонков'),
        '%',
        [0, 30],
        'lower',
        {
          factor: 'contact_centre',
          touchpoint: 'cc_call',
          target: 5,
        },
      ),
      indicator(
        'ox.first_contact_resolution',
        'OX',
        l('First-contact resolution', 'Решение вопроса с первого обращения'),
        '%',
        [0, 100],
        'higher',
        {
          factor: 'contact_centre',
          touchpoint: 'cc_call',
          target: 80,
        },
      ),
      indicator(
        'ox.branch_queue_time',
        'OX',
        l('Branch queue time', 'Время ожидания в очереди в отделении'),
        'min',
        [0, 60],
        'lower',
        {
          factor: 'branch',
          touchpoint: 'branch_visit',
          target: 10,
        },
      ),
      indicator(
        'ex.operator_competency',
        'EX',
        l('Operator assessment score', 'Оценка компетенций операторов'),
        'points',
        [0, 100],
        'higher',
        {
          target: 80,
        },
      ),
      indicator(
        'ex.branch_standards',
        'EX',
        l('Branch service standards score', 'Соблюдение стандартов обслуживания в отделениях'),
        'points',
        [0, 100],
        'higher',
        {
          target: 85,
        },
      ),
      indicator(
        'ex.training_hours',
        'EX',
        l('Training hours per employee', 'Часы обучения на сотрудника'),
        'h',
        [0, 80],
        'higher',
        {
          target: 30,
        },
      ),
      indicator(
        'ex.turnover',
        'EX',
        l('Staff turnover', 'Текучесть персонала'),
        '%',
        [0, 80],
        'lower',
        {
          target: 20,
        },
      ),
      indicator(
        'it.test_coverage',
        'IT',
        l('App automated test coverage', 'Покрытие приложения автотестами'),
        '%',
        [0, 100],
        'higher',
        {
          target: 80,
        },
      ),
      indicator(
        'it.knowledge_base',
        'IT',
        l('Knowledge-base coverage of requests', 'Охват обращений базой знаний'),
        '%',
        [0, 100],
        'higher',
        {
          target: 90,
        },
      ),
      indicator(
        'it.crm_usage',
        'IT',
        l('CRM usage share', 'Доля обращений, оформленных в CRM'),
        '%',
        [0, 100],
        'higher',
        {
          target: 95,
        },
      ),
      indicator(
        'it.queue_system',
        'IT',
        l('Branches with electronic queue', 'Доля отделений с электронной очередью'),
        '%',
        [0, 100],
        'higher',
        {
          target: 100,
        },
      ),
    ],
    links: links([
      ['it.test_coverage', 'ox.app_crash_rate'],
      ['it.knowledge_base', 'ex.operator_competency'],
      ['it.crm_usage', 'ex.operator_competency'],
      ['it.crm_usage', 'ox.first_contact_resolution'],
      ['it.queue_system', 'ox.branch_queue_time'],
      ['ex.training_hours', 'ex.operator_competency'],
      ['ex.training_hours', 'ex.branch_standards'],
      ['ex.operator_competency', 'ox.first_contact_resolution'],
      ['ex.operator_competency', 'ox.cc_wait_time'],
      ['ex.turnover', 'ox.cc_wait_time'],
      ['ex.turnover', 'ox.abandon_rate'],
      ['ex.branch_standards', 'ox.branch_queue_time'],
      ['ex.branch_standards', 'cx.branch_rating'],
      ['ox.cc_wait_time', 'ox.abandon_rate'],
      ['ox.app_crash_rate', 'cx.app_rating'],
      ['ox.cc_wait_time', 'cx.speed_rating'],
      ['ox.branch_queue_time', 'cx.speed_rating'],
      ['ox.branch_queue_time', 'cx.branch_rating'],
      ['ox.abandon_rate', 'cx.contact_centre_rating'],
      ['ox.first_contact_resolution', 'cx.contact_centre_rating'],
      ['ox.first_contact_resolution', 'cx.complaint_rate'],
      ['ox.first_contact_resolution', 'cx.csat'],
      ['ox.first_contact_resolution', 'tx.cost_to_serve'],
      ['cx.app_rating', 'cx.nps'],
      ['cx.contact_centre_rating', 'cx.nps'],
      ['cx.branch_rating', 'cx.nps'],
      ['cx.speed_rating', 'cx.nps'],
      ['cx.tariffs_rating', 'cx.nps'],
      ['cx.tariffs_rating', 'tx.arpu'],
      ['cx.nps', 'tx.churn'],
      ['cx.csat', 'tx.churn'],
      ['cx.complaint_rate', 'tx.churn'],
      ['tx.churn', 'tx.ltv'],
      ['tx.arpu', 'tx.ltv'],
    ]),
    index: {
      blocks: [
        { layer: 'TX', weight: 0.4, members: ['tx.churn', 'tx.arpu', 'tx.ltv'] },
        {
          layer: 'CX',
          weight: 0.6,
          members: [
            'cx.nps',
            'cx.csat',
            'cx.app_rating',
            'cx.contact_centre_rating',
            'cx.branch_rating',
            'cx.speed_rating',
            'cx.tariffs_rating',
            'cx.complaint_rate',
          ],
        },
      ],
    },
  };
}

/** The built-in templates, in the order offered to the user. */
export const MODEL_TEMPLATES: readonly ModelTemplate[] = [
  {
    id: 'b2b-distribution',
    name: l('B2B manufacturing and distribution', 'B2B: производство и дистрибуция'),
    create: b2bDistribution,
  },
  { id: 'b2c-service', name: l('B2C service', 'B2C: сервисная компания'), create: b2cService },
];
