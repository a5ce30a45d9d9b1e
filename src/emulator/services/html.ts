/**
 * HtmlService: HtmlOutput and HtmlTemplate. Templates compile their scriptlets — `<?= ?>`
 * (escaped), `<?!= ?>` (raw) and `<? ?>` (statements) — to JavaScript that runs in the script's
 * own context, so scriptlets see the script's globals and the variables set on the template.
 */
import type { Execution } from '../execution';
import { enumFamily, enumName, signatureMismatch } from './enum';
import { BlobImpl, readBlob } from './utilities';

type Out = GoogleAppsScript.HTML.HtmlOutput;
type Tpl = GoogleAppsScript.HTML.HtmlTemplate;

/** HtmlService's enums (reference "Enum SandboxMode", "Enum XFrameOptionsMode"), built as every emulated enum is. */
const SANDBOX_MODES = ['EMULATED', 'IFRAME', 'NATIVE'] as const;
const XFRAME_OPTIONS_MODES = ['ALLOWALL', 'DEFAULT'] as const;
const META_TAGS = ['apple-mobile-web-app-capable', 'google-site-verification', 'mobile-web-app-capable', 'viewport'];

/** What the escaping scriptlet `<?= ?>` does to a value. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function printable(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

/** What a dialog or sidebar shows, read without metering (for SpreadsheetApp.getUi()). */
export interface HtmlOutputState {
  content: string;
  title: string;
  width: number;
  height: number;
  sandboxMode: string;
  xFrameOptionsMode: string;
  faviconUrl: string;
  metaTags: { name: string; content: string }[];
}

const outputStates = new WeakMap<object, HtmlOutputState>();

/** The state of an HtmlOutput the script passes to showSidebar/showModalDialog, or null. */
export function htmlOutputState(value: unknown): HtmlOutputState | null {
  return value && typeof value === 'object' ? (outputStates.get(value) ?? null) : null;
}

class HtmlOutputImpl
  implements
    Pick<
      Out,
      | 'getContent' | 'setContent' | 'append' | 'appendUntrusted' | 'clear' | 'setTitle' | 'getTitle' | 'setWidth' | 'getWidth'
      | 'setHeight' | 'getHeight' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag' | 'setFaviconUrl' | 'getFaviconUrl'
      | 'asTemplate' | 'getBlob' | 'getAs'
    >
{
  constructor(
    private readonly exec: Execution,
    content: string,
  ) {
    outputStates.set(this, {
      content,
      title: '',
      width: 600,
      height: 400,
      sandboxMode: 'IFRAME',
      xFrameOptionsMode: 'DEFAULT',
      faviconUrl: '',
      metaTags: [],
    });
  }

  private s(method: string): HtmlOutputState {
    this.exec.call('Free', `HtmlOutput.${method}`);
    return outputStates.get(this)!;
  }

  private self(): Out {
    return this as unknown as Out;
  }

  getContent(): string {
    return this.s('getContent').content;
  }

  setContent(content: string): Out {
    this.s('setContent').content = printable(content);
    return this.self();
  }

  append(addedContent: string): Out {
    this.s('append').content += printable(addedContent);
    return this.self();
  }

  appendUntrusted(addedContent: string): Out {
    this.s('appendUntrusted').content += escapeHtml(printable(addedContent));
    return this.self();
  }

  clear(): Out {
    this.s('clear').content = '';
    return this.self();
  }

  setTitle(title: string): Out {
    this.s('setTitle').title = printable(title);
    return this.self();
  }

  getTitle(): string {
    return this.s('getTitle').title;
  }

  private size(method: string, v: unknown): number {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw this.exec.guest.error(`Invalid argument: ${method === 'setWidth' ? 'width' : 'height'}`);
    return n;
  }

  setWidth(width: number): Out {
    this.s('setWidth').width = this.size('setWidth', width);
    return this.self();
  }

  getWidth(): number {
    return this.s('getWidth').width;
  }

  setHeight(height: number): Out {
    this.s('setHeight').height = this.size('setHeight', height);
    return this.self();
  }

  getHeight(): number {
    return this.s('getHeight').height;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): Out {
    const s = this.s('setSandboxMode');
    // The enum value only: the bare string 'IFRAME' does not match the signature.
    if (enumName(mode, 'HtmlService.SandboxMode') === null) throw signatureMismatch(this.exec, 'HtmlService.HtmlOutput.setSandboxMode', [mode]);
    // Google serves every mode as IFRAME now.
    s.sandboxMode = 'IFRAME';
    return this.self();
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): Out {
    const s = this.s('setXFrameOptionsMode');
    const name = enumName(mode, 'HtmlService.XFrameOptionsMode');
    if (name === null) throw signatureMismatch(this.exec, 'HtmlService.HtmlOutput.setXFrameOptionsMode', [mode]);
    s.xFrameOptionsMode = name;
    return this.self();
  }

  addMetaTag(name: string, content: string): Out {
    const s = this.s('addMetaTag');
    if (!META_TAGS.includes(String(name))) throw this.exec.guest.error(`Invalid argument: name (meta tag "${name}" is not allowed)`);
    s.metaTags.push({ name: String(name), content: printable(content) });
    return this.self();
  }

  setFaviconUrl(iconUrl: string): Out {
    this.s('setFaviconUrl').faviconUrl = printable(iconUrl);
    return this.self();
  }

  getFaviconUrl(): string {
    return this.s('getFaviconUrl').faviconUrl;
  }

  asTemplate(): Tpl {
    return newTemplate(this.exec, this.s('asTemplate').content);
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    const s = this.s('getBlob');
    return new BlobImpl(this.exec, Buffer.from(s.content, 'utf8'), 'text/html', s.title || null) as unknown as GoogleAppsScript.Base.Blob;
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const s = this.s('getAs');
    if (contentType !== 'text/html') throw this.exec.guest.error(`Converting from text/html to ${contentType} is not supported.`);
    return new BlobImpl(this.exec, Buffer.from(s.content, 'utf8'), 'text/html', s.title || null) as unknown as GoogleAppsScript.Base.Blob;
  }
}

/** Compiles a template to the body of `function (__vars, __w) { with (__vars) { … } }`. */
export function compileTemplate(raw: string): string {
  const out: string[] = [];
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    if (m.index > last) out.push(`__w.t(${JSON.stringify(raw.slice(last, m.index))});`);
    const code = m[2].trim().replace(/;+\s*$/, '');
    if (m[1] === '=') out.push(`__w.e((${code}));`);
    else if (m[1] === '!=') out.push(`__w.r((${code}));`);
    else out.push(m[2]);
    last = re.lastIndex;
  }
  if (last < raw.length) out.push(`__w.t(${JSON.stringify(raw.slice(last))});`);
  return out.join('\n');
}

const templateRaw = new WeakMap<object, string>();

class HtmlTemplateImpl implements Pick<Tpl, 'evaluate' | 'getCode' | 'getCodeWithComments' | 'getRawContent'> {
  [propName: string]: unknown;

  constructor(exec: Execution, raw: string) {
    templateRaw.set(this, raw);
    Object.defineProperty(this, '__exec', { value: exec, enumerable: false });
  }

  private get execution(): Execution {
    return (this as unknown as { __exec: Execution }).__exec;
  }

  evaluate(): Out {
    const exec = this.execution;
    exec.call('Free', 'HtmlTemplate.evaluate');
    const raw = templateRaw.get(this)!;
    const vars = new exec.guest.intrinsics.Object() as Record<string, unknown>;
    for (const key of Object.keys(this)) vars[key] = this[key];
    let html = '';
    const writer = {
      t: (s: string) => void (html += s),
      e: (v: unknown) => void (html += escapeHtml(printable(v))),
      r: (v: unknown) => void (html += printable(v)),
    };
    // `output` inside scriptlets appends to the page being built, as in Apps Script.
    vars.output = { append: (s: unknown) => writer.r(s), appendUntrusted: (s: unknown) => writer.e(s) };
    const fn = exec.evalInGuest(`(function (__vars, __w) { with (__vars) {\n${compileTemplate(raw)}\n} })`) as (
      vars: unknown,
      w: unknown,
    ) => void;
    fn(vars, writer);
    return new HtmlOutputImpl(exec, html) as unknown as Out;
  }

  getCode(): string {
    this.execution.call('Free', 'HtmlTemplate.getCode');
    return compileTemplate(templateRaw.get(this)!);
  }

  getCodeWithComments(): string {
    this.execution.call('Free', 'HtmlTemplate.getCodeWithComments');
    return compileTemplate(templateRaw.get(this)!);
  }

  getRawContent(): string {
    this.execution.call('Free', 'HtmlTemplate.getRawContent');
    return templateRaw.get(this)!;
  }
}

function newTemplate(exec: Execution, raw: string): Tpl {
  return new HtmlTemplateImpl(exec, raw) as unknown as Tpl;
}

class HtmlServiceImpl
  implements Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile'>
{
  readonly SandboxMode: GoogleAppsScript.HTML.HtmlService['SandboxMode'];
  readonly XFrameOptionsMode: GoogleAppsScript.HTML.HtmlService['XFrameOptionsMode'];

  constructor(private readonly exec: Execution) {
    this.SandboxMode = enumFamily(exec, 'HtmlService.SandboxMode', SANDBOX_MODES) as unknown as GoogleAppsScript.HTML.HtmlService['SandboxMode'];
    this.XFrameOptionsMode = enumFamily(exec, 'HtmlService.XFrameOptionsMode', XFRAME_OPTIONS_MODES) as unknown as GoogleAppsScript.HTML.HtmlService['XFrameOptionsMode'];
  }

  /** Text of a string or a BlobSource argument. */
  private text(value: unknown, what: string): string {
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    const blob = readBlob(value);
    if (blob) return blob.bytes.toString('utf8');
    throw this.exec.guest.error(`Invalid argument: ${what}`);
  }

  private file(name: unknown): string {
    const n = String(name).replace(/\.html$/, '');
    const html = this.exec.world.files.get(n);
    if (html === undefined) throw this.exec.guest.error(`No HTML file named ${n} was found.`);
    return html;
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): Out {
    this.exec.call('Free', 'HtmlService.createHtmlOutput');
    return new HtmlOutputImpl(this.exec, this.text(html, 'html')) as unknown as Out;
  }

  createHtmlOutputFromFile(filename: string): Out {
    this.exec.call('Free', 'HtmlService.createHtmlOutputFromFile');
    return new HtmlOutputImpl(this.exec, this.file(filename)) as unknown as Out;
  }

  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): Tpl {
    this.exec.call('Free', 'HtmlService.createTemplate');
    return newTemplate(this.exec, this.text(html, 'html'));
  }

  createTemplateFromFile(filename: string): Tpl {
    this.exec.call('Free', 'HtmlService.createTemplateFromFile');
    return newTemplate(this.exec, this.file(filename));
  }
}

export function createHtmlService(exec: Execution): object {
  return new HtmlServiceImpl(exec);
}
