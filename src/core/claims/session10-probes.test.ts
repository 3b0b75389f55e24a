/**
 * Session 10: probes written for each class of contradiction and for consistent claims that carry negative words, in
 * en, ru, uk and de, news style (role phrases, "according to", headlines with a colon, quotes), plus misattributed and
 * not-in-record controls. Every sentence is new (none is a claim of test/claims-set, none a position's words); they were
 * written before the session's changes and the changes were made for the classes they fail on, not for the sentences.
 * The few probes still wrong are listed in docs/claims.md ("What still fails"), not here.
 * Columns: class, expected verdict, expected speaker, claim.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../concepts/index.ts';
import { parseCorpusShape } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createClaimChecker } from './check-claim.ts';

const corpus = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
const checker = createClaimChecker(corpus, compileMatcher(corpus.entities), createConceptLexicon(BUNDLED_CONCEPTS));

const PROBES: [string, string, string, string][] = [
  ["antonym", "contradicts", "alexei-polishchuk", "Polishchuk said Moscow turns down every offer of mediation between Russia and Ukraine."],
  ["antonym", "contradicts", "alexei-polishchuk", "Полищук заявил, что Москва отвергает любые посреднические услуги в переговорах с Украиной."],
  ["antonym", "contradicts", "alexei-polishchuk", "Поліщук заявив, що Москва відкидає будь-які посередницькі послуги у переговорах з Україною."],
  ["antonym", "contradicts", "alexei-polishchuk", "Polischtschuk erklärte, Moskau lehne jede Vermittlung zwischen Russland und der Ukraine ab."],
  ["antonym", "contradicts", "boris-johnson", "Boris Johnson urged the Ukrainian delegation to sign the agreement with Moscow."],
  ["antonym", "contradicts", "boris-johnson", "Борис Джонсон призвал украинских переговорщиков подписать соглашение с Москвой."],
  ["antonym", "contradicts", "boris-johnson", "Борис Джонсон закликав українських переговорників підписати угоду з Москвою."],
  ["antonym", "contradicts", "boris-johnson", "Boris Johnson drängte die ukrainischen Unterhändler, das Abkommen mit Moskau zu unterschreiben."],
  ["antonym", "contradicts", "volodymyr-zelensky", "Zelensky said the latest round of talks had brought substantial progress."],
  ["antonym", "contradicts", "volodymyr-zelensky", "Зеленский заявил, что последний раунд переговоров принёс существенный прогресс."],
  ["antonym", "contradicts", "volodymyr-zelensky", "Зеленський заявив, що останній раунд переговорів приніс суттєвий прогрес."],
  ["antonym", "contradicts", "volodymyr-zelensky", "Selenskyj sagte, die jüngste Verhandlungsrunde habe erhebliche Fortschritte gebracht."],
  ["antonym", "contradicts", "mykhailo-podolyak", "Podolyak wrote that negotiations with Russia now make a lot of sense."],
  ["antonym", "contradicts", "mykhailo-podolyak", "Подоляк написал, что переговоры с Россией сейчас вполне имеют смысл."],
  ["antonym", "contradicts", "mykhailo-podolyak", "Подоляк написав, що переговори з Росією зараз мають сенс."],
  ["antonym", "contradicts", "mykhailo-podolyak", "Podoljak schrieb, Verhandlungen mit Russland seien jetzt durchaus sinnvoll."],
  ["reversed", "contradicts", "dmitry-peskov", "Peskov acknowledged that it was Moscow that pulled out of the talks in the spring."],
  ["reversed", "contradicts", "dmitry-peskov", "Песков признал, что именно Москва вышла из переговоров весной."],
  ["reversed", "contradicts", "dmitry-peskov", "Пєсков визнав, що саме Москва вийшла з переговорів навесні."],
  ["condition-added", "contradicts", "sergei-vershinin", "Werschinin sagte, Moskau werde mit Kiew nur verhandeln, wenn die Ukraine zuvor die neuen Grenzen anerkenne."],
  ["condition-negated", "contradicts", "volodymyr-zelensky", "Зеленский сказал, что переговоры с Россией возможны даже при Путине."],
  ["condition-negated", "contradicts", "volodymyr-zelensky", "Зеленський сказав, що переговори з Росією можливі навіть за Путіна."],
  ["condition-negated", "contradicts", "volodymyr-zelensky", "Selenskyj sagte, Verhandlungen mit Russland seien auch mit Putin an der Macht möglich."],
  ["condition-dropped", "contradicts", "oleh-nikolenko", "Nikolenko said Ukraine is ready to negotiate whatever Russia does to its energy grid."],
  ["condition-dropped", "contradicts", "oleh-nikolenko", "Николенко заявил, что Украина готова к переговорам независимо от ударов по энергосистеме."],
  ["condition-dropped", "contradicts", "oleh-nikolenko", "Ніколенко заявив, що Україна готова до переговорів незалежно від ударів по енергосистемі."],
  ["condition-dropped", "contradicts", "oleh-nikolenko", "Nikolenko sagte, die Ukraine sei unabhängig von den Angriffen auf das Stromnetz zu Verhandlungen bereit."],
  ["scope", "contradicts", "volodymyr-zelensky", "Зеленский потребовал, чтобы Россия вывела из Украины лишь часть своих войск."],
  ["scope", "contradicts", "volodymyr-zelensky", "Зеленський вимагав, щоб Росія вивела з України лише частину своїх військ."],
  ["scope", "contradicts", "volodymyr-zelensky", "Selenskyj forderte, Russland solle nur einen Teil seiner Truppen aus der Ukraine abziehen."],
  ["quantity", "contradicts", "alexei-polishchuk", "Polishchuk said only a single country has offered to mediate between Moscow and Kyiv."],
  ["quantity", "contradicts", "alexei-polishchuk", "Полищук сказал, что лишь одна страна предложила посредничество между Москвой и Киевом."],
  ["quantity", "contradicts", "alexei-polishchuk", "Поліщук сказав, що лише одна країна запропонувала посередництво між Москвою та Києвом."],
  ["quantity", "contradicts", "alexei-polishchuk", "Polischtschuk sagte, nur ein einziges Land habe Vermittlung zwischen Moskau und Kiew angeboten."],
  ["time-shift", "contradicts", "dmitry-peskov", "Peskov said the Kremlin is no longer interested in negotiations with Ukraine."],
  ["time-shift", "contradicts", "dmitry-peskov", "Песков заявил, что Кремль больше не заинтересован в переговорах с Украиной."],
  ["time-shift", "contradicts", "dmitry-peskov", "Пєсков заявив, що Кремль більше не зацікавлений у переговорах з Україною."],
  ["time-shift", "contradicts", "dmitry-peskov", "Peskow sagte, der Kreml habe kein Interesse mehr an Verhandlungen mit der Ukraine."],
  ["time-shift", "contradicts", "vladimir-putin", "Putin said Russia has stopped being ready to hold talks with Ukraine."],
  ["time-shift", "contradicts", "vladimir-putin", "Путин сказал, что Россия перестала быть готовой к переговорам с Украиной."],
  ["time-shift", "contradicts", "vladimir-putin", "Путін сказав, що Росія вже не готова до переговорів з Україною."],
  ["time-shift", "contradicts", "vladimir-putin", "Putin sagte, Russland sei inzwischen nicht mehr zu Gesprächen mit der Ukraine bereit."],
  ["revoked", "contradicts", "volodymyr-zelensky", "Zelensky said Ukraine had withdrawn its consent to Bennett acting as mediator."],
  ["revoked", "contradicts", "volodymyr-zelensky", "Зеленский сказал, что Украина отозвала своё согласие на посредничество Беннета."],
  ["revoked", "contradicts", "volodymyr-zelensky", "Зеленський сказав, що Україна відкликала свою згоду на посередництво Беннета."],
  ["revoked", "contradicts", "volodymyr-zelensky", "Selenskyj sagte, die Ukraine habe ihre Zustimmung zu Bennetts Vermittlung zurückgezogen."],
  ["refusal", "contradicts", "vladimir-putin", "Putin said Russia sees no point in talking to Ukraine."],
  ["refusal", "contradicts", "vladimir-putin", "Путин заявил, что Россия не видит смысла в разговорах с Украиной."],
  ["refusal", "contradicts", "vladimir-putin", "Путін заявив, що Росія не бачить сенсу в розмовах з Україною."],
  ["refusal", "contradicts", "vladimir-putin", "Putin sagte, Russland sehe keinen Sinn in Gesprächen mit der Ukraine."],
  ["refusal", "contradicts", "dmitry-peskov", "Peskov said Moscow has shut the door on any diplomacy with Kyiv."],
  ["refusal", "contradicts", "dmitry-peskov", "Песков заявил, что Москва закрыла дверь для любой дипломатии с Киевом."],
  ["refusal", "contradicts", "dmitry-peskov", "Пєсков заявив, що Москва зачинила двері для будь-якої дипломатії з Києвом."],
  ["refusal", "contradicts", "dmitry-peskov", "Peskow sagte, Moskau habe jeder Diplomatie mit Kiew eine Absage erteilt."],
  ["modality", "contradicts", "david-arakhamia", "Arakhamia said the war could not possibly have ended in spring 2022."],
  ["modality", "contradicts", "david-arakhamia", "Арахамия сказал, что война никак не могла закончиться весной 2022 года."],
  ["modality", "contradicts", "david-arakhamia", "Арахамія сказав, що війна ніяк не могла закінчитися навесні 2022 року."],
  ["modality", "contradicts", "david-arakhamia", "Arachamija sagte, der Krieg hätte im Frühjahr 2022 unmöglich enden können."],
  ["modality", "contradicts", "dmitry-peskov", "Peskov said Russia intends to reach its goals by military force alone, not through diplomacy."],
  ["modality", "contradicts", "dmitry-peskov", "Песков сказал, что Россия намерена добиваться своих целей исключительно военным путём, а не дипломатией."],
  ["modality", "contradicts", "dmitry-peskov", "Пєсков сказав, що Росія має намір досягати своїх цілей виключно військовим шляхом, а не дипломатією."],
  ["modality", "contradicts", "dmitry-peskov", "Peskow sagte, Russland wolle seine Ziele ausschließlich militärisch erreichen, nicht mit Diplomatie."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Zelensky said Ukraine will never capitulate but is open to dialogue."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Зеленский сказал, что Украина никогда не капитулирует, но открыта к диалогу."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Зеленський сказав, що Україна ніколи не капітулює, але відкрита до діалогу."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Selenskyj sagte, die Ukraine werde niemals kapitulieren, sei aber offen für einen Dialog."],
  ["neg-consistent", "consistent", "alexei-polishchuk", "Polishchuk said Moscow is not turning away would-be mediators."],
  ["neg-consistent", "consistent", "alexei-polishchuk", "Полищук сказал, что Москва не отказывается от посредников."],
  ["neg-consistent", "consistent", "alexei-polishchuk", "Поліщук сказав, що Москва не відмовляється від посередників."],
  ["neg-consistent", "consistent", "alexei-polishchuk", "Polischtschuk sagte, Moskau weise Vermittler nicht zurück."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Zelensky said there had been no real breakthrough in the talks."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Зеленский сказал, что настоящего прорыва на переговорах не было."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Зеленський сказав, що справжнього прориву на переговорах не було."],
  ["neg-consistent", "consistent", "volodymyr-zelensky", "Selenskyj sagte, bei den Verhandlungen habe es keinen echten Durchbruch gegeben."],
  ["neg-consistent", "consistent", "dmitry-peskov", "Peskov said Russia had never turned down negotiations with Kyiv."],
  ["neg-consistent", "consistent", "dmitry-peskov", "Песков сказал, что Россия никогда не отказывалась от переговоров с Киевом."],
  ["neg-consistent", "consistent", "dmitry-peskov", "Пєсков сказав, що Росія ніколи не відмовлялася від переговорів з Києвом."],
  ["neg-consistent", "consistent", "mykhailo-podolyak", "Podolyak wrote that talking to Moscow no longer makes any sense."],
  ["neg-consistent", "consistent", "mykhailo-podolyak", "Подоляк написал, что переговоры с Москвой больше не имеют никакого смысла."],
  ["neg-consistent", "consistent", "mykhailo-podolyak", "Подоляк написав, що переговори з Москвою більше не мають жодного сенсу."],
  ["neg-consistent", "consistent", "mykhailo-podolyak", "Podoljak schrieb, Verhandlungen mit Moskau ergäben keinen Sinn mehr."],
  ["neg-consistent", "consistent", "dmitry-peskov", "Peskov said Moscow has not given up on a diplomatic settlement with Kyiv."],
  ["neg-consistent", "consistent", "dmitry-peskov", "Песков сказал, что Москва не отказалась от дипломатического урегулирования с Киевом."],
  ["neg-consistent", "consistent", "dmitry-peskov", "Пєсков сказав, що Москва не відмовилася від дипломатичного врегулювання з Києвом."],
  ["neg-consistent", "consistent", "dmitry-peskov", "Peskow sagte, Moskau habe eine diplomatische Lösung mit Kiew nicht aufgegeben."],
  ["consistent", "consistent", "sergei-vershinin", "Vershinin said Russia is willing to talk to Ukraine without any preconditions."],
  ["consistent", "consistent", "sergei-vershinin", "Вершинин сказал, что Россия готова к переговорам с Украиной без всяких предварительных условий."],
  ["consistent", "consistent", "sergei-vershinin", "Вершинін сказав, що Росія готова до переговорів з Україною без жодних попередніх умов."],
  ["consistent", "consistent", "sergei-vershinin", "Werschinin sagte, Russland sei zu Gesprächen mit der Ukraine ohne Vorbedingungen bereit."],
  ["consistent", "consistent", "volodymyr-zelensky", "Zelensky insisted that all Russian forces leave every occupied territory."],
  ["consistent", "consistent", "volodymyr-zelensky", "Зеленский настаивал, чтобы все российские войска ушли со всех оккупированных территорий."],
  ["consistent", "consistent", "volodymyr-zelensky", "Зеленський наполягав, щоб усі російські війська пішли з усіх окупованих територій."],
  ["consistent", "consistent", "volodymyr-zelensky", "Selenskyj bestand darauf, dass alle russischen Truppen alle besetzten Gebiete verlassen."],
  ["c-antonym", "contradicts", "volodymyr-zelensky", "Ukrainian President Volodymyr Zelensky said he was against any mediation by Israel’s prime minister."],
  ["c-antonym", "contradicts", "volodymyr-zelensky", "Президент Украины Владимир Зеленский заявил, что выступает против любого посредничества Беннета."],
  ["c-antonym", "contradicts", "volodymyr-zelensky", "Президент України Володимир Зеленський заявив, що виступає проти будь-якого посередництва Беннета."],
  ["c-antonym", "contradicts", "volodymyr-zelensky", "Der ukrainische Präsident Selenskyj sagte, er lehne jede Vermittlung durch Bennett ab."],
  ["c-headline", "contradicts", "dmitry-peskov", "Peskov: Russia has no intention of negotiating with Kyiv"],
  ["c-headline", "contradicts", "dmitry-peskov", "Песков: Россия не намерена вести переговоры с Киевом"],
  ["c-headline", "contradicts", "dmitry-peskov", "Пєсков: Росія не має наміру вести переговори з Києвом"],
  ["c-headline", "contradicts", "dmitry-peskov", "Peskow: Russland hat nicht die Absicht, mit Kiew zu verhandeln"],
  ["c-role", "contradicts", "dmitry-peskov", "The Kremlin spokesman said Moscow now prefers a military solution to a diplomatic one."],
  ["c-role", "contradicts", "dmitry-peskov", "Пресс-секретарь Кремля заявил, что Москва теперь предпочитает военное решение дипломатическому."],
  ["c-role", "contradicts", "dmitry-peskov", "Речник Кремля заявив, що Москва тепер віддає перевагу військовому рішенню, а не дипломатичному."],
  ["c-role", "contradicts", "dmitry-peskov", "Der Kremlsprecher sagte, Moskau ziehe inzwischen eine militärische Lösung einer diplomatischen vor."],
  ["c-according", "contradicts", "alexei-polishchuk", "“Nobody is offering to mediate between us and Kyiv,” Alexei Polishchuk said, according to RIA Novosti."],
  ["c-according", "contradicts", "alexei-polishchuk", "«Никто не предлагает посредничество между нами и Киевом», — заявил Алексей Полищук, сообщает РИА Новости."],
  ["c-according", "contradicts", "alexei-polishchuk", "«Ніхто не пропонує посередництво між нами та Києвом», — заявив Олексій Поліщук, повідомляє РІА Новини."],
  ["c-according", "contradicts", "alexei-polishchuk", "„Niemand bietet eine Vermittlung zwischen uns und Kiew an“, sagte Alexej Polischtschuk laut RIA Nowosti."],
  ["c-agreement", "contradicts", "volodymyr-zelensky", "Zelensky said Ukraine was ready to give up its territory in exchange for peace."],
  ["c-agreement", "contradicts", "volodymyr-zelensky", "Зеленский заявил, что Украина готова капитулировать ради мира."],
  ["c-agreement", "contradicts", "volodymyr-zelensky", "Зеленський заявив, що Україна готова капітулювати заради миру."],
  ["c-agreement", "contradicts", "volodymyr-zelensky", "Selenskyj sagte, die Ukraine sei bereit, für den Frieden zu kapitulieren."],
  ["c-past", "contradicts", "vladimir-putin", "Putin said the Russian negotiators had reported no positive developments at all."],
  ["c-past", "contradicts", "vladimir-putin", "Путин сказал, что российские переговорщики не сообщили ему ни о каких позитивных сдвигах."],
  ["c-past", "contradicts", "vladimir-putin", "Путін сказав, що російські переговорники не доповіли йому про жодні позитивні зрушення."],
  ["c-past", "contradicts", "vladimir-putin", "Putin sagte, die russischen Unterhändler hätten keinerlei positive Entwicklungen gemeldet."],
  ["c-german-gov", "contradicts", "german-government", "The German government said negotiations had a good chance of ending the war."],
  ["c-german-gov", "contradicts", "german-government", "Правительство Германии заявило, что у переговоров есть хорошие шансы закончить войну."],
  ["c-german-gov", "contradicts", "german-government", "Уряд Німеччини заявив, що переговори мають добрі шанси завершити війну."],
  ["c-german-gov", "contradicts", "german-government", "Die Bundesregierung erklärte, Verhandlungen hätten gute Chancen, den Krieg zu beenden."],
  ["c-lavrov", "contradicts", "sergey-lavrov", "Lavrov denied that Putin had ever offered Ukraine negotiations."],
  ["c-lavrov", "contradicts", "sergey-lavrov", "Лавров опроверг, что Путин когда-либо предлагал Украине переговоры."],
  ["c-lavrov", "contradicts", "sergey-lavrov", "Лавров спростував, що Путін будь-коли пропонував Україні переговори."],
  ["c-lavrov", "contradicts", "sergey-lavrov", "Lawrow bestritt, dass Putin der Ukraine jemals Verhandlungen angeboten habe."],
  ["k-role", "consistent", "dmitry-peskov", "The Kremlin spokesman said Russia would rather reach its aims by political and diplomatic means."],
  ["k-role", "consistent", "dmitry-peskov", "Пресс-секретарь Кремля сказал, что Россия предпочла бы достичь своих целей политико-дипломатическими средствами."],
  ["k-role", "consistent", "dmitry-peskov", "Речник Кремля сказав, що Росія воліла б досягти своїх цілей політико-дипломатичними засобами."],
  ["k-role", "consistent", "dmitry-peskov", "Der Kremlsprecher sagte, Russland würde seine Ziele lieber mit politischen und diplomatischen Mitteln erreichen."],
  ["k-neg", "consistent", "volodymyr-zelensky", "Zelensky said Russia had not once confirmed that a meeting could take place."],
  ["k-neg", "consistent", "volodymyr-zelensky", "Зеленский сказал, что Россия ни разу не подтвердила возможность встречи."],
  ["k-neg", "consistent", "volodymyr-zelensky", "Зеленський сказав, що Росія жодного разу не підтвердила можливість зустрічі."],
  ["k-neg", "consistent", "volodymyr-zelensky", "Selenskyj sagte, Russland habe die Möglichkeit eines Treffens kein einziges Mal bestätigt."],
  ["k-neg", "consistent", "boris-johnson", "Boris Johnson told Ukrainian negotiators not to sign anything with Russia."],
  ["k-neg", "consistent", "boris-johnson", "Борис Джонсон сказал украинским переговорщикам ничего не подписывать с Россией."],
  ["k-neg", "consistent", "boris-johnson", "Борис Джонсон сказав українським переговорникам нічого не підписувати з Росією."],
  ["k-neg", "consistent", "boris-johnson", "Boris Johnson riet den ukrainischen Unterhändlern, nichts mit Russland zu unterschreiben."],
  ["k-neg", "consistent", "german-government", "The German government said talks stood no chance of ending Russia’s war."],
  ["k-neg", "consistent", "german-government", "Правительство Германии считает, что у переговоров нет шансов положить конец войне."],
  ["k-neg", "consistent", "german-government", "Уряд Німеччини вважає, що переговори не мають шансів покласти край війні."],
  ["k-neg", "consistent", "german-government", "Die Bundesregierung sagte, Verhandlungen hätten keine Chance, den Krieg zu beenden."],
  ["k-plain", "consistent", "david-arakhamia", "Arakhamia admitted the war could have been over in the spring of 2022."],
  ["k-plain", "consistent", "david-arakhamia", "Арахамия признал, что война могла закончиться весной 2022 года."],
  ["k-plain", "consistent", "david-arakhamia", "Арахамія визнав, що війна могла закінчитися навесні 2022 року."],
  ["k-plain", "consistent", "david-arakhamia", "Arachamija räumte ein, der Krieg hätte im Frühjahr 2022 enden können."],
  ["m", "misattributed", "sergey-lavrov", "Lavrov said would-be mediators should persuade Kyiv to pull its troops back and give up the annexed regions."],
  ["m", "misattributed", "sergey-lavrov", "Лавров заявил, что посредники должны убедить Киев вывести войска и отказаться от присоединённых территорий."],
  ["m", "misattributed", "sergey-lavrov", "Лавров заявив, що посередники мають переконати Київ вивести війська й відмовитися від приєднаних територій."],
  ["m", "misattributed", "sergey-lavrov", "Lawrow sagte, Vermittler sollten Kiew überzeugen, seine Truppen abzuziehen und die annektierten Gebiete aufzugeben."],
  ["m", "misattributed", "oleh-nikolenko", "Николенко заявил, что только победа Украины положит конец войне в Европе."],
  ["m", "misattributed", "oleh-nikolenko", "Ніколенко заявив, що лише перемога України покладе край війні в Європі."],
  ["m", "misattributed", "oleh-nikolenko", "Nikolenko sagte, nur ein Sieg der Ukraine werde den Krieg in Europa beenden."],
  ["n", "not-in-record", "dmitry-peskov", "Peskov said the Kremlin would announce a new cabinet next week."],
  ["n", "not-in-record", "dmitry-peskov", "Песков заявил, что Кремль объявит состав нового правительства на следующей неделе."],
  ["n", "not-in-record", "dmitry-peskov", "Пєсков заявив, що Кремль оголосить склад нового уряду наступного тижня."],
  ["n", "not-in-record", "dmitry-peskov", "Peskow sagte, der Kreml werde nächste Woche ein neues Kabinett vorstellen."],
  ["n", "not-in-record", "volodymyr-zelensky", "Zelensky said Kyiv’s metro would run all night during the holidays."],
  ["n", "not-in-record", "volodymyr-zelensky", "Зеленский сказал, что киевское метро будет работать всю ночь в праздники."],
  ["n", "not-in-record", "volodymyr-zelensky", "Зеленський сказав, що київське метро працюватиме всю ніч у свята."],
  ["n", "not-in-record", "volodymyr-zelensky", "Selenskyj sagte, die Kiewer U-Bahn werde an den Feiertagen die ganze Nacht fahren."],
];

describe('session 10 probes: judged by class, in four languages', () => {
  it.each(PROBES)('[%s] %s (%s): %s', (_cls, verdict, speaker, text) => {
    const r = checker.check(text);
    expect(r.attribution?.speakerId).toBe(speaker);
    expect(r.suggestion.verdict).toBe(verdict);
  });

  it('holds at least 30 probes in each of en, ru, uk and de', () => {
    const langOf = (t: string) => (/[іїєґ]/iu.test(t) ? 'uk' : /\p{Script=Cyrillic}/u.test(t) ? 'ru' : /[äöüß„]|\b(?:sagte|sei|habe|der|die|das)\b/u.test(t) ? 'de' : 'en');
    const counts = new Map<string, number>();
    for (const [, , , text] of PROBES) counts.set(langOf(text), (counts.get(langOf(text)) ?? 0) + 1);
    for (const lang of ['en', 'ru', 'uk', 'de']) expect(counts.get(lang) ?? 0, lang).toBeGreaterThanOrEqual(30);
  });

  it('never suggests "misattributed" for a probe whose named speaker is right', () => {
    const wrong = PROBES.filter(([, verdict]) => verdict === 'consistent' || verdict === 'contradicts').filter(([, , , text]) => checker.check(text).suggestion.verdict === 'misattributed');
    expect(wrong).toEqual([]);
  });
});
