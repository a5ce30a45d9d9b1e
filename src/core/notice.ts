/**
 * The privacy notice (tietosuojaseloste) generated from the settings, so that what the notice
 * promises and what the software is set to do cannot drift apart: the controller, purposes,
 * sources, recipients and host come from `settings.notice`, the retention periods are the ones
 * the nightly sweep uses, and the key-personnel statement counts the people the server serves.
 * The result is one self-contained HTML page (no script, no external resource) to publish; every
 * value from the settings is escaped. Words are in src/core/texts/notice.ts (fi, sv, en).
 */
import type { Language } from './schema';
import type { Settings } from './settings';
import { NOTICE_SECTIONS, NOTICE_TEXTS, type NoticeSection, type NoticeTexts } from './texts/notice';

export { NOTICE_SECTIONS, type NoticeSection };

/** Text as HTML: the five characters that could open markup or end an attribute are escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** `template` with each `{name}` replaced by the escaped parameter; the template itself is escaped too. */
function fill(template: string, params: Record<string, string> = {}): string {
  return escapeHtml(template).replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? escapeHtml(params[name]) : m));
}

const p = (html: string) => `<p>${html}</p>`;
const ul = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;

export interface NoticeOptions {
  /** The day shown as "updated" (YYYY-MM-DD, the server's today); left out when not given. */
  date?: string;
}

/** `YYYY-MM-DD` as the language writes a date (d.M.yyyy in fi and sv, d Month yyyy in en). */
function formatDay(date: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (language === 'en') {
    const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][mo - 1];
    return `${d} ${month} ${y}`;
  }
  return `${d}.${mo}.${y}`;
}

/** Each section's body as HTML (escaped), in the order of NOTICE_SECTIONS. */
export function noticeSections(settings: Settings, language: Language): { id: NoticeSection; heading: string; html: string }[] {
  const t: NoticeTexts = NOTICE_TEXTS[language] ?? NOTICE_TEXTS.fi;
  const c = settings.controller;
  const contact = { email: c.email, address: c.address };
  const facts = settings.notice;
  const body: Record<NoticeSection, string> = {
    controller:
      p([c.name, c.address, c.email].filter((x) => x.trim() !== '').map(escapeHtml).join('<br>')) + p(fill(t.controllerContact, contact)),
    purposes:
      ul(facts.purposes.map((k) => escapeHtml(t.purpose[k]))) + (facts.purposes.includes('stakeholder-communication') ? p(escapeHtml(t.marketingRule)) : ''),
    content: p(escapeHtml(t.contentIntro)) + ul(t.contentFields.map(escapeHtml)) + p(escapeHtml(t.contentBookkeeping)),
    sources: p(escapeHtml(t.sourcesIntro)) + ul(facts.sources.map((s) => escapeHtml(t.source[s]))) + p(escapeHtml(t.sourcesRecorded)),
    disclosures:
      p(escapeHtml(t.disclosuresRule)) +
      (facts.recipients.length ? p(escapeHtml(t.disclosuresRecipients)) + ul(facts.recipients.map((r) => `${escapeHtml(r.name)} (${escapeHtml(r.country)})`)) : '') +
      p(escapeHtml(t.disclosuresLogged)),
    deletion: p(escapeHtml(t.deletionRule)) + p(escapeHtml(t.deletionOnDemand)),
    retention:
      p(escapeHtml(t.retentionRule)) +
      p(settings.retentionMonths > 0 ? fill(t.retentionPeriod, { period: t.months(settings.retentionMonths) }) : escapeHtml(t.retentionImmediate)) +
      p(escapeHtml(t.retentionHold)) +
      p(fill(t.retentionRequests, { period: t.months(settings.requestRetentionMonths) })),
    security:
      p(fill(t.securityRule, { host: facts.host })) + p(fill(t.securityKeyPersonnel, { people: t.people(settings.keyPersonnel.length) })),
    objection: p(escapeHtml(t.objectionRule)) + p(fill(t.objectionEffect, contact)),
    transfers: p(escapeHtml(t.transfersRule)),
    access: p(escapeHtml(t.accessRule)) + p(fill(t.accessHow, contact)),
    rectification: p(escapeHtml(t.rectificationRule)) + p(fill(t.rectificationHow, contact)),
    complaint: p(escapeHtml(t.complaintRule)),
  };
  return NOTICE_SECTIONS.map((id) => ({ id, heading: t.heading[id], html: body[id] }));
}

const STYLE =
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}' +
  'h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:1.6rem}.sub{color:#555;margin-top:0}' +
  '@media print{body{margin:0;max-width:none}}';

/**
 * The whole notice as a self-contained HTML page in `language`: every section of the original
 * notice with the settings' facts. Nothing in it runs or loads anything.
 */
export function privacyNotice(settings: Settings, language: Language, options: NoticeOptions = {}): string {
  const t = NOTICE_TEXTS[language] ?? NOTICE_TEXTS.fi;
  const lang = NOTICE_TEXTS[language] ? language : 'fi';
  const sections = noticeSections(settings, lang)
    .map((s) => `<section id="${s.id}" data-section="${s.id}"><h2>${escapeHtml(s.heading)}</h2>${s.html}</section>`)
    .join('\n');
  const updated = options.date ? `<p class="sub">${fill(t.updated, { date: formatDay(options.date, lang) })}</p>` : '';
  return (
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t.title)}: ${escapeHtml(settings.controller.name)}</title><style>${STYLE}</style></head>\n` +
    `<body><h1>${escapeHtml(t.title)}</h1><p class="sub">${escapeHtml(t.subtitle)}</p>${updated}\n${sections}\n</body></html>\n`
  );
}
