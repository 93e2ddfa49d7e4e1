/**
 * Paraphrases of the demo's complaints: the same five themes as `demo-comments.ts` (delivery,
 * quality, communication, documents, price), in Russian and English, worded anew — other
 * sentence shapes, other synonyms — to measure how comment clustering generalises beyond the
 * phrasing it was looked at on. Used only by the quality tests, never by the demo world; and
 * written apart from the CX concept vocabulary (`text/cx-concepts.ts`), which must not be
 * tuned to these texts.
 */
import { Rng } from '../random.ts';
import type { TextLang } from './demo-names.ts';
import { expandTemplate, roughen, type ComplaintTopic } from './demo-comments.ts';

type Templates = Record<ComplaintTopic, { strong: string[]; mild: string[] }>;

const RU: Templates = {
  delivery: {
    strong: [
      '{Груз|Наш заказ|Партия|Товар} {пришёл|доехал|был у нас} {только через неделю|на три дня позже обещанного|спустя пять дней после даты|лишь к вечеру следующего дня} {, а мы ждали его к понедельнику|, хотя дату подтверждали дважды|, витрина стояла пустая|, люди на приёмке сидели без дела|}{.|!|. Безобразие.|. Так работать нельзя.|}',
      '{Сроки|Даты привоза|Обещанные даты} {вы не соблюдаете|всё время сдвигаются|постоянно переносятся|срываются раз за разом} {, никакого графика не получается|, из-за этого мы не можем планировать|, а нас даже не извещают|}{.|!|}',
      '{Ждали|Прождали|Ожидали} {машину|поставку|привоз} {целый день|до самого вечера|больше суток|три дня вместо одного}{, в итоге приехали на следующий день|, а её всё не было|, так никто и не объяснил причину|}{.|!|}',
      'Когда {оформляли заказ|заключали договор|договаривались}, {говорили|уверяли|обещали}, что {привоз на следующий день|доставка за сутки|всё будет в срок}, а по факту {неделя|четыре дня|не дождались и в пятницу}{.|!|}',
    ],
    mild: [
      '{Работаем без больших претензий|В основном всё нормально|Сотрудничеством довольны}, {но|только} {доставка иногда запаздывает|привоз порой сдвигается на день|бывает, что машина приходит позже}{.|}',
      '{Единственное пожелание|Хотелось бы одного|Просьба} — {привозить точно в оговорённый день|не сдвигать даты доставки|чтобы поставки приходили вовремя}{.|}',
    ],
  },
  quality: {
    strong: [
      '{При приёмке|При вскрытии коробок|На разгрузке|Сегодня} {обнаружили|нашли|увидели} {битые бутылки|мятые коробки|испорченный товар|треснувшие упаковки|половину партии в негодном виде} {, пришлось всё списывать|, отправили обратно|, поставщик тянет с заменой|, оформили акт|}{.|!|. Кто за это ответит?|}',
      '{В накладной одно, в коробках другое|Положили чужие позиции|Прислали другой размер|Вместо белых пришли чёрные|Кладут не то, что мы заказывали} {, и так уже который раз|, проверяйте заказы перед отправкой|, всё приходится пересчитывать вручную|}{.|!|}',
      '{Не доложили|Недосчитались|Не довезли} {две коробки|десяти штук|часть позиций|половины заказа} {, а оплатили мы всё|, ждём, когда довезут|, никто не может объяснить куда делось|}{.|!|}',
    ],
    mild: [
      '{В целом довольны|Претензий немного|Неплохо работаете}, {но|правда} {попадается товар с дефектами|бывают битые коробки|иногда кладут не те позиции|порой чего-нибудь не хватает}{.|}',
    ],
  },
  communication: {
    strong: [
      '{До вашего сотрудника|До нашего куратора|До отдела продаж|До персонального менеджера} {невозможно достучаться|не докричишься|не дозвониться неделями|не достучаться ни по телефону, ни по почте} {, на письма тишина|, трубку никто не берёт|, обещают связаться и пропадают|}{.|!|!!|}',
      '{Написали|Отправили запрос|Оставили заявку|Обратились} {в понедельник|неделю назад|три дня назад|ещё в прошлом месяце}, {ответа до сих пор нет|никто так и не связался|реакции ноль|тишина}{.|!|. Это несерьёзно.|}',
      '{Куратор|Менеджер|Сотрудник отдела продаж} {говорит с нами свысока|на вопросы отвечает отписками|переадресует нас от одного к другому|меняется каждый месяц и ничего не знает о нас}{.|!|}',
    ],
    mild: [
      '{Работой довольны|В целом всё хорошо}, {но|хотя} {обратную связь приходится ждать|на письма отвечают не сразу|с менеджером бывает сложно связаться}{.|}',
    ],
  },
  documents: {
    strong: [
      '{Счета|Акты сверки|Закрывающие бумаги|Товарные накладные} {приходят с опечатками|присылают с неверными суммами|оформлены неправильно|приходится исправлять за вами} {, бухгалтер тратит на это полдня|, не сходятся суммы|, проводка задерживается|}{.|!|}',
      '{Акт сверки|Оригиналы счетов|Подписанные документы|Исправленный счёт} {ждём уже второй месяц|так и не прислали|потеряли при пересылке|высылают только после трёх напоминаний}{.|!|. Закрыть квартал не можем.|}',
    ],
    mild: [
      '{Всё в порядке|Нормально}, {но|хотя} {с бумагами бывает путаница|в счетах встречаются опечатки|акты сверки приходят с опозданием по времени}{.|}',
    ],
  },
  price: {
    strong: [
      '{Стоимость|Прайс|Ваши расценки} {подняли уже второй раз за год|неоправданно высокие|заметно выше рыночных|кусаются} {, у других закупаемся дешевле|, рассматриваем других поставщиков|, объясните, за что такие деньги|}{.|!|}',
      '{За такие деньги|При таких ценах|С такой стоимостью} {проще работать с другими|мы уйдём к другому поставщику|работать невыгодно}{, пересмотрите условия|, дайте хотя бы бонус за объём|}{.|!|}',
    ],
    mild: [
      '{Всё нормально|Работаем}, {но|хотя} {хотелось бы цен поприятнее|бонусы могли бы быть щедрее|прайс немного выше, чем у других}{.|}',
    ],
  },
};

const EN: Templates = {
  delivery: {
    strong: [
      '{Our order|The pallet|The consignment|Our stock} {showed up|turned up|got here} {a week after the promised date|three days behind|only the next evening|five days past the due date} {, and nobody warned us|, even though the date was confirmed twice|, leaving our shelves bare|, our receiving crew waited around all day|}{.|!|. Unacceptable.|}',
      '{Delivery dates|Promised dates|ETAs} {keep slipping|are never met|get pushed back again and again|mean nothing} {, we cannot plan anything|, and no one lets us know|}{.|!|}',
      'We {waited|sat waiting|were waiting} for the {truck|drop|shipment} {all day|until evening|for over a day} {, it only came the next morning|, and it never arrived|, nobody explained why|}{.|!|}',
    ],
    mild: [
      '{Mostly happy|No big complaints|Things are generally fine}, {but|only} {drops sometimes come a day behind|the truck occasionally turns up after the slot|orders now and then arrive after the date}{.|}',
      '{One request|Just one wish|A small ask}: {please stick to the agreed day|stop moving the delivery dates|get the goods here on time}{.|}',
    ],
  },
  quality: {
    strong: [
      '{On unloading|When we opened the boxes|At receiving|Today} we {found|discovered|saw} {smashed bottles|crushed cartons|spoiled product|cracked packs|half the batch unusable} {, had to write it all off|, sent it straight back|, still no replacement|}{.|!|. Who pays for this?|}',
      "{The packing list says one thing, the boxes another|They packed someone else's lines|We got the wrong size|Black instead of white arrived} {, again|, please check orders before they leave|, we recount everything by hand now|}{.|!|}",
      '{They shorted us|We were short|The order came short} {two cases|ten units|several lines|half the order} {, though we paid in full|, still waiting for the rest|}{.|!|}',
    ],
    mild: [
      '{Generally happy|Few complaints|Decent work}, {but|though} {some product comes with defects|a case arrives crushed now and then|the odd line is missing}{.|}',
    ],
  },
  communication: {
    strong: [
      '{Our rep|Our account contact|The sales team|Our key account person} {is impossible to get hold of|never picks up|goes silent for weeks|ignores both phone and email} {, emails vanish into a void|, promises to get back and disappears|}{.|!|}',
      'We {wrote|sent a query|logged a request|reached out} {on Monday|a week ago|three days ago|last month} and {still have heard nothing|nobody has come back to us|got zero reaction}{.|!|}',
      '{The rep|Our contact} {talks down to us|sends template replies|passes us from person to person|changes every month and knows nothing about us}{.|!|}',
    ],
    mild: [
      '{Happy overall|All good mostly}, {but|though} {feedback takes a while|emails are not answered right away|the rep can be hard to reach}{.|}',
    ],
  },
  documents: {
    strong: [
      '{Bills|Statements|Credit notes|Packing slips} {come with typos|arrive with the wrong amounts|are filled in incorrectly|need correcting every time} {, our bookkeeper loses half a day|, the totals never match|, posting gets held up|}{.|!|}',
      '{The reconciliation statement|Original bills|Signed paperwork|The corrected bill} {has been pending for two months|was never sent|got lost in the post|only comes after three reminders}{.|!|. We cannot close the quarter.|}',
    ],
    mild: [
      '{All fine|OK overall}, {but|though} {the paperwork gets muddled sometimes|bills have the odd typo|statements come through late}{.|}',
    ],
  },
  price: {
    strong: [
      '{Your rates|The price list|What you charge} {went up twice this year|is unjustifiably high|is well above the market|hurts} {, others sell it to us for less|, we are looking at other vendors|, explain what we pay for|}{.|!|}',
      '{For that money|At these rates|With such costs} {it is easier to go elsewhere|we will switch suppliers|the deal does not pay off}{, revisit the terms|, at least give us a volume rebate|}{.|!|}',
    ],
    mild: [
      '{All fine|Working well}, {but|though} {we would like friendlier prices|the bonuses could be more generous|the list is a bit above others}{.|}',
    ],
  },
};

/** The themes, in a fixed order. */
export const PARAPHRASE_TOPICS: readonly ComplaintTopic[] = [
  'delivery',
  'quality',
  'communication',
  'documents',
  'price',
];

/** A complaint about `topic` worded anew: strong (detractors) or mild (passives). */
export function paraphraseText(
  rng: Rng,
  lang: TextLang,
  topic: ComplaintTopic,
  strong: boolean,
): string {
  const t = (lang === 'ru' ? RU : EN)[topic];
  return expandTemplate(rng, rng.pick(strong ? t.strong : t.mild));
}

/**
 * `n` paraphrased complaints with their theme: each theme alike, English with probability
 * `englishShare` (0.15, as the mixed demo world), 60 % strong, roughened as people type.
 */
export function paraphraseComplaints(
  n: number,
  options: { seed?: number; englishShare?: number } = {},
): { texts: string[]; topics: ComplaintTopic[]; langs: TextLang[] } {
  const rng = new Rng(options.seed ?? 20260502);
  const share = options.englishShare ?? 0.15;
  const texts: string[] = [];
  const topics: ComplaintTopic[] = [];
  const langs: TextLang[] = [];
  for (let i = 0; i < n; i++) {
    const topic = PARAPHRASE_TOPICS[i % PARAPHRASE_TOPICS.length]!;
    const lang: TextLang = rng.bernoulli(share) ? 'en' : 'ru';
    const strong = rng.bernoulli(0.6);
    texts.push(roughen(rng, paraphraseText(rng, lang, topic, strong), strong));
    topics.push(topic);
    langs.push(lang);
  }
  return { texts, topics, langs };
}
