/**
 * Free-text survey comments for the demo world, in Russian or English: complaints about one
 * satisfaction factor (strong for detractors, mild for passives), praise and neutral remarks.
 * Each is built from templates × synonyms × intensifiers — thousands of distinct texts per
 * factor — and then roughened as people type: typos, odd case, stray spaces, a line break.
 *
 * Complaint texts always contain one of the factor's barrier keywords (`DEMO_KEYWORDS`, used
 * by the demo model), and praise and neutral texts contain none, so keyword matching of
 * complaints to barriers works on the demo (up to the occasional typo, as in life).
 */
import type { Rng } from '../random.ts';
import type { TextLang } from './demo-names.ts';

/** The satisfaction factors a complaint can be about. */
export type ComplaintTopic = 'delivery' | 'quality' | 'communication' | 'documents' | 'price';

/** Barrier keywords (lower-case stems) per factor, both languages, matched as substrings. */
export const DEMO_KEYWORDS: Record<ComplaintTopic, string[]> = {
  delivery: ['задерж', 'опозд', 'опаздыва', 'срок', 'позже', 'late', 'delay'],
  quality: [
    'не тот',
    'не те ',
    'пересорт',
    'недовлож',
    'перепута',
    'брак',
    'поврежд',
    'не хватило',
    'вместо заказ',
    'wrong',
    'mixed',
    'missing',
    'damaged',
    'defect',
  ],
  communication: [
    'менеджер',
    'не отвеча',
    'перезван',
    'перезвон',
    'дозвон',
    'без ответа',
    'manager',
    'reply',
    'respond',
    'answer',
    'call back',
    'calls back',
  ],
  documents: [
    'документ',
    'упд',
    'накладн',
    'счёт',
    'счет',
    'фактур',
    'реквизит',
    'invoice',
    'document',
    'paperwork',
    'delivery note',
  ],
  price: ['цены', 'цена', 'дорог', 'скидк', 'price', 'pricing', 'expensive', 'pricey', 'discount'],
};

type Templates = Record<ComplaintTopic, { strong: string[]; mild: string[] }>;

const RU: Templates = {
  delivery: {
    strong: [
      '{Опять|Снова|В очередной раз|Уже который раз|Как обычно|Третий раз подряд|} {задержали поставку|сорвали сроки поставки|привезли с опозданием|опоздали с доставкой|задержали отгрузку|перенесли доставку на более поздний срок|сорвали срок отгрузки} {на два дня|на три дня|на 2 дня|на 3 дня|на четыре дня|на пять дней|на неделю|на сутки|} {, никто не предупредил|, без всякого предупреждения|, а нам никто не позвонил|, пришлось переносить приёмку|, у нас сорвалась выкладка|, склад простаивал полдня|, магазины остались без товара|}{.|!|!!|. Надоело.|. Это уже система.|. Просим разобраться.|. Сколько можно?|}',
      '{Доставка|Поставка|Отгрузка} {постоянно|регулярно|систематически|опять|снова|} {опаздывает|задерживается|приходит позже срока|идёт с задержкой|не укладывается в сроки} {, планировать невозможно|, клиенты недовольны|, мы теряем продажи|, график приёмки летит|, штрафы от сетей платим мы|}{.|!|. Примите меры.|}',
      '{Водитель|Экспедитор} {приехал|прибыл} {на два часа позже|на три часа позже|на полдня позже|позже окна приёмки|с опозданием} {и без звонка|и даже не предупредил|, хотя время согласовали заранее|, приёмка уже закрылась|}{.|!|}',
      'Машина {пришла|приехала} {на два часа позже|на полдня позже|позже окна приёмки|с опозданием|только на следующий день, с опозданием} {и без звонка|, хотя время согласовали заранее|, сорвали нам смену|}{.|!|}',
      'Обещали привезти "{завтра|к утру|в понедельник|до обеда}", а {привезли|доставили} {через три дня|через неделю|только через два дня} — {опять задержка|снова сорвали сроки|задержка за задержкой|и так каждый раз с опозданием}{.|!|}',
    ],
    mild: [
      '{В целом|В принципе|Вообще|В основном} {нормально|неплохо|всё устраивает}, {но|однако|хотя} {иногда|бывает,|порой|периодически|в последнее время} {задерживают поставки|опаздывают с доставкой|срывают сроки|бывают задержки|привозят позже обещанного}{.|}',
      '{Хотелось бы|Просим|Пожелание:|Одно замечание:} {соблюдать сроки доставки|поменьше задержек|привозить без опозданий|чётче соблюдать сроки отгрузки}{.|}',
    ],
  },
  quality: {
    strong: [
      '{Опять|Снова|Уже не первый раз|В последней поставке|В этот раз|} {привезли не тот товар|пересорт|недовложение|перепутали позиции|пришёл брак|часть товара повреждена|не хватило нескольких коробок|вместо заказанного привезли другое} {, пришлось оформлять возврат|, ждём замену уже неделю|, составили акт расхождения|, сборщики явно не проверяют заказ|, товар пришлось снять с продажи|}{.|!|. Качество сборки упало.|. Сколько можно?|}',
      '{Комплектация заказов|Сборка заказов|Сборка на складе} {стала заметно хуже|оставляет желать лучшего|никуда не годится|хромает}: {пересорт|недовложения|брак|не те позиции|повреждённая упаковка} {в каждой второй поставке|почти в каждом заказе|уже третий раз|регулярно}{.|!|}',
      '{Заказывали|Заказали} {одно|одни позиции|конкретный артикул}, а {привезли|прислали} {другое|не то|совсем не тот товар} — {перепутали артикулы|пересорт|опять не тот товар}{.|!|}',
    ],
    mild: [
      '{В целом нормально|В целом устраивает|Работаем|Неплохо}, {но|однако|хотя} {иногда|бывает,|порой} {попадается брак|бывает пересорт|приходят не те позиции|случаются недовложения|приходит повреждённая упаковка}{.|}',
    ],
  },
  communication: {
    strong: [
      '{Менеджер|Наш менеджер|Персональный менеджер|Менеджер по работе с клиентами} {не отвечает на письма|не перезванивает|отвечает через день|пропадает на неделю|не берёт трубку|отвечает только на второй день|игнорирует запросы} {, приходится дозваниваться по несколько раз|, вопросы висят неделями|, ответа ждём сутками|, до руководства проще дозвониться|}{.|!|!!|}',
      '{Невозможно|Сложно|Очень трудно} {дозвониться до менеджера|получить ответ от менеджера|добиться от менеджера ответа на простой вопрос}{, письма остаются без ответа|, заявки теряются|, обещают перезвонить и не перезванивают|}{.|!|}',
      'Менеджер {сказал|обещал|ответил} "{перезвоню|сейчас уточню|решим сегодня}" и {пропал на три дня|перезвонил только через неделю|больше не выходил на связь}{.|!|}',
    ],
    mild: [
      '{В целом хорошо|Всё нормально|Устраивает}, {но|хотя} {менеджер иногда долго отвечает|менеджер не всегда перезванивает|ответа менеджера приходится ждать|хотелось бы, чтобы менеджер отвечал быстрее}{.|}',
    ],
  },
  documents: {
    strong: [
      '{Опять|Снова|Постоянно|} {ошибки в документах|ошибка в УПД|накладные не совпадают с фактом|счёт-фактура с ошибкой|документы пришли не полностью|не прислали закрывающие документы|в счёте неверные реквизиты} {, бухгалтерия ругается|, приходится переделывать|, не можем провести оплату|, налоговая задаёт вопросы|}{.|!|}',
      '{Закрывающие документы|Оригиналы документов|Документы} {приходят через месяц|теряются|приходят с ошибками|приходится запрашивать по три раза}{, это мешает закрыть период|, бухгалтерия в шоке|}{.|!|}',
    ],
    mild: [
      '{В целом нормально|Всё устраивает}, {но|хотя} {в документах бывают ошибки|накладные иногда приходят с ошибками|закрывающие документы приходится ждать}{.|}',
    ],
  },
  price: {
    strong: [
      '{Цены|Цены на основной ассортимент|Цены в прайсе} {выросли|слишком высокие|завышены|выше, чем у конкурентов|растут каждый квартал} {, скидок не дождёшься|, конкуренты дают дешевле|, просим пересмотреть условия|, объёмы у нас большие, а скидки нет|}{.|!|}',
      '{Дорого|Слишком дорого|Дороговато}{,|.} {конкуренты дают цены ниже|у конкурентов скидки больше|просим скидку за объём}{.|}',
    ],
    mild: [
      '{В целом устраивает|Нормально}, {но|хотя} {цены могли бы быть пониже|хотелось бы скидку побольше|цены немного выше рынка}{.|}',
    ],
  },
};

const EN: Templates = {
  delivery: {
    strong: [
      '{Again|Once again|Yet again|For the third time|As usual|} {the shipment arrived late|delivery was late|the order was delayed|the truck came late|they delivered late|the shipment was delayed} {by two days|by three days|by 2 days|by a week|by a full day|} {with no notice|and nobody called us|so we had to reschedule receiving|and our shelves stayed empty|, our warehouse was idle half a day|}{.|!|. Not acceptable.|. This keeps happening.|. Please sort it out.|}',
      '{Deliveries|Shipments|Orders} {are constantly|are always|keep arriving|are again|are regularly} {late|delayed|behind schedule and late} {, impossible to plan|, we are losing sales|, our customers complain|}{.|!|}',
      'They promised "{tomorrow|by noon|on Monday|first thing in the morning}" and delivered {three days late|a week late|two days late} — {another delay|late again|delayed as always}{.|!|}',
    ],
    mild: [
      '{Overall fine|Generally OK|Mostly good|Service is decent}, {but|though} {deliveries are sometimes late|there are occasional delays|shipments arrive late now and then|some orders get delayed}{.|}',
    ],
  },
  quality: {
    strong: [
      '{Again|Once again|This time|In the last shipment|} {we got the wrong items|items were mixed up|part of the order was missing|several boxes were missing|goods arrived damaged|we received defective goods|they sent the wrong SKU} {, had to file a return|, still waiting for a replacement|, picking clearly is not checked|, we had to pull it from sale|}{.|!|. Picking quality has dropped.|}',
      '{Order picking|Picking at the warehouse|Order accuracy} {has gotten worse|is poor|needs work}: {wrong items|missing boxes|damaged packaging|mixed-up SKUs} {in almost every order|every other shipment|again this month|}{.|!|}',
    ],
    mild: [
      '{Overall OK|Fine in general|Mostly satisfied}, {but|though} {we sometimes get wrong items|occasionally boxes are missing|now and then goods arrive damaged}{.|}',
    ],
  },
  communication: {
    strong: [
      '{Our account manager|The manager|Our manager|The sales manager} {does not answer emails|never calls back|takes days to reply|is impossible to reach by phone, no answer|ignores our requests, no answer|replies only on the second day} {, we have to chase every question|, requests hang for weeks|, we wait days for an answer|}{.|!|}',
      '{Hard|Impossible|Very difficult} to {get an answer from the manager|reach our manager|get a reply to a simple question}{, emails go unanswered|, requests get lost|, promised to call back and never did|}{.|!|}',
      'The manager said "{I will call you back|let me check|we will fix it today}" and {disappeared for three days|replied only after a week|never got back to us}{.|!|}',
    ],
    mild: [
      '{Overall good|All fine|Satisfied}, {but|though} {the manager sometimes takes long to reply|the manager does not always call back|answers from the manager could be faster}{.|}',
    ],
  },
  documents: {
    strong: [
      '{Again|Once again|As usual|} {errors in the invoice|the invoice had wrong details|delivery notes do not match the goods|documents were incomplete|closing documents were never sent|wrong VAT in the invoice} {, accounting is furious|, we have to redo everything|, we cannot process the payment|}{.|!|}',
      '{Paperwork|The paperwork} {is a mess|is always wrong|takes forever|comes with mistakes}{, please check before sending|, we spend hours fixing it|}{.|!|}',
    ],
    mild: [
      '{All fine|Generally good}, {but|though} {invoices sometimes have errors|documents occasionally arrive incomplete|paperwork could be more accurate}{.|}',
    ],
  },
  price: {
    strong: [
      "{Prices are|Your prices are} {too high|above the market|going up every quarter|higher than competitors'} {, discounts are rare|, competitors offer better terms|, please review our terms|}{.|!|}",
      '{Too expensive|Pricey|Expensive} {compared to other suppliers|for our volumes|these days}{.|!|}',
    ],
    mild: [
      '{Overall good|Fine}, {but|though} {prices could be lower|we would like a better discount|pricing is a bit above market}{.|}',
    ],
  },
};

const PRAISE: Record<TextLang, string[]> = {
  ru: [
    '{Всё отлично|Всё хорошо|Работаем давно, всё устраивает|Надёжный поставщик|Спасибо за работу|Отличный сервис|Довольны сотрудничеством|Лучший поставщик из наших} {, привозят чётко|, доставка как часы|, товар приходит в целости|, всегда идут навстречу|, удобный личный кабинет|, широкий ассортимент|, всё чётко и быстро|, отличная команда|}{.|!|, рекомендуем.|. Так держать!|. Спасибо!|}',
  ],
  en: [
    '{Great service|All good|Reliable supplier|Very happy with the cooperation|Thanks for the great work|Excellent partner|Everything works well} {, deliveries like clockwork|, always helpful|, goods arrive intact|, great team|, easy ordering|, wide range|}{.|!|, highly recommend.|. Keep it up!|}',
  ],
};

const NEUTRAL: Record<TextLang, string[]> = {
  ru: [
    '{Нормально|В целом устраивает|Без претензий|Работать можно|Средне|Как обычно|Ничего особенного|Всё как всегда|Обычный поставщик}{.|}',
    '{Нормально|Без претензий|Устраивает}, {но и без восторга|есть куда расти|ничего выдающегося}{.|}',
  ],
  en: [
    '{OK|Fine|Average|Nothing special|No complaints|It is fine|Business as usual|Decent}{.|}',
    '{OK|Fine|Acceptable}, {but nothing outstanding|room to improve|could be better}{.|}',
  ],
};

const CONNECTORS: Record<TextLang, string[]> = {
  ru: ['И ещё:', 'Также', 'Кроме того,', 'Плюс к этому', 'А ещё'],
  en: ['Also,', 'Plus,', 'And', 'On top of that,', 'Besides,'],
};

type Part = string | string[];
const compiled = new Map<string, Part[]>();

/** Splits `a {b|c} d` into literal parts and groups of alternatives, once per template. */
function compile(template: string): Part[] {
  let parts = compiled.get(template);
  if (parts) return parts;
  parts = [];
  const re = /\{([^{}]*)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push(m[1]!.split('|'));
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  compiled.set(template, parts);
  return parts;
}

/** One text from a template: one alternative per group, tidy spacing, a capital first letter. */
export function expandTemplate(rng: Rng, template: string): string {
  let s = '';
  for (const p of compile(template)) s += typeof p === 'string' ? p : rng.pick(p);
  s = s
    .replace(/\s+([,.!?:])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A complaint about `topic`: strong (detractors) or mild (“fine, but…”, passives). */
export function complaintText(
  rng: Rng,
  lang: TextLang,
  topic: ComplaintTopic,
  strong: boolean,
): string {
  const t = (lang === 'ru' ? RU : EN)[topic];
  return expandTemplate(rng, rng.pick(strong ? t.strong : t.mild));
}

/** Two complaints in one answer, the second after a connector (now and then on a new line). */
export function joinComplaints(rng: Rng, lang: TextLang, first: string, second: string): string {
  const lead = /[.!?]$/.test(first) ? first : first + '.';
  const sep = rng.bernoulli(0.2) ? '\n' : ' ';
  const tail = second.charAt(0).toLowerCase() + second.slice(1);
  return `${lead}${sep}${rng.pick(CONNECTORS[lang])} ${tail}`;
}

/** Praise, as promoters write it. */
export function praiseText(rng: Rng, lang: TextLang): string {
  return expandTemplate(rng, rng.pick(PRAISE[lang]));
}

/** A neutral remark with no complaint. */
export function neutralText(rng: Rng, lang: TextLang): string {
  return expandTemplate(rng, rng.pick(NEUTRAL[lang]));
}

/**
 * The text as a person might type it: now and then a typo (two letters swapped, one dropped
 * or doubled), all lower or upper case, «е» for «ё», a missing final stop, stray spaces.
 */
export function roughen(rng: Rng, text: string, angry: boolean): string {
  let s = text;
  if (rng.bernoulli(0.3)) s = s.replace(/ё/g, 'е');
  if (rng.bernoulli(0.07)) s = typo(rng, s);
  if (angry && rng.bernoulli(0.05)) s = s.toUpperCase();
  else if (rng.bernoulli(0.1)) s = s.toLowerCase();
  if (rng.bernoulli(0.06)) s = s.replace(/[.]$/, '');
  if (rng.bernoulli(0.04)) {
    const spaces = [...s.matchAll(/ /g)].map((m) => m.index);
    if (spaces.length) {
      const at = rng.pick(spaces);
      s = s.slice(0, at) + '  ' + s.slice(at + 1);
    }
  }
  if (rng.bernoulli(0.02)) s = s + ' ';
  return s;
}

function typo(rng: Rng, s: string): string {
  const words = [...s.matchAll(/[\p{L}]{5,}/gu)];
  if (!words.length) return s;
  const w = rng.pick(words);
  const at = w.index + rng.int(1, w[0].length - 2);
  const kind = rng.int(0, 2);
  if (kind === 0) return s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
  if (kind === 1) return s.slice(0, at) + s.slice(at + 1);
  return s.slice(0, at) + s[at] + s.slice(at);
}
