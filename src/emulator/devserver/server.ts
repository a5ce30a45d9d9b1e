/**
 * The emulator's development server: the public HTTP API of DESIGN.md §7, the routes the
 * emulator page needs (UI state, menus, cell edits, frames), the page itself and the frames
 * that host the script's sidebar and dialogs with a `google.script` shim. Plain node:http.
 */
import * as http from 'node:http';
import { URL } from 'node:url';
import type { EditOutcome, Emulator, RunReport } from '../app';
import type { SheetAction } from '../services/spreadsheet/model';
import type { UiState } from '../world';
import { clientAssets, ClientAssets } from './assets';
import { displayValue } from '../services/spreadsheet/display';
import { cellToPlain } from '../services/spreadsheet/values';
import { decodeResult } from '../wire';

export interface DevServerOptions {
  /** Pre-built page and shim scripts; built with esbuild from the client sources when left out. */
  assets?: ClientAssets;
  /**
   * Whose clock the frames' `Date` reads: the emulated one (default: what a person sees agrees
   * with the server), or the browser's own, as on Google — the browser tests use that, with the
   * browser pinned years away, so a sidebar date taken from the browser's clock shows. A frame's
   * `?clock=browser|emulated` overrides it.
   */
  frameClock?: 'emulated' | 'browser';
}

/** Largest JSON body the API accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Rows of a grid window the page may ask for at once. */
const MAX_GRID_ROWS = 1000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Json = Record<string, unknown>;

interface Ctx {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  url: URL;
  /** Path segments after the route prefix, URI-decoded. */
  params: string[];
  body: () => Promise<Json>;
}

type Handler = (ctx: Ctx) => Promise<void> | void;

interface Route {
  method: string;
  /** Literal segments; ':x' matches one segment. */
  pattern: string[];
  handler: Handler;
}

export function createDevServer(emulator: Emulator, options: DevServerOptions = {}): http.Server {
  const assets = options.assets ?? clientAssets();
  /** Bumped on every change made through the server, so the page refetches only when needed. */
  let version = 0;
  const changed = () => {
    version += 1;
  };
  const world = () => emulator.world;
  const userOf = (body: Json, url?: URL): string => {
    const raw = body.user ?? url?.searchParams.get('user') ?? undefined;
    if (raw === undefined || raw === null || raw === '') return world().owner;
    if (typeof raw !== 'string') throw new HttpError(400, '"user" must be an email address (a string)');
    return raw;
  };

  const routes: Route[] = [];
  const route = (method: string, path: string, handler: Handler) =>
    routes.push({ method, pattern: path.split('/').filter(Boolean), handler });

  // ---- The public API (DESIGN.md §7) -------------------------------------------------------
  route('POST', '/api/run/:fn', async ({ res, params, body }) => {
    const b = await body();
    const args = b.args ?? [];
    if (!Array.isArray(args)) throw new HttpError(400, '"args" must be an array');
    const report = emulator.callFromClient(params[0], args, userOf(b));
    changed();
    sendJson(res, 200, runResponse(report));
  });

  /**
   * The Apps Script editor's Run button: `code` (a function body) runs as `user` with the bundle,
   * its top-level functions in scope; `scopes` replaces the manifest's for this run.
   */
  route('POST', '/api/script', async ({ res, body }) => {
    const b = await body();
    if (typeof b.code !== 'string' || b.code.trim() === '') throw new HttpError(400, '"code" is required: the body of a function, e.g. "return getSidebarInfo();"');
    if (b.scopes !== undefined && (!Array.isArray(b.scopes) || b.scopes.some((s) => typeof s !== 'string'))) {
      throw new HttpError(400, '"scopes" must be an array of OAuth scope URLs (it replaces the manifest\'s for this run)');
    }
    const report = emulator.runScript(b.code, userOf(b), b.scopes as string[] | undefined);
    changed();
    const out = runResponse(report);
    sendJson(res, 200, { ...out, stats: { calls: report.calls, modelledMs: report.modelledMs, byMethod: report.byMethod } });
  });

  route('POST', '/api/triggers/:fn', async ({ res, params, body }) => {
    await body();
    const report = emulator.runTimeTrigger(params[0]);
    changed();
    sendJson(res, 200, runResponse(report));
  });

  route('POST', '/api/mail', async ({ res, body }) => {
    const b = await body();
    for (const key of ['from', 'subject'] as const) {
      if (typeof b[key] !== 'string') throw new HttpError(400, `"${key}" is required and must be a string`);
    }
    for (const key of ['to', 'cc', 'body', 'html', 'threadId', 'authenticationResults'] as const) {
      if (b[key] !== undefined && typeof b[key] !== 'string') throw new HttpError(400, `"${key}" must be a string`);
    }
    if (b.body === undefined && b.html === undefined) throw new HttpError(400, '"body" (text) or "html" is required');
    if (b.dmarc !== undefined && !['pass', 'fail', 'none'].includes(b.dmarc as string)) {
      throw new HttpError(400, '"dmarc" must be "pass", "fail" or "none"');
    }
    // Headers: an object of strings, or an ordered list of [name, value] (repeats allowed).
    const headers = b.headers ?? {};
    const okList = Array.isArray(headers) && headers.every((h) => Array.isArray(h) && h.length === 2 && h.every((x) => typeof x === 'string'));
    const okObject = typeof headers === 'object' && headers !== null && !Array.isArray(headers) &&
      Object.values(headers).every((v) => typeof v === 'string');
    if (!okList && !okObject) {
      throw new HttpError(400, '"headers" must be an object of strings or a list of [name, value], e.g. {"Authentication-Results": "…"}');
    }
    const attachments = b.attachments ?? [];
    if (!Array.isArray(attachments) || attachments.some((a) => typeof a !== 'object' || a === null ||
        typeof a.name !== 'string' || typeof a.data !== 'string' || (a.contentType !== undefined && typeof a.contentType !== 'string'))) {
      throw new HttpError(400, '"attachments" must be a list of {name, contentType, data (base64)}');
    }
    if (!(b.from as string).includes('@')) throw new HttpError(400, '"from" must be an email address');
    if (b.threadId !== undefined && !world().mail.threads.has(b.threadId as string)) {
      throw new HttpError(404, `no thread ${JSON.stringify(b.threadId)} in the register mailbox`);
    }
    const delivered = emulator.deliverMail({
      from: b.from as string,
      to: (b.to as string | undefined) || undefined,
      cc: b.cc as string | undefined,
      subject: b.subject as string,
      body: b.body as string | undefined,
      html: b.html as string | undefined,
      threadId: b.threadId as string | undefined,
      headers: headers as Record<string, string> | [string, string][],
      attachments: (attachments as { name: string; contentType?: string; data: string }[]).map((a) => ({
        name: a.name,
        contentType: a.contentType || 'application/octet-stream',
        data: Buffer.from(a.data, 'base64').toString('base64'),
      })),
      dmarc: b.dmarc as 'pass' | 'fail' | 'none' | undefined,
      authenticationResults: b.authenticationResults as string | undefined,
    });
    changed();
    sendJson(res, 200, delivered);
  });

  route('GET', '/api/sheets', ({ res }) => {
    sendJson(res, 200, world().spreadsheet.sheetNames());
  });

  route('GET', '/api/sheets/:name', ({ res, params }) => {
    const name = params[0];
    requireSheet(name);
    const snap = world().spreadsheet.snapshot(name) as { values: unknown[][]; formulas: unknown[][]; protections: unknown[] };
    sendJson(res, 200, { values: snap.values, formulas: snap.formulas, protections: snap.protections });
  });

  route('POST', '/api/clock', async ({ res, body }) => {
    const b = await body();
    const raw = b.now;
    const ms = typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : NaN;
    if (!Number.isFinite(ms)) {
      throw new HttpError(400, `"now" must be an ISO 8601 time such as "2026-11-25T10:00:00+02:00" (got ${JSON.stringify(raw ?? null)})`);
    }
    // Moving the clock forward fires the time-driven triggers that fell due, in time order.
    const fired = emulator.setClock(ms);
    changed();
    sendJson(res, 200, {
      now: new Date(emulator.world.now).toISOString(),
      fired: fired.map((f) => ({ uid: f.uid, handlerFunction: f.handlerFunction, owner: f.owner, at: f.at, folded: f.folded, ...runResponse(f.report) })),
    });
  });

  route('GET', '/api/mailbox', ({ res }) => {
    sendJson(res, 200, world().mail.snapshot());
  });

  route('GET', '/api/stats', ({ res }) => {
    sendJson(res, 200, world().stats.toJSON());
  });

  route('POST', '/api/stats/reset', async ({ res, body }) => {
    await body();
    world().stats.reset();
    changed();
    sendJson(res, 200, world().stats.toJSON());
  });

  // ---- What the emulator page needs ---------------------------------------------------------
  route('GET', '/api/state', ({ res, url }) => {
    const user = userOf({}, url);
    const w = world();
    const ui = w.uiFor(user);
    sendJson(res, 200, {
      version,
      spreadsheetName: w.drive.name,
      now: new Date(w.now).toISOString(),
      timeZone: w.manifest.timeZone,
      owner: w.owner,
      user,
      canOpen: w.canOpen(user),
      users: w.users.map((u) => ({ email: u.email, name: u.name, role: u.email === w.owner ? 'owner' : w.canEditFile(u.email) ? 'editor' : w.canOpen(u.email) ? 'viewer' : 'none' })),
      ui: uiView(ui),
      triggers: w.triggers.map((t) => ({ ...t })),
      logs: w.logs.slice(-100).map((l) => ({ ...l, at: new Date(l.at).toISOString() })),
      executions: w.executions,
    });
  });

  route('POST', '/api/open', async ({ res, body }) => {
    const b = await body();
    const user = userOf(b);
    const reports = emulator.openSpreadsheet(user);
    changed();
    sendJson(res, 200, { reports: reports.map(reportView), ui: uiView(world().uiFor(user)) });
  });

  route('POST', '/api/menu/:fn', async ({ res, params, body }) => {
    const b = await body();
    const user = userOf(b);
    const report = emulator.runMenuItem(params[0], user);
    changed();
    sendJson(res, 200, reportView(report));
  });

  /**
   * A person typing one cell (`input`), or pasting a block (`values`, rows of typed text from
   * {row, column}): one edit event over the whole range, as Sheets fires it.
   */
  route('POST', '/api/edit', async ({ res, body }) => {
    const b = await body();
    const user = userOf(b);
    if (typeof b.sheet !== 'string') throw new HttpError(400, '"sheet" must be a tab name');
    for (const key of ['row', 'column'] as const) {
      if (!Number.isInteger(b[key]) || (b[key] as number) < 1) throw new HttpError(400, `"${key}" must be a whole number from 1`);
    }
    const paste = b.values !== undefined;
    if (paste) {
      const ok = Array.isArray(b.values) && b.values.length > 0 && b.values.every((r) => Array.isArray(r) && r.every((v) => ['string', 'number', 'boolean'].includes(typeof v)));
      if (!ok) throw new HttpError(400, '"values" must be a non-empty array of rows of typed text (strings, numbers or booleans)');
      if (b.input !== undefined) throw new HttpError(400, 'give "input" (one cell) or "values" (a block), not both');
    } else if (typeof b.input !== 'string') throw new HttpError(400, '"input" must be a string (what the user typed), or give "values" (a block)');
    requireSheet(b.sheet);
    const out = paste
      ? emulator.pasteCells(user, b.sheet, b.row as number, b.column as number, (b.values as unknown[][]).map((r) => r.map((v) => String(v))))
      : emulator.editCell(user, b.sheet, b.row as number, b.column as number, b.input as string);
    changed();
    sendJson(res, 200, editResponse(out));
  });

  /** A person acting from the Sheets menus: sort, insert or delete rows and columns, a filter. */
  route('POST', '/api/sheet-action', async ({ res, body }) => {
    const b = await body();
    const user = userOf(b);
    if (typeof b.sheet !== 'string') throw new HttpError(400, '"sheet" must be a tab name');
    requireSheet(b.sheet);
    const whole = (key: string) => {
      if (!Number.isInteger(b[key]) || (b[key] as number) < 1) throw new HttpError(400, `"${key}" must be a whole number from 1`);
      return b[key] as number;
    };
    let action: SheetAction;
    switch (b.action) {
      case 'sort':
        if (typeof b.range !== 'string') throw new HttpError(400, '"range" must be A1 notation, e.g. "A2:Z201"');
        if (b.ascending !== undefined && typeof b.ascending !== 'boolean') throw new HttpError(400, '"ascending" must be true or false');
        action = { action: 'sort', range: b.range, column: whole('column'), ascending: b.ascending !== false };
        break;
      case 'insertRows':
      case 'deleteRows':
      case 'insertColumns':
      case 'deleteColumns':
        action = { action: b.action, start: whole('start'), count: whole('count') };
        break;
      case 'filter':
        if (b.range !== null && typeof b.range !== 'string') throw new HttpError(400, '"range" must be A1 notation, or null to remove the filter');
        action = { action: 'filter', range: b.range as string | null };
        break;
      default:
        throw new HttpError(400, '"action" must be "sort", "insertRows", "deleteRows", "insertColumns", "deleteColumns" or "filter"');
    }
    const out = emulator.sheetAction(user, b.sheet, action);
    changed();
    sendJson(res, 200, editResponse(out));
  });

  /** The user's selection in a tab (what the grid's cursor shows): SpreadsheetApp.getActiveRange() returns it. */
  route('POST', '/api/select', async ({ res, body }) => {
    const b = await body();
    const user = userOf(b);
    const whole = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
    if (typeof b.sheet !== 'string' || !whole(b.row, 1) || !whole(b.column, 1)) throw new HttpError(400, '"sheet" (a tab name), "row" and "column" (whole numbers from 1) are needed');
    const numRows = b.numRows === undefined ? 1 : b.numRows;
    const numColumns = b.numColumns === undefined ? 1 : b.numColumns;
    if (!whole(numRows, 1) || !whole(numColumns, 1)) throw new HttpError(400, '"numRows" and "numColumns" must be whole numbers from 1');
    world().uiFor(user).selection = { sheet: b.sheet, row: b.row as number, column: b.column as number, numRows: numRows as number, numColumns: numColumns as number };
    emulator.save();
    sendJson(res, 200, { ok: true });
  });

  route('POST', '/api/ui/close', async ({ res, body }) => {
    const b = await body();
    const user = userOf(b);
    const ui = world().uiFor(user);
    if (b.which === 'sidebar') ui.sidebar = null;
    else if (b.which === 'dialog') ui.dialog = null;
    else if (b.which === 'alerts') ui.alerts = [];
    else if (b.which === 'toasts') ui.toasts = [];
    else throw new HttpError(400, '"which" must be "sidebar", "dialog", "alerts" or "toasts"');
    emulator.save();
    changed();
    sendJson(res, 200, { ui: uiView(ui) });
  });

  route('POST', '/api/faults', async ({ res, body }) => {
    const b = await body();
    if (!Number.isInteger(b.atCall) || (b.atCall as number) < 1) throw new HttpError(400, '"atCall" must be a whole number from 1 (the n-th service call of the next execution)');
    if (b.message !== undefined && typeof b.message !== 'string') throw new HttpError(400, '"message" must be a string');
    if (b.executions !== undefined && (!Number.isInteger(b.executions) || (b.executions as number) < 1)) throw new HttpError(400, '"executions" must be a whole number from 1');
    world().injectFault({ atCall: b.atCall as number, message: b.message as string | undefined, executions: b.executions as number | undefined });
    sendJson(res, 200, { ok: true });
  });

  route('DELETE', '/api/faults', ({ res }) => {
    world().clearFaults();
    sendJson(res, 200, { ok: true });
  });

  route('POST', '/api/trigger-uid/:uid', async ({ res, params, body }) => {
    await body();
    if (!world().triggers.some((t) => t.uid === params[0])) throw new HttpError(404, `No installed trigger with id ${params[0]}`);
    const report = emulator.runTriggerByUid(params[0]);
    changed();
    sendJson(res, 200, runResponse(report));
  });

  /**
   * A window of a tab for the page's grid: the header row plus `count` rows from `start` (1-based),
   * with values, formulas and what Sheets would display. Reads only that window, so paging stays
   * quick at 100,000 rows.
   */
  route('GET', '/api/grid/:name', ({ res, params, url }) => {
    const name = params[0];
    requireSheet(name);
    const model = world().spreadsheet;
    const sheet = model.sheetByName(name)!;
    const lastRow = sheet.lastRow();
    const lastColumn = sheet.lastColumn();
    // Room to type below and beside the data, as in Sheets, within the sheet's size.
    const totalRows = Math.min(sheet.maxRows, Math.max(lastRow + 50, 100));
    const totalColumns = Math.min(sheet.maxColumns, Math.max(lastColumn, 26));
    const count = Math.min(intParam(url, 'count', 100, 0), MAX_GRID_ROWS);
    const first = Math.max(2, Math.min(intParam(url, 'start', 2, 1), totalRows - count + 1));
    const rowOf = (r: number) => {
      const values: unknown[] = [];
      const formulas: string[] = [];
      const display: string[] = [];
      for (let c = 0; c < totalColumns; c++) {
        const value = sheet.value(r, c);
        values.push(cellToPlain(value));
        formulas.push(sheet.formula(r, c));
        display.push(displayValue(value, sheet.format(r, c), model.parseContext));
      }
      return { values, formulas, display };
    };
    const rows: { values: unknown[][]; formulas: string[][]; display: string[][] } = { values: [], formulas: [], display: [] };
    for (let r = first - 1; r < Math.min(first - 1 + count, totalRows); r++) {
      const row = rowOf(r);
      rows.values.push(row.values);
      rows.formulas.push(row.formulas);
      rows.display.push(row.display);
    }
    sendJson(res, 200, {
      name,
      lastRow,
      lastColumn,
      totalRows,
      totalColumns,
      frozenRows: sheet.frozenRows,
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b).map((c) => c + 1),
      start: first,
      header: rowOf(0),
      rows,
      protections: model.protections.filter((p) => p.sheetId === sheet.id).length,
    });
  });

  // ---- The page and the frames ---------------------------------------------------------------
  route('GET', '/', ({ res }) => {
    send(res, 200, 'text/html; charset=utf-8', pageHtml(), {
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'",
    });
  });
  route('GET', '/assets/page.js', ({ res }) => send(res, 200, 'text/javascript; charset=utf-8', assets.pageJs));
  route('GET', '/assets/page.css', ({ res }) => send(res, 200, 'text/css; charset=utf-8', assets.pageCss));
  route('GET', '/favicon.ico', ({ res }) => {
    res.writeHead(204);
    res.end();
  });

  const frame = (which: 'sidebar' | 'dialog'): Handler => ({ res, url }) => {
    const user = userOf({}, url);
    const ui = world().uiFor(user);
    const shown = which === 'sidebar' ? ui.sidebar : ui.dialog;
    if (!shown) {
      send(res, 404, 'text/html; charset=utf-8', `<!DOCTYPE html><meta charset="utf-8"><p style="font:13px sans-serif;color:#666">No ${which} is open.</p>`);
      return;
    }
    const functions = [...emulator.runtime.entryPoints].filter((n) => !n.endsWith('_')).sort();
    // The frame's Date follows the emulated clock (shim.ts) or the browser's own (options.frameClock, ?clock=).
    const asked = url.searchParams.get('clock');
    const clock = asked === 'browser' || asked === 'emulated' ? asked : options.frameClock ?? 'emulated';
    const config = { user, frame: which, functions, origin: url.origin, now: new Date(world().now).toISOString(), clock };
    send(res, 200, 'text/html; charset=utf-8', injectShim(shown.html, config, assets.shimJs), {
      'cache-control': 'no-store',
    });
  };
  route('GET', '/frame/sidebar', frame('sidebar'));
  route('GET', '/frame/dialog', frame('dialog'));

  function requireSheet(name: string): void {
    if (!world().spreadsheet.sheetNames().includes(name)) throw new HttpError(404, `No tab named "${name}"`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error('Emulator server error:', e);
      if (!res.headersSent) {
        sendJson(res, status, { error: { message: e instanceof Error ? e.message : String(e) } }, status === 413 ? { connection: 'close' } : {});
      } else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const method = req.method ?? 'GET';
    // A page on another site may not drive the emulator (it runs code as the owner).
    const origin = req.headers.origin;
    if (method !== 'GET' && method !== 'HEAD' && origin && origin !== url.origin) {
      throw new HttpError(403, `Requests from ${origin} are not allowed`);
    }
    const segments = url.pathname.split('/').filter(Boolean);
    let decoded: string[];
    try {
      decoded = segments.map((s) => decodeURIComponent(s));
    } catch {
      throw new HttpError(400, 'Malformed URL encoding');
    }
    let pathMatched = false;
    for (const r of routes) {
      if (r.pattern.length !== decoded.length) continue;
      const params: string[] = [];
      if (!r.pattern.every((p, i) => (p.startsWith(':') ? (params.push(decoded[i]), true) : p === decoded[i]))) continue;
      pathMatched = true;
      if (r.method !== method && !(method === 'HEAD' && r.method === 'GET')) continue;
      let cached: Promise<Json> | null = null;
      await r.handler({ req, res, url, params, body: () => (cached ??= readJson(req)) });
      return;
    }
    if (pathMatched) throw new HttpError(405, `${method} is not allowed on ${url.pathname}`);
    throw new HttpError(404, `No route ${method} ${url.pathname}`);
  }

  return server;
}

/** The API's answer for an execution: `{result}` or `{error: {message}}`, plus its cost. */
/** The answer to an edit, a paste or a menu action: refused with Sheets' message, or the triggers it fired. */
function editResponse(out: EditOutcome): Json {
  return {
    ok: out.ok,
    ...(out.message ? { message: out.message } : {}),
    ...(out.warnings ? { warnings: out.warnings } : {}),
    reports: out.reports.map(reportView),
  };
}

function runResponse(report: RunReport): Json {
  const stats = { calls: report.calls, modelledMs: report.modelledMs };
  // A trigger's return value is ignored by Apps Script; the API shows it as the client would see it.
  if (report.ok) return { result: report.result !== undefined ? report.result : decodeResult(report.value).value, stats };
  return { error: { message: report.error?.message ?? 'Unknown error' }, stats };
}

function reportView(report: RunReport): Json {
  return {
    ok: report.ok,
    ...(report.ok ? {} : { error: { message: report.error?.message ?? 'Unknown error' } }),
    stats: { calls: report.calls, modelledMs: report.modelledMs },
  };
}

/** The UI state without the frames' HTML (the frames load it themselves). */
function uiView(ui: UiState): Json {
  const frameView = (d: UiState['sidebar']) =>
    d && { kind: d.kind, title: d.title, width: d.width, height: d.height, openedAt: d.openedAt };
  return {
    menus: ui.menus,
    sidebar: frameView(ui.sidebar),
    dialog: frameView(ui.dialog),
    alerts: ui.alerts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
    toasts: ui.toasts.map((t) => ({ ...t, at: new Date(t.at).toISOString() })),
  };
}

function intParam(url: URL, name: string, fallback: number, min: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new HttpError(400, `"${name}" must be a whole number from ${min}`);
  return n;
}

function readJson(req: http.IncomingMessage): Promise<Json> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (!text) return resolve({});
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        return reject(new HttpError(400, `Malformed JSON body: ${(e as Error).message}`));
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return reject(new HttpError(400, 'The JSON body must be an object'));
      }
      resolve(parsed as Json);
    });
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'cache-control': 'no-store', ...headers });
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Puts the google.script shim first in the document's <head>, as HtmlService's own loader is. */
export function injectShim(html: string, config: Json, shimJs: string): string {
  const tag = `<script>window.__GAS_EMULATOR__=${scriptJson(config)};\n${shimJs.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) return html.slice(0, root.index + root[0].length) + `<head>${tag}</head>` + html.slice(root.index + root[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + `<head>${tag}</head>` + html.slice(doctype[0].length);
  return `<head>${tag}</head>` + html;
}

function pageHtml(): string {
  return `<!DOCTYPE html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rekisteri — Apps Script emulator</title>
<link rel="stylesheet" href="/assets/page.css">
<script src="/assets/page.js" defer></script>
</head>
<body>
<div id="app"></div>
</body>
</html>
`;
}
