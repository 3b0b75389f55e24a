/** How OnRecord reads with you: hover delay, highlight style, which entity types are drawn, the keyboard commands. */
import { t } from '../../core/i18n.ts';
import { ENTITY_TYPE_LIST, MAX_HOVER_DELAY_MS, MIN_HOVER_DELAY_MS, type Settings, type SettingsPatch } from '../../core/settings.ts';
import { TYPE_KEYS } from '../popup/popup.tsx';
import { CommandKey, InCardKeys, useCommandShortcuts } from '../command-keys.tsx';

interface Props {
  settings: Settings;
  update: (patch: SettingsPatch) => void;
}

export function ReadingSection({ settings, update }: Props) {
  const commands = useCommandShortcuts() ?? [];

  const toggleType = (type: (typeof ENTITY_TYPE_LIST)[number], on: boolean) => {
    const next = ENTITY_TYPE_LIST.filter((x) => (x === type ? on : settings.enabledTypes.includes(x)));
    update({ enabledTypes: next });
  };

  return (
    <section aria-labelledby="reading-title">
      <h2 id="reading-title">{t('optReadingTitle')}</h2>
      <label class="row">
        {t('optHoverDelay')}{' '}
        <input
          type="number"
          min={MIN_HOVER_DELAY_MS}
          max={MAX_HOVER_DELAY_MS}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => {
            const ms = Math.round(Number(e.currentTarget.value));
            if (ms >= MIN_HOVER_DELAY_MS && ms <= MAX_HOVER_DELAY_MS) update({ hoverDelayMs: ms });
          }}
        />{' '}
        {t('optMilliseconds')}
      </label>
      <fieldset>
        <legend>{t('optStyleLegend')}</legend>
        <label><input type="radio" name="style" checked={settings.highlightStyle === 'underline'} onChange={() => update({ highlightStyle: 'underline' })} /> {t('optStyleUnderline')}</label>
        <label><input type="radio" name="style" checked={settings.highlightStyle === 'background'} onChange={() => update({ highlightStyle: 'background' })} /> {t('optStyleBackground')}</label>
      </fieldset>
      <fieldset>
        <legend>{t('optTypesLegend')}</legend>
        {ENTITY_TYPE_LIST.map((type) => (
          <label key={type}>
            <input type="checkbox" checked={settings.enabledTypes.includes(type)} onChange={(e) => toggleType(type, e.currentTarget.checked)} /> {t(TYPE_KEYS[type])}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={settings.hideEmptyNames} onChange={(e) => update({ hideEmptyNames: e.currentTarget.checked })} /> {t('optHideEmptyNames')}
        </label>
      </fieldset>
      <h3>{t('optKeysTitle')}</h3>
      <dl class="keys">
        {commands.map((c) => (
          <CommandKey key={c.name} command={c} />
        ))}
        <InCardKeys />
      </dl>
      <p class="note">{t('optKeysHint')}</p>
    </section>
  );
}
