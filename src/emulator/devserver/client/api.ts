/// <reference lib="dom" />
/** The emulator page's view of the dev server's API. */

export interface MenuItem {
  caption: string;
  functionName: string;
}
export interface Menu {
  name: string;
  items: (MenuItem | null | Menu)[];
}
export interface FrameInfo {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width: number;
  height: number;
  openedAt: number;
}
export interface UiView {
  menus: Menu[];
  sidebar: FrameInfo | null;
  dialog: FrameInfo | null;
  alerts: { title: string; prompt: string; buttons: string; at: string }[];
  toasts: { title: string; message: string; at: string }[];
}
export interface Trigger {
  uid: string;
  handlerFunction: string;
  owner: string;
  eventType: string;
  source: string;
  everyMinutes?: number;
  atHour?: number;
}
export interface LogLine {
  at: string;
  user: string;
  level: string;
  message: string;
}
export interface AppState {
  version: number;
  spreadsheetName: string;
  now: string;
  timeZone: string;
  owner: string;
  user: string;
  canOpen: boolean;
  users: { email: string; name: string; role: string }[];
  ui: UiView;
  triggers: Trigger[];
  logs: LogLine[];
  executions: number;
}
export interface GridRows {
  values: unknown[][];
  formulas: string[][];
  display: string[][];
}
export interface GridWindow {
  name: string;
  /** Last row and column holding data. */
  lastRow: number;
  lastColumn: number;
  /** Rows and columns the grid offers (data plus room to type). */
  totalRows: number;
  totalColumns: number;
  frozenRows: number;
  /** 1-based columns hidden by the user. */
  hiddenColumns?: number[];
  start: number;
  header: { values: unknown[]; formulas: string[]; display: string[] };
  rows: GridRows;
  /** Number of protections on the tab. */
  protections: number;
}
export interface RunOutcome {
  ok?: boolean;
  result?: unknown;
  error?: { message: string };
  message?: string;
  stats?: { calls: number; modelledMs: number };
}
export interface MailView {
  id: string;
  draftId?: string;
  from: string;
  to: string;
  subject: string;
  body: string;
  /** What getPlainBody() gives: the body, or an HTML-only mail's HTML as text. */
  plainBody?: string;
  date: string;
  labels: string[];
  headers: Record<string, string>;
  unread: boolean;
  trashed: boolean;
}
export interface Mailbox {
  messages: MailView[];
  drafts: MailView[];
  sent: MailView[];
  labels: { name: string; threads: number }[];
}
export interface Stats {
  calls: number;
  modelledMs: number;
  byMethod: Record<string, { calls: number; modelledMs: number }>;
}

/** Calls the dev server; a non-2xx answer throws its error message. */
export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) throw new Error(json.error?.message ?? `${response.status} ${response.statusText}`);
  return json as T;
}

export const enc = encodeURIComponent;
