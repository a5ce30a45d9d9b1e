/**
 * The access copy (GDPR 15) and the portability copy (GDPR 20), built from plain data: the
 * person's record, the disclosure log's entries for them, their requests, the controller and the
 * retention setting. Pure: no clock (the moment is an argument), no service. The access copy is
 * three files — a readable, self-contained HTML page in the request's language (inline styles,
 * no script, no external resource, every value HTML-escaped), the same content as JSON, and as
 * CSV made safe by core/csv.ts — carrying everything Article 15 lists: the data, the purposes,
 * the categories, the recipients (from the disclosure log), the retention period, the source,
 * the rights, transfers outside the EEA, that no automated decisions are made, and the right to
 * complain to Tietosuojavaltuutettu. The portability copy is what the person gave, as JSON and CSV.
 */
import type { Customer, CustomerField } from '../customer';
import type { Controller } from '../settings';
import { REGISTER_TAB } from '../schema';
import { toCsv } from '../csv';
import { isInsideEuEea } from '../validation';
import { COPY_TEXTS, OMBUDSMAN, type CopyTexts } from '../texts/fulfil';
import type { RequestLanguage, RequestStatus, RequestType } from './model';
import { REQUEST_STATUS_TEXT, REQUEST_TYPE_TEXT, REQUEST_TEXTS_EN, REQUEST_TEXTS_FI, REQUEST_TEXTS_SV } from '../texts/requests';

/** One entry of the disclosure log, as listDisclosures gives it. */
export interface DisclosureEntry {
  date: string;
  recipient: string;
  recipientCountry: string;
  basis: string;
  basisReference: string;
  /** Comma-joined categories. */
  dataCategories: string;
}

/** One of the person's requests, as the copy lists it. */
export interface RequestEntry {
  id: string;
  receivedAt: string;
  type: RequestType;
  status: RequestStatus;
}

export interface CopyInput {
  language: RequestLanguage;
  requestId: string;
  /** ISO instant the copy is made (the call's `now`). */
  now: string;
  /** The register's time zone: instants are shown as its local time. */
  timeZone: string;
  controller: Controller;
  retentionMonths: number;
  customer: Customer;
  disclosures: readonly DisclosureEntry[];
  requests?: readonly RequestEntry[];
}

/** A file to attach: name, MIME type and text (UTF-8). */
export interface CopyFile {
  name: string;
  contentType: string;
  content: string;
}

/**
 * The record's fields a copy shows: everything about the person, not the staff who wrote it
 * (createdBy/updatedBy are key personnel's addresses, someone else's data) nor the version.
 */
export const COPY_FIELDS: readonly CustomerField[] = [
  'customerNumber', 'kind', 'customerType', 'name', 'email', 'phone', 'street', 'postalCode', 'city', 'country', 'source', 'sourceNote',
  'marketingBasis', 'marketingConsentAt', 'marketingBannedAt', 'relationshipStart', 'relationshipEnd', 'legalHoldUntil', 'legalHoldReason',
  'restrictedAt', 'outsideEeaTransferRequest', 'createdAt', 'updatedAt',
];

/** What the person gave (GDPR 20 covers data "provided by" them): contact data and their marketing consent. */
export const PORTABLE_FIELDS: readonly CustomerField[] = ['name', 'email', 'phone', 'street', 'postalCode', 'city', 'country', 'marketingConsentAt'];

const CODED: readonly CustomerField[] = ['kind', 'customerType', 'source', 'marketingBasis'];
const INSTANTS: readonly CustomerField[] = ['marketingConsentAt', 'marketingBannedAt', 'restrictedAt', 'createdAt', 'updatedAt'];
const DATES: readonly CustomerField[] = ['relationshipStart', 'relationshipEnd', 'legalHoldUntil'];

/** Text safe inside HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const fill = (s: string, params: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/** 'YYYY-MM-DD' as the register shows a date, d.M.yyyy (the sheet's own format, in every language). */
export function showDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : date;
}

/** An ISO instant as local date and time in `timeZone` ("1.12.2026 14.05"). */
export function showInstant(iso: string, timeZone: string, language: RequestLanguage): string {
  const at = new Date(iso);
  if (!iso || Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const sep = language === 'en' ? ':' : '.';
  return `${Number(get('day'))}.${Number(get('month'))}.${get('year')} ${get('hour')}${sep}${get('minute')}`;
}

function label(field: CustomerField, language: RequestLanguage): string {
  return REGISTER_TAB.columns.find((c) => c.key === field)?.header[language] ?? field;
}

/** A field's value as a person reads it: codes in words, dates and instants in local form. */
function shown(c: Customer, field: CustomerField, t: CopyTexts, input: CopyInput): string {
  const raw = String(c[field] ?? '');
  if (raw === '') return '';
  if (CODED.includes(field)) return t.codes[raw] ?? raw;
  if (INSTANTS.includes(field)) return showInstant(raw, input.timeZone, input.language);
  if (DATES.includes(field)) return showDate(raw);
  return raw;
}

const REQUEST_WORDS = { fi: REQUEST_TEXTS_FI, sv: REQUEST_TEXTS_SV, en: REQUEST_TEXTS_EN } as const;

function categoriesOf(d: DisclosureEntry): string[] {
  return d.dataCategories.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** The category words of a disclosure, in the copy's language (name → nimi …). */
function categoryWords(d: DisclosureEntry, t: CopyTexts): string {
  const order = ['name', 'email', 'phone', 'address', 'customerNumber'];
  return categoriesOf(d).map((c) => (order.indexOf(c) >= 0 ? t.categories[order.indexOf(c)] : c)).join(', ');
}

/** Everything the copy says, once, for the three renderings. */
function content(input: CopyInput) {
  const t = COPY_TEXTS[input.language];
  const c = input.customer;
  const data = COPY_FIELDS.map((f) => ({ field: f, label: label(f, input.language), value: String(c[f] ?? ''), shown: shown(c, f, t, input) }));
  const outside = input.disclosures.filter((d) => d.recipientCountry && !isInsideEuEea(d.recipientCountry));
  const countries = [...new Set(outside.map((d) => d.recipientCountry))];
  const retention = fill(t.retention, { months: input.retentionMonths });
  const hold = c.legalHoldUntil ? fill(t.retentionHold, { until: showDate(c.legalHoldUntil), reason: c.legalHoldReason || '–' }) : '';
  const source = `${t.sourceWords[c.source === 'public' ? 'public' : 'subject']}${c.sourceNote ? ` (${c.sourceNote})` : ''}`;
  const transfers = countries.length ? fill(t.transfersSome, { countries: countries.join(', ') }) : t.transfersNone;
  const words = REQUEST_WORDS[input.language];
  const requests = (input.requests ?? []).map((r) => ({
    ...r,
    received: showInstant(r.receivedAt, input.timeZone, input.language),
    typeWord: words[REQUEST_TYPE_TEXT[r.type]],
    statusWord: words[REQUEST_STATUS_TEXT[r.status]],
  }));
  return { t, data, outside, countries, retention, hold, source, transfers, requests };
}

const STYLE = [
  'body{font-family:Arial,Helvetica,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#202124;line-height:1.45}',
  'h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #dadce0;padding-bottom:.2em}',
  'table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;border:1px solid #dadce0;padding:.3em .5em}',
  'th{background:#f1f3f4}.muted{color:#5f6368}',
].join('');

/** The readable copy: one self-contained HTML page, every value escaped. */
export function accessCopyHtml(input: CopyInput): string {
  const { t, data, retention, hold, source, transfers, requests } = content(input);
  const e = escapeHtml;
  const k = input.controller;
  const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
  const row = (cells: readonly string[], tag = 'td') => `<tr>${cells.map((v) => `<${tag}>${e(v)}</${tag}>`).join('')}</tr>`;
  const dataRows = data.map((d) => row([d.label, d.shown || t.empty])).join('');
  const cols = t.recipientColumns;
  const disclosureTable = input.disclosures.length
    ? `<table>${row([cols.date, cols.recipient, cols.country, cols.basis, cols.reference, cols.categories], 'th')}${input.disclosures
        .map((d) => row([showDate(d.date), d.recipient, d.recipientCountry, t.basisWords[d.basis === 'authority' ? 'authority' : 'consent'], d.basisReference, categoryWords(d, t)]))
        .join('')}</table>`
    : `<p>${e(t.recipientsNone)}</p>`;
  const rc = t.requestColumns;
  const requestTable = requests.length
    ? `<h2>${e(t.requestsHeading)}</h2><table>${row([rc.id, rc.received, rc.type, rc.status], 'th')}${requests.map((r) => row([r.id, r.received, r.typeWord, r.statusWord])).join('')}</table>`
    : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(t.htmlLang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(t.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(t.title)}</h1>`,
    `<p>${e(t.intro)}</p>`,
    `<p class="muted">${e(t.reference)}: ${e(input.requestId)} · ${e(t.generated)}: ${e(showInstant(input.now, input.timeZone, input.language))}</p>`,
    `<h2>${e(t.controllerHeading)}</h2><p>${e(k.name)}<br>${e(k.address)}<br>${e(k.email)}</p>`,
    `<h2>${e(t.dataHeading)}</h2><p>${e(t.dataIntro)}</p><table>${row([t.field, t.value], 'th')}${dataRows}</table>`,
    `<h2>${e(t.purposesHeading)}</h2>${list(t.purposes)}`,
    `<h2>${e(t.categoriesHeading)}</h2>${list(t.categories)}`,
    `<h2>${e(t.recipientsHeading)}</h2><p>${e(t.recipientsPolicy)}</p>${disclosureTable}<p>${e(t.processor)}</p>`,
    `<h2>${e(t.retentionHeading)}</h2><p>${e(retention)}</p>${hold ? `<p>${e(hold)}</p>` : ''}`,
    `<h2>${e(t.sourceHeading)}</h2><p>${e(source)}</p>`,
    `<h2>${e(t.transfersHeading)}</h2><p>${e(transfers)}</p>`,
    `<h2>${e(t.automatedHeading)}</h2><p>${e(t.automated)}</p>`,
    `<h2>${e(t.rightsHeading)}</h2>${list(t.rights)}`,
    `<h2>${e(t.complaintHeading)}</h2><p>${e(t.complaint)}<br>${e(OMBUDSMAN[input.language])}</p>`,
    requestTable,
    '</body></html>',
  ].join('\n');
}

const disclosureJson = (d: DisclosureEntry) => ({
  date: d.date, recipient: d.recipient, recipientCountry: d.recipientCountry, basis: d.basis, basisReference: d.basisReference, dataCategories: categoriesOf(d),
});

/** The copy as JSON: the data by field key (machine-readable), the explanations in the request's language. */
export function accessCopyJson(input: CopyInput): string {
  const { t, data, outside, retention, hold, source, transfers, requests } = content(input);
  const c = input.customer;
  return JSON.stringify({
    document: t.title,
    language: input.language,
    requestId: input.requestId,
    generatedAt: input.now,
    controller: { ...input.controller },
    data: Object.fromEntries(data.map((d) => [d.field, d.value])),
    labels: Object.fromEntries(data.map((d) => [d.field, d.label])),
    purposes: [...t.purposes],
    categories: [...t.categories],
    recipients: { policy: t.recipientsPolicy, disclosures: input.disclosures.map(disclosureJson), processor: t.processor },
    retention: { text: retention, retentionMonthsAfterRelationship: input.retentionMonths, legalHold: c.legalHoldUntil ? { until: c.legalHoldUntil, reason: c.legalHoldReason, text: hold } : null },
    source: { type: c.source, text: source, note: c.sourceNote },
    rights: [...t.rights],
    transfersOutsideEea: { text: transfers, disclosures: outside.map(disclosureJson) },
    automatedDecisionMaking: { used: false, text: t.automated },
    complaint: { text: t.complaint, authority: OMBUDSMAN[input.language] },
    requests: requests.map((r) => ({ id: r.id, receivedAt: r.receivedAt, type: r.type, status: r.status })),
  }, null, 2);
}

/** The copy as CSV (";" and a BOM: Finnish Excel), every cell disarmed by core/csv.ts. */
export function accessCopyCsv(input: CopyInput): string {
  const { t, data, retention, hold, source, transfers, requests } = content(input);
  const cols = t.recipientColumns;
  const rows: (string | number)[][] = [[t.csvSection.data, t.field, t.value]];
  for (const d of data) rows.push([t.csvSection.data, d.label, d.shown]);
  for (const d of input.disclosures) {
    rows.push([t.csvSection.disclosure, `${cols.date} ${showDate(d.date)}`, `${d.recipient} (${d.recipientCountry}); ${t.basisWords[d.basis === 'authority' ? 'authority' : 'consent']} ${d.basisReference}; ${categoryWords(d, t)}`]);
  }
  for (const r of requests) rows.push([t.csvSection.request, `${r.id} ${r.received}`, `${r.typeWord}: ${r.statusWord}`]);
  rows.push([t.purposesHeading, '', t.purposes.join('; ')]);
  rows.push([t.categoriesHeading, '', t.categories.join(', ')]);
  rows.push([t.recipientsHeading, '', `${t.recipientsPolicy} ${input.disclosures.length ? '' : t.recipientsNone} ${t.processor}`.replace(/\s+/g, ' ').trim()]);
  rows.push([t.retentionHeading, '', `${retention}${hold ? ` ${hold}` : ''}`]);
  rows.push([t.sourceHeading, '', source]);
  rows.push([t.transfersHeading, '', transfers]);
  rows.push([t.automatedHeading, '', t.automated]);
  rows.push([t.rightsHeading, '', t.rights.join('; ')]);
  rows.push([t.complaintHeading, '', `${t.complaint} ${OMBUDSMAN[input.language]}`]);
  return toCsv(rows, { separator: ';', bom: true });
}

/** The three files of an access copy, named in the request's language (ASCII names). */
export function accessCopyFiles(input: CopyInput): CopyFile[] {
  const stem = `${COPY_TEXTS[input.language].fileStem}-${input.customer.customerNumber}`;
  return [
    { name: `${stem}.html`, contentType: 'text/html', content: accessCopyHtml(input) },
    { name: `${stem}.json`, contentType: 'application/json', content: accessCopyJson(input) },
    { name: `${stem}.csv`, contentType: 'text/csv', content: accessCopyCsv(input) },
  ];
}

/** The portability copy: what the person gave, by field key, as JSON and CSV ("," for import into other tools). */
export function portabilityFiles(input: Pick<CopyInput, 'language' | 'requestId' | 'now' | 'controller' | 'customer'>): CopyFile[] {
  const c = input.customer;
  const stem = `${COPY_TEXTS[input.language].portabilityStem}-${c.customerNumber}`;
  const given = Object.fromEntries(PORTABLE_FIELDS.map((f) => [f, String(c[f] ?? '')]));
  const json = JSON.stringify({ controller: input.controller.name, requestId: input.requestId, generatedAt: input.now, customerNumber: c.customerNumber, data: given }, null, 2);
  const csv = toCsv([['customerNumber', ...PORTABLE_FIELDS], [c.customerNumber, ...PORTABLE_FIELDS.map((f) => String(c[f] ?? ''))]], { separator: ',', bom: true });
  return [
    { name: `${stem}.json`, contentType: 'application/json', content: json },
    { name: `${stem}.csv`, contentType: 'text/csv', content: csv },
  ];
}
