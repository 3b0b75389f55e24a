/** The options page: sites, corpora, the user's own edits, reading preferences, the reviewer who signs exports, backup. */
import { t } from '../../core/i18n.ts';
import { BackupSection } from './backup-section.tsx';
import { CorporaSection } from './corpora-section.tsx';
import { EditsSection } from './edits-section.tsx';
import { ReadingSection } from './reading-section.tsx';
import { ReviewerSection } from './reviewer-section.tsx';
import { SitesSection } from './sites-section.tsx';
import { useSettings } from './use-settings.ts';

export function OptionsPage() {
  const { settings, update, setSite, error } = useSettings();
  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>
      {error && <p role="alert" class="error">{error}</p>}
      {settings && <SitesSection settings={settings} update={update} setSite={setSite} />}
      <CorporaSection />
      <EditsSection />
      {settings && <ReadingSection settings={settings} update={update} />}
      {settings && <ReviewerSection settings={settings} update={update} />}
      {/* A restore replaces everything: the page reloads so every section reads afresh. */}
      <BackupSection onRestored={() => window.setTimeout(() => window.location.reload(), RELOAD_AFTER_RESTORE_MS)} />
    </main>
  );
}

/** Long enough to read the "restored" line before the page reloads. */
const RELOAD_AFTER_RESTORE_MS = 1500;
