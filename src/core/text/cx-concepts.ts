/**
 * A bilingual vocabulary of general customer-experience concepts (B2B distribution, retail,
 * service): Russian and English words for the same thing — «доставка» and "delivery", «брак»
 * and "defect", «счёт» and "invoice" — mapped to one shared concept token, so that comment
 * clusters group what is said rather than the language it is said in.
 *
 * The words are written here as people write them (several forms where the Snowball stem
 * differs: «доставка» → `доставк`, «доставили» → `достав`), and stemmed once, when the module
 * loads, by the tokenizer's own stemmer; a term is then mapped by one Map lookup per stem.
 * The list is written from general CX knowledge — what customers of a distributor, a shop or a
 * service complain about and praise — not from any data set or demo generator the quality
 * tests measure on.
 *
 * Where it applies (a choice): only in the clustering's features (`clusterComments`), after
 * the tokenizer. The frequency analysis, term search, highlighting and barrier matching keep
 * counting the words people wrote: there a merged «брак/defect/повреждение» would hide which
 * word was used, while for clustering that difference is noise. The alternative — clustering
 * each language apart and matching clusters across languages — was not taken: a minority
 * language (15 % English among Russian) gets too few comments for its own clusters, a comment
 * mixing both languages has no one language, and matching clusters needs this very kind of
 * vocabulary anyway.
 *
 * A concept token is `~name` (never a stem: stems have no `~`). A negated term maps with its
 * word (`не_отвеча` and `not_answer` → `not_~answer`), and a bigram by each of its two terms.
 */
import { tokenize } from './tokenize.ts';

/**
 * The concepts: a name, then Russian and English words (space-separated, single words only).
 * Words are kept apart where customers mean different things by them: "wrong" (not what was
 * ordered) is not "error" (a mistake in a document or a system), "late" is not "slow".
 * Words whose stem is another concept's are left out (a test checks no stem has two
 * concepts): English "goods" (stem `good`, as "good"), "accounting" and "accountant" (stem
 * `account`), "management" (`manag`, as "manager"), Russian «долго» (`долг`, as «долг»).
 */
const CONCEPTS: readonly (readonly [name: string, ru: string, en: string])[] = [
  // Getting the goods there.
  [
    'delivery',
    'доставка доставки доставке доставку доставкой доставить доставили доставил доставлен доставлено доставлены доставляют привезти привезли привез привезла привозят поставка поставки поставке поставку поставкой отгрузка отгрузки отгрузку отгрузили отгружают',
    'delivery deliveries deliver delivered delivering shipment shipments ship shipped shipping dispatch dispatched consignment',
  ],
  [
    'late',
    'опоздание опоздания опозданием опоздали опоздал опоздала опаздывает опаздывают задержка задержки задержку задержкой задержали задержал задерживается задерживают задерживаются просрочка просрочили',
    'late lateness delay delays delayed delaying overdue tardy',
  ],
  [
    'deadline',
    'срок сроки сроков срокам сроками дедлайн график графику вовремя',
    'deadline deadlines schedule scheduled timeline timely punctual punctuality',
  ],
  [
    'wait',
    'ждать ждем ждали ждут жду ждал ожидание ожидания ожидать ожидаем',
    'wait waits waiting waited await awaiting',
  ],
  ['queue', 'очередь очереди очередью', 'queue queues queued waitlist'],
  [
    'courier',
    'курьер курьера курьеры курьеров водитель водителя водители экспедитор экспедитора экспедиторы перевозчик перевозчика',
    'courier couriers driver drivers forwarder carrier carriers',
  ],
  [
    'truck',
    'машина машины машину грузовик грузовика фура фуры транспорт',
    'truck trucks lorry van vans vehicle vehicles transport',
  ],
  ['warehouse', 'склад склада складе складом складов складской', 'warehouse warehouses depot'],
  [
    'stock',
    'наличие наличии остатки остаток дефицит',
    'stock stocks availability unavailable backorder backordered',
  ],
  ['receiving', 'приемка приемки приемку приемке принять приняли', 'receiving acceptance intake'],
  [
    'unload',
    'разгрузка разгрузки разгрузили погрузка погрузки',
    'unload unloading unloaded loading',
  ],
  ['address', 'адрес адреса адресу маршрут маршрута', 'address addresses route routes'],
  ['tracking', 'отслеживание отслеживать трекинг статус статуса', 'tracking track tracked status'],
  [
    'cancel',
    'отмена отмены отменили отменить отменен',
    'cancel cancels cancelled canceled cancellation',
  ],
  [
    'confirm',
    'подтверждение подтверждения подтвердили подтвердить',
    'confirm confirmed confirmation confirmations',
  ],
  [
    'notify',
    'предупредили предупредить предупреждение предупреждения уведомление уведомления уведомили оповещение',
    'notice notify notified notification notifications warn warned warning',
  ],
  // The order and the goods.
  [
    'order',
    'заказ заказа заказы заказов заказе заказу заказали заказывали заказать заказываем',
    'order orders ordered ordering',
  ],
  [
    'goods',
    'товар товара товары товаров товаром продукция продукции продукт продукты позиция позиции позиций',
    'product products item items merchandise',
  ],
  ['sku', 'артикул артикула артикулы артикулов', 'sku skus article articles'],
  [
    'assortment',
    'ассортимент ассортимента ассортименте каталог каталоге выбор',
    'assortment range selection catalogue catalog',
  ],
  [
    'wrong',
    'неправильный неправильная неправильные неправильно неверный неверная неверные неверно',
    'wrong incorrect incorrectly',
  ],
  [
    'mixup',
    'перепутали перепутал путаница пересорт пересорта пересортица',
    'mixup mix-up mixups misshipped mispick mispicked mis-sort',
  ],
  [
    'missing',
    'недовложение недовложения недостача недостачи нехватка нехватки недопоставка недопоставки',
    'missing shortage shortages shortfall short-shipped',
  ],
  [
    'damage',
    'брак брака браком бракованный бракованная бракованные повреждение повреждения повреждений поврежден повреждена повреждены поврежденный поврежденная поврежденные сломан сломана сломанный разбит разбита разбитые помятые',
    'damage damaged damages defect defects defective faulty broken dented crushed scratched',
  ],
  ['quality', 'качество качества качеством качеству некачественный', 'quality'],
  [
    'packaging',
    'упаковка упаковки упаковке упаковку упаковкой тара тары',
    'packaging package packages packing packed wrapping',
  ],
  [
    'box',
    'коробка коробки коробок коробку коробках ящик ящики паллет паллета паллеты',
    'box boxes carton cartons crate pallet pallets',
  ],
  [
    'picking',
    'сборка сборки сборке сборку сборщик сборщики комплектация комплектации комплектовщик комплектовщики',
    'picking picker pickers assembly fulfilment fulfillment',
  ],
  [
    'return',
    'возврат возврата возвраты возвратом вернуть вернули вернем',
    'return returns returned returning refund refunds refunded',
  ],
  [
    'replacement',
    'замена замены замену заменить заменили обмен обмена обменять',
    'replacement replacements replace replaced exchange exchanged swap',
  ],
  ['expiry', 'просроченный просроченная просроченные годности', 'expired expiry expiration'],
  // People and reaching them.
  [
    'manager',
    'менеджер менеджера менеджеры менеджеров менеджеру менеджером представитель представителя',
    'manager managers representative rep reps',
  ],
  [
    'support',
    'поддержка поддержки поддержку техподдержка техподдержки',
    'support helpdesk hotline',
  ],
  [
    'operator',
    'оператор оператора операторы консультант консультанта консультанты',
    'operator operators agent agents consultant consultants',
  ],
  [
    'staff',
    'сотрудник сотрудника сотрудники сотрудников персонал персонала',
    'staff employee employees personnel',
  ],
  [
    'management',
    'руководство руководства руководитель руководителя начальник начальство',
    'supervisor supervisors boss director',
  ],
  [
    'call',
    'звонок звонка звонки звонков звонить звонил звонили звонят позвонить позвонил позвонили перезвонить перезвонил перезвонили перезванивает перезванивают перезвонят перезвоню дозвониться дозвонились дозвониться дозвон телефон телефона телефону трубку трубка',
    'call calls called calling callback phone phoned phones telephone ring',
  ],
  [
    'answer',
    'ответ ответа ответы ответов ответом ответить ответил ответили отвечает отвечают отвечать отвечал',
    'answer answers answered answering reply replies replied replying respond responds responded response responses',
  ],
  [
    'email',
    'письмо письма писем письмах почта почту почте',
    'email emails e-mail mail letter letters',
  ],
  [
    'request',
    'заявка заявки заявку заявок запрос запроса запросы запросов обращение обращения обращений',
    'request requests ticket tickets inquiry inquiries enquiry query queries',
  ],
  ['ignore', 'игнорирует игнорируют игнорировать игнор', 'ignore ignores ignored ignoring'],
  [
    'rude',
    'грубый грубая грубо грубость хамство хамят хамит нахамили хамский',
    'rude rudely rudeness impolite disrespectful',
  ],
  ['polite', 'вежливый вежливая вежливо вежливые', 'polite politely courteous'],
  [
    'competent',
    'компетентный компетентные некомпетентный грамотный грамотные',
    'competent incompetent knowledgeable professional',
  ],
  ['help', 'помощь помочь помогли помогает', 'help helped helpful helps assist assistance'],
  ['promise', 'обещали обещал обещают обещание пообещали', 'promise promised promises promising'],
  // Papers and money.
  [
    'document',
    'документ документы документов документа документах документами документация документации бумаги',
    'document documents documentation paperwork papers',
  ],
  [
    'invoice',
    'счет счета счете счетом счета-фактуры счет-фактура счет-фактуру фактура фактуры',
    'invoice invoices invoiced invoicing bill bills billing billed',
  ],
  ['waybill', 'накладная накладные накладной накладных упд ттн', 'waybill waybills'],
  ['accounting', 'бухгалтерия бухгалтерии бухгалтер бухгалтеру', 'bookkeeping'],
  [
    'payment',
    'оплата оплаты оплату оплатить оплатили платеж платежи платежа',
    'payment payments pay paid paying',
  ],
  ['credit', 'отсрочка отсрочки отсрочку кредит задолженность', 'credit debt deferral'],
  ['prepayment', 'предоплата предоплаты предоплату', 'prepayment prepaid upfront'],
  ['tax', 'ндс налог налоги налоговая налоговой', 'vat tax taxes'],
  ['details', 'реквизиты реквизитах реквизитов', 'requisites'],
  ['contract', 'договор договора договору контракт контракта', 'contract contracts agreement'],
  ['conditions', 'условия условиях условий', 'conditions terms'],
  [
    'error',
    'ошибка ошибки ошибку ошибок ошибкой ошибками ошибочно ошибся ошиблись',
    'error errors mistake mistakes erroneous',
  ],
  [
    'price',
    'цена цены цену ценам цене ценой ценами прайс прайса прайс-лист стоимость стоимости расценки',
    'price prices pricing priced pricelist cost costs rate rates',
  ],
  ['expensive', 'дорого дорогой дорогая дорогие дороже дороговато', 'expensive pricey overpriced'],
  [
    'cheap',
    'дешево дешевле дешевый дешевая недорого',
    'cheap cheaper cheapest inexpensive affordable',
  ],
  [
    'discount',
    'скидка скидки скидку скидок скидкой',
    'discount discounts discounted rebate rebates markdown',
  ],
  [
    'increase',
    'выросли вырос повысили повышение подорожание подорожали подорожал',
    'increase increased increases rise rising raised hike hikes',
  ],
  [
    'competitor',
    'конкурент конкуренты конкурентов конкурентам',
    'competitor competitors competition rival rivals',
  ],
  ['market', 'рынок рынка рынке рыночной рыночные', 'market markets'],
  ['volume', 'объем объемы объемов объема', 'volume volumes'],
  ['penalty', 'штраф штрафы штрафов штрафа неустойка', 'penalty penalties surcharge'],
  ['money', 'деньги денег деньгами', 'money cash'],
  // Where and how customers buy.
  [
    'customer',
    'клиент клиента клиенты клиентов покупатель покупатели покупателей',
    'customer customers client clients buyer buyers',
  ],
  [
    'supplier',
    'поставщик поставщика поставщики поставщиков дистрибьютор дистрибьютора',
    'supplier suppliers vendor vendors distributor distributors',
  ],
  ['store', 'магазин магазина магазины магазинов', 'store stores shop shops outlet outlets'],
  ['shelf', 'полка полки полках', 'shelf shelves'],
  ['sales', 'продажи продаж продажах выручка', 'sales revenue'],
  ['website', 'сайт сайта сайте портал портала', 'website site portal'],
  ['app', 'приложение приложения приложении', 'app apps application'],
  ['account', 'кабинет кабинета кабинете аккаунт', 'dashboard'],
  ['password', 'пароль пароля логин', 'password login'],
  ['bug', 'сбой сбои глючит глюк баг зависает', 'bug bugs glitch glitches crash crashes'],
  // How it went.
  [
    'problem',
    'проблема проблемы проблем проблему проблемой',
    'problem problems issue issues trouble',
  ],
  [
    'complaint',
    'жалоба жалобы жалоб претензия претензии претензий рекламация рекламации',
    'complaint complaints claim claims grievance',
  ],
  [
    'resolve',
    'решить решили решение решения решают исправить исправили',
    'resolve resolved resolution solve solved solution fix fixed',
  ],
  [
    'check',
    'проверка проверки проверять проверили проверяют',
    'check checked checks checking verify verified inspection',
  ],
  [
    'lose',
    'потеряли потерял теряем теряются теряют потеря потери убытки',
    'lost lose losing loss losses',
  ],
  [
    'fast',
    'быстро быстрый быстрая быстрее оперативно оперативный',
    'fast faster quick quickly prompt promptly speedy',
  ],
  ['slow', 'медленно медленный медленная затягивают затянули', 'slow slowly slower lengthy'],
  ['constantly', 'постоянно регулярно систематически', 'constantly regularly repeatedly'],
  ['satisfied', 'доволен довольна довольны удовлетворен удовлетворены', 'satisfied happy pleased'],
  ['good', 'хорошо хороший хорошая хорошие отлично отличный отличная', 'good great excellent'],
  ['bad', 'плохо плохой плохая плохие ужасно ужасный ужасная', 'bad poor terrible awful horrible'],
  ['reliable', 'надежный надежная надежно', 'reliable reliably dependable'],
  ['recommend', 'рекомендую рекомендуем рекомендовать', 'recommend recommended recommends'],
  ['convenient', 'удобно удобный удобная неудобно', 'convenient convenience inconvenient easy'],
  // Time.
  ['hour', 'час часа часов часы', 'hour hours'],
  ['day', 'сутки суток дня дней', 'day days'],
  ['week', 'неделя недели неделю недель', 'week weeks'],
  ['month', 'месяц месяца месяцев', 'month months'],
  ['today', 'сегодня', 'today'],
  ['tomorrow', 'завтра', 'tomorrow'],
];

/** Concept tokens start with this mark, which no stem has. */
export const CONCEPT_MARK = '~';

/** Stems that two concepts claimed (the first keeps them): should stay empty, as a test checks. */
export const CONCEPT_CLASHES: { stem: string; concepts: [string, string] }[] = [];

/** Each stem's concept token. */
const CONCEPT_OF: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const [name, ru, en] of CONCEPTS) {
    const token = CONCEPT_MARK + name;
    for (const word of `${ru} ${en}`.split(/\s+/)) {
      if (word === '') continue;
      const stems = tokenize(word, { bigrams: false, stopWords: false });
      for (const stem of stems) {
        const had = out.get(stem);
        if (had !== undefined && had !== token) {
          CONCEPT_CLASHES.push({ stem, concepts: [had.slice(1), name] });
        } else out.set(stem, token);
      }
    }
  }
  return out;
})();

/** The concepts' names and their words, for tests and documentation. */
export function conceptList(): { name: string; ru: string[]; en: string[] }[] {
  return CONCEPTS.map(([name, ru, en]) => ({
    name,
    ru: ru.split(/\s+/).filter(Boolean),
    en: en.split(/\s+/).filter(Boolean),
  }));
}

/** The concept token of one stem (possibly negated, `не_`/`not_`), or the stem itself. */
function conceptOfWord(term: string): string {
  const direct = CONCEPT_OF.get(term);
  if (direct !== undefined) return direct;
  const negated = term.startsWith('не_') ? 3 : term.startsWith('not_') ? 4 : 0;
  if (negated > 0) {
    const c = CONCEPT_OF.get(term.slice(negated));
    if (c !== undefined) return 'not_' + c;
  }
  return term;
}

/**
 * The concept token of a term of `tokenize` — a stem, a negated stem or a bigram of two —
 * or the term itself when none of its words is in the vocabulary.
 */
export function conceptOf(term: string): string {
  const space = term.indexOf(' ');
  if (space < 0) return conceptOfWord(term);
  const a = term.slice(0, space);
  const b = term.slice(space + 1);
  const ca = conceptOfWord(a);
  const cb = conceptOfWord(b);
  return ca === a && cb === b ? term : `${ca} ${cb}`;
}

/**
 * `conceptOf`, remembered: a corpus repeats its terms, so each distinct term is looked up
 * once (one Map lookup per term after that). One per clustering run.
 */
export function conceptMapper(): (term: string) => string {
  const seen = new Map<string, string>();
  return (term) => {
    let c = seen.get(term);
    if (c === undefined) seen.set(term, (c = conceptOf(term)));
    return c;
  };
}
