/**
 * A corpus problem told in the interface language (audit 10 A18): where it is, in the file's own terms
 * (`broken.json:1:28`, `bad.json: positions[2].actor` — what a person opens the file at), then a translated
 * sentence of what is wrong. The validator and the JSON reader write English for the command line
 * (formatProblem); the extension's imports (the options page's corpus import, the review queue's candidates
 * file) show this instead. Kinds it does not know yet keep the validator's words inside a translated sentence.
 */
import { t } from '../i18n.ts';
import type { Problem } from './problem.ts';

export function problemLocation(p: Problem): string {
  if (p.line !== undefined) return `${p.file}:${p.line}:${p.column ?? 1}`;
  return p.path === '' ? p.file : `${p.file}: ${p.path}`;
}

function sentence(message: string): string {
  if (message.startsWith('not valid JSON')) return message.includes('ends too early') ? t('problemJsonTruncated') : t('problemJsonSyntax');
  const unknown = /^unknown (entity|source|side) "(.*)"$/u.exec(message);
  if (unknown) return t(unknown[1] === 'entity' ? 'problemUnknownEntity' : unknown[1] === 'source' ? 'problemUnknownSource' : 'problemUnknownSide', unknown[2]!);
  if (/newer than this OnRecord understands|made by a newer OnRecord/u.test(message)) return t('problemNewerFormat');
  return t('problemOther', message);
}

/** `bad.json: positions[2].actor: у файлі немає сутності «nobody»`. */
export function explainProblem(p: Problem): string {
  return `${problemLocation(p)}: ${sentence(p.message)}`;
}
