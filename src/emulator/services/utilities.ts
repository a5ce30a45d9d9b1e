/**
 * Utilities: dates formatted with Java SimpleDateFormat patterns, blobs, digests, base64, CSV,
 * UUIDs and `sleep` (which spends modelled time). Byte arrays are Java's: signed, -128..127.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Execution } from '../execution';
import { isDate } from '../guest';
import { EnumFamily, enumFamily, enumName } from './enum';

type U = GoogleAppsScript.Utilities.Utilities;
type GasBlob = GoogleAppsScript.Base.Blob;

/** Utilities' enums (reference pages "Enum DigestAlgorithm", "Enum MacAlgorithm", "Enum Charset"), built as every emulated enum is. */
const DIGEST_ALGORITHMS = ['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512'] as const;
const MAC_ALGORITHMS = ['HMAC_MD5', 'HMAC_SHA_1', 'HMAC_SHA_256', 'HMAC_SHA_384', 'HMAC_SHA_512'] as const;
const CHARSETS = ['US_ASCII', 'UTF_8'] as const;

const NODE_DIGEST: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };
const NODE_HMAC: Record<string, string> = { HMAC_MD5: 'md5', HMAC_SHA_1: 'sha1', HMAC_SHA_256: 'sha256', HMAC_SHA_384: 'sha384', HMAC_SHA_512: 'sha512' };

/** Longest Utilities.sleep Apps Script allows. */
export const MAX_SLEEP_MS = 300_000;

/** Java's signed bytes of a buffer. */
export function signedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

/** A buffer from a script's byte array (signed or unsigned numbers, any realm). */
export function bytesToBuffer(bytes: unknown): Buffer {
  if (!Array.isArray(bytes)) throw new Error('not a byte array');
  return Buffer.from(bytes.map((b) => Number(b) & 0xff));
}

/** A string's bytes: UTF-8, or US-ASCII with '?' for what it cannot hold. */
function encodeString(s: string, ascii: boolean): Buffer {
  return ascii ? Buffer.from(s.replace(/[^\x00-\x7f]/g, '?'), 'latin1') : Buffer.from(s, 'utf8');
}

function decodeBuffer(buf: Buffer, charset?: unknown): string {
  const c = String(charset ?? 'UTF-8').toUpperCase().replace('_', '-');
  if (c === 'US-ASCII' || c === 'ISO-8859-1' || c === 'LATIN1') return buf.toString('latin1');
  return buf.toString('utf8');
}

/** Anything blob-like a script may pass where Apps Script takes a BlobSource. */
export interface BlobLike {
  getBytes(): unknown;
  getContentType(): string | null;
  getName(): string | null;
}

/** The bytes, type and name of a blob-like value (our Blob, or anything with the Blob getters). */
export function readBlob(value: unknown): { bytes: Buffer; contentType: string; name: string } | null {
  if (value instanceof BlobImpl) return { bytes: Buffer.from(value.data), contentType: value.contentType ?? '', name: value.name ?? '' };
  const v = value as Partial<BlobLike> & { getBlob?: () => unknown };
  if (v && typeof v === 'object' && typeof v.getBytes === 'function') {
    return {
      bytes: bytesToBuffer(v.getBytes()),
      contentType: String(typeof v.getContentType === 'function' ? (v.getContentType() ?? '') : ''),
      name: String(typeof v.getName === 'function' ? (v.getName() ?? '') : ''),
    };
  }
  if (v && typeof v === 'object' && typeof v.getBlob === 'function') return readBlob(v.getBlob());
  return null;
}

const TYPES_BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain', csv: 'text/csv', json: 'application/json', html: 'text/html', htm: 'text/html',
  pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', xml: 'application/xml',
  zip: 'application/zip',
};

/** Base.Blob: bytes with a content type and a name. Its methods are local (free). */
export class BlobImpl
  implements
    Pick<
      GasBlob,
      | 'copyBlob' | 'getAs' | 'getBlob' | 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName'
      | 'isGoogleType' | 'setBytes' | 'setContentType' | 'setContentTypeFromExtension' | 'setDataFromString' | 'setName'
    >
{
  constructor(
    private readonly exec: Execution,
    public data: Buffer,
    public contentType: string | null,
    public name: string | null,
  ) {}

  private call(method: string): void {
    this.exec.call('Free', `Blob.${method}`);
  }

  copyBlob(): GasBlob {
    this.call('copyBlob');
    return new BlobImpl(this.exec, Buffer.from(this.data), this.contentType, this.name) as unknown as GasBlob;
  }

  getAs(contentType: string): GasBlob {
    this.call('getAs');
    if (contentType !== this.contentType) {
      throw this.exec.guest.error(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    }
    return new BlobImpl(this.exec, Buffer.from(this.data), this.contentType, this.name) as unknown as GasBlob;
  }

  getBlob(): GasBlob {
    this.call('getBlob');
    return this as unknown as GasBlob;
  }

  getBytes(): number[] {
    this.call('getBytes');
    return this.exec.guest.array(signedBytes(this.data));
  }

  getContentType(): string | null {
    this.call('getContentType');
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    this.call('getDataAsString');
    return decodeBuffer(this.data, charset);
  }

  getName(): string | null {
    this.call('getName');
    return this.name;
  }

  isGoogleType(): boolean {
    this.call('isGoogleType');
    return false;
  }

  setBytes(data: GoogleAppsScript.Byte[]): GasBlob {
    this.call('setBytes');
    this.data = bytesToBuffer(data);
    return this as unknown as GasBlob;
  }

  setContentType(contentType: string | null): GasBlob {
    this.call('setContentType');
    this.contentType = contentType;
    return this as unknown as GasBlob;
  }

  setContentTypeFromExtension(): GasBlob {
    this.call('setContentTypeFromExtension');
    const ext = /\.([^.]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase() ?? '';
    const type = TYPES_BY_EXTENSION[ext];
    if (!type) throw this.exec.guest.error(`Could not infer the content type of ${this.name}.`);
    this.contentType = type;
    return this as unknown as GasBlob;
  }

  setDataFromString(s: string, charset?: string): GasBlob {
    this.call('setDataFromString');
    this.data = encodeString(String(s), charset === 'US-ASCII');
    return this as unknown as GasBlob;
  }

  setName(name: string): GasBlob {
    this.call('setName');
    this.name = String(name);
    return this as unknown as GasBlob;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  offsetMin: number;
  zoneName: string;
}

/** Parses Java's "GMT+02:00" style ids, which Intl does not take. */
function fixedOffset(tz: string): number | null {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return tz === 'GMT' || tz === 'UTC' ? 0 : null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

function zoned(ms: number, tz: string): ZonedParts {
  const fixed = fixedOffset(tz);
  if (fixed === null) {
    try {
      const fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
        hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short', timeZoneName: 'short',
      });
      const parts = fmt.formatToParts(new Date(ms));
      const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
      const year = Number(get('year'));
      const month = Number(get('month'));
      const day = Number(get('day'));
      const hour = Number(get('hour'));
      const minute = Number(get('minute'));
      const second = Number(get('second'));
      const local = Date.UTC(year, month - 1, day, hour, minute, second);
      const offsetMin = Math.round((local - Math.floor(ms / 1000) * 1000) / 60000);
      const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
      return { year, month, day, hour, minute, second, weekday, offsetMin, zoneName: get('timeZoneName') };
    } catch {
      // Java's TimeZone.getTimeZone falls back to GMT for an unknown id; so does Apps Script.
      return zoned(ms, 'GMT');
    }
  }
  const d = new Date(ms + fixed * 60000);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay(), offsetMin: fixed,
    zoneName: fixed === 0 ? 'GMT' : `GMT${formatOffset(fixed, true)}`,
  };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function formatOffset(min: number, colon: boolean): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Java SimpleDateFormat (English symbols, as Apps Script uses). */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const p = zoned(ms, tz);
  const millis = ((ms % 1000) + 1000) % 1000;
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(millis, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'D': {
        const doy = Math.round((Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 86_400_000) + 1;
        out += pad(doy, n);
        break;
      }
      case 'z':
        out += p.zoneName;
        break;
      case 'Z':
        out += formatOffset(p.offsetMin, false);
        break;
      case 'X':
        if (p.offsetMin === 0) out += 'Z';
        else if (n === 1) out += formatOffset(p.offsetMin, false).slice(0, 3);
        else out += formatOffset(p.offsetMin, n >= 3);
        break;
      default:
        throw new Error(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}

/** sprintf-lite: %s %d %i %f %.Nf %x %%, with width and zero padding. */
export function formatStringLite(template: string, args: unknown[]): string {
  let k = 0;
  return template.replace(/%([-0]?)(\d*)(?:\.(\d+))?([sdifx%])/g, (whole, flag: string, width: string, prec: string, conv: string) => {
    if (conv === '%') return '%';
    const v = args[k++];
    let s: string;
    switch (conv) {
      case 'd':
      case 'i':
        s = String(Math.trunc(Number(v)));
        break;
      case 'f':
        s = Number(v).toFixed(prec === undefined ? 6 : Number(prec));
        break;
      case 'x':
        s = Math.trunc(Number(v)).toString(16);
        break;
      default:
        s = prec === undefined ? String(v) : String(v).slice(0, Number(prec));
    }
    const w = Number(width || 0);
    if (s.length < w) {
      if (flag === '-') s = s + ' '.repeat(w - s.length);
      else if (flag === '0' && conv !== 's') s = (s.startsWith('-') ? '-' : '') + '0'.repeat(w - s.length) + s.replace(/^-/, '');
      else s = ' '.repeat(w - s.length) + s;
    }
    void whole;
    return s;
  });
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF rows. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < csv.length) {
    const c = csv[i];
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

type UtilitiesApi = Pick<
  U,
  | 'formatDate' | 'formatString' | 'newBlob' | 'computeDigest' | 'computeHmacSha256Signature' | 'computeHmacSignature'
  | 'base64Encode' | 'base64EncodeWebSafe' | 'base64Decode' | 'base64DecodeWebSafe' | 'getUuid' | 'sleep' | 'parseCsv'
>;

class UtilitiesImpl implements UtilitiesApi {
  readonly DigestAlgorithm: U['DigestAlgorithm'];
  readonly MacAlgorithm: U['MacAlgorithm'];
  readonly Charset: U['Charset'];

  constructor(private readonly exec: Execution) {
    const gas = <T>(e: EnumFamily): T => e as unknown as T;
    this.DigestAlgorithm = gas(enumFamily(exec, 'Utilities.DigestAlgorithm', DIGEST_ALGORITHMS));
    this.MacAlgorithm = gas(enumFamily(exec, 'Utilities.MacAlgorithm', MAC_ALGORITHMS));
    this.Charset = gas(enumFamily(exec, 'Utilities.Charset', CHARSETS));
  }

  private call(method: string): void {
    this.exec.call('Free', `Utilities.${method}`);
  }

  private signatureError(method: string, args: unknown[]): Error {
    const names = args.map((a) => (isDate(a) ? 'Date' : Array.isArray(a) ? 'number[]' : a === null ? 'null' : typeof a === 'object' ? 'Object' : typeof a === 'string' ? 'String' : typeof a === 'number' ? 'number' : typeof a));
    return this.exec.guest.error(`The parameters (${names.join(',')}) don't match the method signature for Utilities.${method}.`);
  }

  /** The name of an enum argument of `family` ("DigestAlgorithm"): the enum value only, never the bare string. */
  private enumArg(method: string, family: 'DigestAlgorithm' | 'MacAlgorithm' | 'Charset', value: unknown, args: unknown[]): string {
    const name = enumName(value, `Utilities.${family}`);
    if (name === null) throw this.signatureError(method, args);
    return name;
  }

  /** Bytes of a string (in a Utilities.Charset, UTF-8 when none is given) or of a byte array. */
  private bytesOf(method: string, value: unknown, charset?: unknown): Buffer {
    const ascii = charset !== undefined && this.enumArg(method, 'Charset', charset, [value, charset]) === 'US_ASCII';
    if (typeof value === 'string') return encodeString(value, ascii);
    if (Array.isArray(value)) return bytesToBuffer(value);
    throw this.signatureError(method, [value]);
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.call('formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.signatureError('formatDate', [date, timeZone, format]);
    }
    const ms = (date as Date).getTime();
    if (Number.isNaN(ms)) throw this.exec.guest.error('Invalid argument: date');
    try {
      return formatJavaDate(ms, timeZone, format);
    } catch (e) {
      throw this.exec.guest.error(`Invalid argument: format (${(e as Error).message})`);
    }
  }

  formatString(template: string, ...args: unknown[]): string {
    this.call('formatString');
    return formatStringLite(String(template), args);
  }

  newBlob(data: string | GoogleAppsScript.Byte[], contentType?: string, name?: string): GasBlob {
    this.call('newBlob');
    const buf = this.bytesOf('newBlob', data);
    return new BlobImpl(this.exec, buf, contentType ?? null, name ?? null) as unknown as GasBlob;
  }

  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: string | GoogleAppsScript.Byte[], charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.call('computeDigest');
    const name = this.enumArg('computeDigest', 'DigestAlgorithm', algorithm, [algorithm, value]);
    const alg = NODE_DIGEST[name];
    if (!alg) throw this.exec.guest.error(`Emulator: digest algorithm ${name} is not supported`);
    const digest = createHash(alg).update(this.bytesOf('computeDigest', value, charset)).digest();
    return this.exec.guest.array(signedBytes(digest));
  }

  computeHmacSha256Signature(value: string | GoogleAppsScript.Byte[], key: string | GoogleAppsScript.Byte[], charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.call('computeHmacSha256Signature');
    return this.hmac('sha256', value, key, charset);
  }

  computeHmacSignature(algorithm: GoogleAppsScript.Utilities.MacAlgorithm, value: string | GoogleAppsScript.Byte[], key: string | GoogleAppsScript.Byte[], charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.call('computeHmacSignature');
    const alg = NODE_HMAC[this.enumArg('computeHmacSignature', 'MacAlgorithm', algorithm, [algorithm, value, key])];
    return this.hmac(alg, value, key, charset);
  }

  private hmac(alg: string, value: unknown, key: unknown, charset?: unknown): number[] {
    const mac = createHmac(alg, this.bytesOf('computeHmacSignature', key, charset))
      .update(this.bytesOf('computeHmacSignature', value, charset))
      .digest();
    return this.exec.guest.array(signedBytes(mac));
  }

  base64Encode(data: string | GoogleAppsScript.Byte[], charset?: GoogleAppsScript.Utilities.Charset): string {
    this.call('base64Encode');
    return this.bytesOf('base64Encode', data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | GoogleAppsScript.Byte[], charset?: GoogleAppsScript.Utilities.Charset): string {
    this.call('base64EncodeWebSafe');
    return this.bytesOf('base64EncodeWebSafe', data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.call('base64Decode');
    return this.decode(String(encoded), /^[A-Za-z0-9+/]*={0,2}$/);
  }

  base64DecodeWebSafe(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    this.call('base64DecodeWebSafe');
    return this.decode(String(encoded), /^[A-Za-z0-9_-]*={0,2}$/);
  }

  private decode(encoded: string, alphabet: RegExp): number[] {
    const clean = encoded.replace(/\s+/g, '');
    if (!alphabet.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) throw this.exec.guest.error('Could not decode string.');
    return this.exec.guest.array(signedBytes(Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64')));
  }

  getUuid(): string {
    this.call('getUuid');
    return randomUUID();
  }

  sleep(milliseconds: number): void {
    this.call('sleep');
    const ms = Number(milliseconds);
    if (!(ms >= 0)) throw this.exec.guest.error('Invalid argument: milliseconds');
    if (ms > MAX_SLEEP_MS) throw this.exec.guest.error(`Sleep time exceeds maximum allowed (${MAX_SLEEP_MS} milliseconds).`);
    this.exec.addTime(ms);
  }

  parseCsv(csv: string, delimiter?: string): string[][] {
    this.call('parseCsv');
    return this.exec.guest.deep(parseCsvText(String(csv), delimiter ?? ',')) as string[][];
  }
}

export function createUtilities(exec: Execution): object {
  return new UtilitiesImpl(exec);
}
