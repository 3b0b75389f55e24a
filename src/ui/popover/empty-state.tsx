import { t } from '../../core/i18n.ts';

interface Props {
  hint: string;
}

export function EmptyState({ hint }: Props) {
  return (
    <div class="or-empty">
      <p class="or-empty-title">{t('popoverEmptyTitle')}</p>
      <p class="or-empty-hint">{hint}</p>
    </div>
  );
}
