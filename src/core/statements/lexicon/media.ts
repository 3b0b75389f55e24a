/**
 * News outlets (data): a phrase naming one of these after "according to",
 * "сообщает", "laut" … is the reporting source, never the speaker. Entities
 * of the record whose description says they are a news outlet count too.
 * Folded to lower case when compiled.
 */
export const MEDIA_NAMES: readonly string[] = [
  'TASS', 'ТАСС', 'RIA Novosti', 'RIA', 'РИА Новости', 'РИА', 'РІА Новини', 'Interfax', 'Интерфакс', 'Інтерфакс', 'Interfax-Ukraine', 'Интерфакс-Украина',
  'Інтерфакс-Україна', 'Reuters', 'Рейтер', 'Reuters news agency', 'AP', 'Associated Press', 'AFP', 'Agence France-Presse', 'dpa', 'Deutsche Presse-Agentur',
  'Bloomberg', 'BBC', 'Би-би-си', 'Бі-Бі-Сі', 'CNN', 'Ukrinform', 'Укрінформ', 'Укринформ', 'UNIAN', 'УНІАН', 'УНИАН', 'Kommersant', 'Коммерсант', 'Коммерсантъ',
  'RBC', 'РБК', 'Izvestia', 'Известия', 'RT', 'Russia Today', 'Sputnik', 'Спутник', 'Bild', 'Spiegel', 'Der Spiegel', 'Zeit', 'Die Zeit', 'FAZ', 'Süddeutsche Zeitung',
  'Welt', 'ARD', 'ZDF', 'Tagesschau', 'Deutsche Welle', 'DW', 'RIA Novosti news agency', 'Ukrainska Pravda', 'Українська правда', 'Украинская правда', 'Meduza', 'Медуза',
  'The Guardian', 'Guardian', 'The New York Times', 'New York Times', 'The Washington Post', 'Washington Post', 'Financial Times', 'The Times', 'The Telegraph',
  'Wall Street Journal', 'The Wall Street Journal', 'Axios', 'Politico', 'Al Jazeera', 'Anadolu', 'Anadolu Agency', 'Xinhua', 'Kyiv Independent', 'The Kyiv Independent',
  'Kyiv Post', 'Суспільне', 'Suspilne', 'ТСН', 'Радио Свобода', 'Радіо Свобода', 'Radio Liberty', 'RFE/RL', 'Новая газета', 'Ведомости', 'Vedomosti', 'Общественное',
  'NV', 'New Voice of Ukraine', 'РБК-Україна', 'RBC-Ukraine', 'Укрправда', 'Газета.Ru', 'Lenta.ru', 'Лента.ру', 'ИТАР-ТАСС', 'Первый канал', 'Россия 24', 'НТВ', 'ABC News', 'NBC', 'CBS', 'Fox News', 'Sky News', 'Le Monde', 'Politico Europe', 'Euronews',
];

/** An entity whose description matches this is an outlet. */
export const MEDIA_DESCRIPTION = /\b(?:news agency|newspaper|broadcaster|television|TV channel|news outlet|news site|magazine|wire service|radio)\b/i;
