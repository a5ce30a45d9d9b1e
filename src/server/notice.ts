/**
 * The privacy notice as a page to publish (README "Retention, access and compliance"): made from
 * the settings by src/core/notice.ts, so the notice always states the retention periods, sources,
 * recipients and key personnel the register really runs with. Key personnel only (the admin
 * dialog shows it and offers it as a file); one read: the document properties, settings included.
 */
import * as v from 'valibot';
import { LANGUAGES, type Language } from '../core/schema';
import { privacyNotice as renderNotice } from '../core/notice';
import { requireRole } from './context';
import { parseInput } from './inputs';

const NOTICE_INPUT = v.nullish(v.object({ language: v.optional(v.picklist(LANGUAGES as readonly Language[])) }));

/** The file name an admin saves the page as, in the notice's language. */
const FILE_NAME: Record<Language, string> = { fi: 'tietosuojaseloste.html', sv: 'dataskyddsbeskrivning.html', en: 'privacy-notice.html' };

/** `{html, fileName}`: the notice in `language` (the register's language when left out), dated today. */
export function privacyNotice(input?: { language?: Language }): { html: string; fileName: string; language: Language } {
  const ctx = requireRole('staff');
  const parsed = parseInput(NOTICE_INPUT, input, () => ctx.language);
  const language = parsed?.language ?? ctx.language;
  return { html: renderNotice(ctx.settings, language, { date: ctx.today }), fileName: FILE_NAME[language], language };
}
