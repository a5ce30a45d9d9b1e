/// <reference lib="dom" />
/**
 * The emulator page: the spreadsheet as the chosen user sees it in Google Sheets — custom menus,
 * tabs as a paged grid, the script's sidebar and dialogs in frames — plus the emulator's own
 * panels (mail, triggers, stats, log), a clock and a user switcher. Data is only ever rendered as
 * text (Preact escapes it): cell values and mail are hostile.
 */
import { h, render, ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc, AppState, GridWindow, Mailbox, Menu, MenuItem, RunOutcome, Stats, MailView } from './api';

const PAGE_ROWS = 100;
const POLL_MS = 2500;

type Notice = { kind: 'ok' | 'error' | 'info'; text: string } | null;

/** "A", "B", … "Z", "AA", … for 1-based column numbers. */
export function columnName(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** What a cell shows: its formula when it has one (so injected formulas are visible), else its value. */
function cellText(display: unknown, formula: unknown): string {
  if (typeof formula === 'string' && formula !== '') return formula;
  if (display === null || display === undefined) return '';
  return String(display);
}

function formatClock(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('fi-FI', {
      timeZone, weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** "25.11. 10.00" in the spreadsheet's time zone. */
function shortTime(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('fi-FI', { timeZone, day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

function outcomeText(label: string, out: RunOutcome): Notice {
  const cost = out.stats ? ` — ${out.stats.calls} palvelukutsua, ${Math.round(out.stats.modelledMs)} ms mallinnettu` : '';
  if (out.error) return { kind: 'error', text: `${label}: ${out.error.message}${cost}` };
  if (out.ok === false) return { kind: 'error', text: `${label}: ${out.message ?? 'epäonnistui'}` };
  return { kind: 'ok', text: `${label}: ok${cost}` };
}

// ---- Header -------------------------------------------------------------------------------------

function Clock(props: { state: AppState; onChange: (n: Notice) => void; refresh: () => void }) {
  const { state } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const set = async (iso: string) => {
    try {
      // Moving the clock fires the time-driven triggers that fell due; say which and how they went.
      const out = await api<{ now: string; fired: (RunOutcome & { handlerFunction: string; folded: number })[] }>('POST', '/api/clock', { now: iso });
      setDraft(null);
      const failed = out.fired.filter((f) => f.error);
      const fired = out.fired.length
        ? ` — ${out.fired.length} ajastettua käynnistintä ajettu${failed.length ? `, ${failed.length} epäonnistui: ${failed.map((f) => `${f.handlerFunction}: ${f.error!.message}`).join('; ')}` : ''}`
        : '';
      props.onChange({ kind: failed.length ? 'error' : 'info', text: `Kello asetettu: ${formatClock(out.now, state.timeZone)}${fired}` });
    } catch (e) {
      props.onChange({ kind: 'error', text: (e as Error).message });
    }
    props.refresh();
  };
  const shift = (ms: number) => set(new Date(Date.parse(state.now) + ms).toISOString());
  return h('div', { class: 'clock', 'data-testid': 'clock' },
    h('span', { class: 'clock-now', title: `${state.now} (${state.timeZone})` }, formatClock(state.now, state.timeZone)),
    h('form', {
      class: 'clock-form',
      onSubmit: (ev: Event) => {
        ev.preventDefault();
        if (draft !== null) void set(draft);
      },
    },
      h('input', {
        type: 'text', 'aria-label': 'Emuloitu aika (ISO 8601)', 'data-testid': 'clock-input', spellcheck: false,
        value: draft ?? state.now, onInput: (ev: Event) => setDraft((ev.target as HTMLInputElement).value),
      }),
      h('button', { type: 'submit', disabled: draft === null, 'data-testid': 'clock-set' }, 'Aseta'),
    ),
    h('button', { type: 'button', onClick: () => shift(3_600_000), title: 'Siirrä tunti eteenpäin', 'data-testid': 'clock-plus-hour' }, '+1 h'),
    h('button', { type: 'button', onClick: () => shift(86_400_000), title: 'Siirrä vuorokausi eteenpäin', 'data-testid': 'clock-plus-day' }, '+1 vrk'),
    h('button', { type: 'button', onClick: () => shift(30 * 86_400_000), title: 'Siirrä 30 vuorokautta eteenpäin', 'data-testid': 'clock-plus-30-days' }, '+30 vrk'),
  );
}

function MenuBar(props: { menus: Menu[]; disabled: boolean; onRun: (fn: string, caption: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = (ev: MouseEvent) => {
      if (ref.current && !ref.current.contains(ev.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const items = (list: Menu['items'], depth: number): ComponentChildren =>
    list.map((item, i) => {
      if (item === null) return h('div', { class: 'menu-sep', role: 'separator', key: `s${i}` });
      if ('items' in item) {
        return h('div', { class: 'submenu', key: `m${i}` },
          h('div', { class: 'submenu-title' }, item.name, ' ▸'),
          h('div', { class: 'submenu-items' }, items(item.items, depth + 1)));
      }
      const mi = item as MenuItem;
      return h('button', {
        type: 'button', role: 'menuitem', class: 'menu-item', key: `i${i}`, 'data-function': mi.functionName,
        onClick: () => {
          setOpen(null);
          props.onRun(mi.functionName, mi.caption);
        },
      }, mi.caption);
    });
  return h('nav', { class: 'menubar', ref, 'data-testid': 'menubar', 'aria-label': 'Valikot' },
    ['Tiedosto', 'Muokkaa', 'Näytä', 'Lisää', 'Muotoile', 'Data', 'Työkalut', 'Laajennukset'].map((name) =>
      h('span', { class: 'menu-builtin', key: name, title: 'Google Sheetsin oma valikko (ei emuloitu)' }, name)),
    props.menus.map((menu) =>
      h('div', { class: 'menu', key: menu.name },
        h('button', {
          type: 'button', class: open === menu.name ? 'menu-title open' : 'menu-title', 'aria-haspopup': 'menu',
          'aria-expanded': open === menu.name, disabled: props.disabled,
          onClick: () => setOpen(open === menu.name ? null : menu.name),
        }, menu.name),
        open === menu.name ? h('div', { class: 'menu-dropdown', role: 'menu' }, items(menu.items, 0)) : null)),
    props.menus.length === 0 ? h('span', { class: 'menu-empty' }, '(onOpen ei lisännyt valikoita)') : null,
  );
}

// ---- Grid -----------------------------------------------------------------------------------------

interface Selection {
  row: number;
  column: number;
}

function Grid(props: {
  sheet: string;
  user: string;
  version: number;
  onNotice: (n: Notice) => void;
  onEdited: () => void;
}) {
  const { sheet } = props;
  const [start, setStart] = useState(2);
  const [data, setData] = useState<GridWindow | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [sel, setSel] = useState<Selection>({ row: 1, column: 1 });
  const [editing, setEditing] = useState<{ row: number; column: number; text: string } | null>(null);
  const [jump, setJump] = useState('');
  /** The paste box's text (tab-separated rows), or null while it is closed. */
  const [pasteText, setPasteText] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const editDone = useRef(false);
  const startEditing = (row: number, column: number, text: string) => {
    editDone.current = false;
    setEditing({ row, column, text });
  };

  // The selection is the user's active range, as in Sheets (SpreadsheetApp.getActiveRange).
  useEffect(() => {
    void api('POST', '/api/select', { user: props.user, sheet, row: sel.row, column: sel.column }).catch(() => undefined);
  }, [sheet, sel.row, sel.column, props.user]);

  useEffect(() => {
    setStart(2);
    setSel({ row: 1, column: 1 });
    setEditing(null);
    if (gridRef.current) gridRef.current.scrollTop = 0;
  }, [sheet]);

  useEffect(() => {
    let live = true;
    api<GridWindow>('GET', `/api/grid/${enc(sheet)}?start=${start}&count=${PAGE_ROWS}`)
      .then((d) => {
        if (!live) return;
        setData(d);
        setFailed(null);
      })
      .catch((e: Error) => live && setFailed(e.message));
    return () => {
      live = false;
    };
  }, [sheet, start, props.version]);

  if (failed) return h('div', { class: 'grid-empty' }, failed);
  if (!data) return h('div', { class: 'grid-empty' }, 'Ladataan…');

  const columns = Math.max(data.totalColumns, 1);
  // Hidden columns are drawn as a thin strip, as Sheets marks them.
  const hidden = new Set(data.hiddenColumns ?? []);
  const lastRow = data.start + data.rows.values.length - 1;
  const cellAt = (row: number, column: number): string => {
    if (row === 1) return cellText(data.header.display[column - 1], data.header.formulas[column - 1]);
    const r = row - data.start;
    return cellText(data.rows.display[r]?.[column - 1], data.rows.formulas[r]?.[column - 1]);
  };

  const commit = async (row: number, column: number, input: string) => {
    setEditing(null);
    try {
      const out = await api<RunOutcome & { ok: boolean; message?: string }>('POST', '/api/edit', { user: props.user, sheet, row, column, input });
      if (!out.ok) props.onNotice({ kind: 'error', text: `Muokkaus estetty (${columnName(column)}${row}): ${out.message ?? ''}` });
      else props.onNotice({ kind: 'ok', text: `${sheet}!${columnName(column)}${row} muutettu` });
    } catch (e) {
      props.onNotice({ kind: 'error', text: (e as Error).message });
    }
    props.onEdited();
    gridRef.current?.focus();
  };

  /** What a person does from the Sheets menus: one POST /api/sheet-action, refused with Sheets' message. */
  const act = async (label: string, body: Record<string, unknown>) => {
    try {
      const out = await api<{ ok: boolean; message?: string }>('POST', '/api/sheet-action', { user: props.user, sheet, ...body });
      props.onNotice(out.ok ? { kind: 'ok', text: `${sheet}: ${label}` } : { kind: 'error', text: `${label} estetty: ${out.message ?? ''}` });
    } catch (e) {
      props.onNotice({ kind: 'error', text: (e as Error).message });
    }
    props.onEdited();
  };

  /** Pastes tab-separated rows at the selected cell, as Ctrl+V in Sheets: one edit over the block. */
  const paste = async (textToPaste: string) => {
    const rows = textToPaste.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    setPasteText(null);
    try {
      const out = await api<{ ok: boolean; message?: string; warnings?: string[] }>('POST', '/api/edit', { user: props.user, sheet, row: sel.row, column: sel.column, values: rows });
      const at = `${columnName(sel.column)}${sel.row}`;
      if (!out.ok) props.onNotice({ kind: 'error', text: `Liittäminen estetty (${at}): ${out.message ?? ''}` });
      else props.onNotice({ kind: 'ok', text: `${sheet}!${at}: liitetty ${rows.length} riviä${out.warnings?.length ? ` (${out.warnings.length} varoitusta)` : ''}` });
    } catch (e) {
      props.onNotice({ kind: 'error', text: (e as Error).message });
    }
    props.onEdited();
  };

  const dataRange = data.lastRow >= 2 ? `A2:${columnName(Math.max(data.lastColumn, 1))}${data.lastRow}` : null;

  const move = (dr: number, dc: number) => {
    const row = Math.max(1, Math.min(sel.row + dr, Math.max(data.totalRows, 1)));
    const column = Math.max(1, Math.min(sel.column + dc, columns));
    setSel({ row, column });
    if (row > 1 && (row < data.start || row > lastRow)) setStart(Math.max(2, row - (dr < 0 ? PAGE_ROWS - 1 : 0)));
  };

  const onKeyDown = (ev: KeyboardEvent) => {
    if (editing || ev.target !== gridRef.current) return;
    const keys: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, ev.shiftKey ? -1 : 1] };
    if (keys[ev.key]) {
      ev.preventDefault();
      move(...keys[ev.key]);
    } else if (ev.key === 'Enter' || ev.key === 'F2') {
      ev.preventDefault();
      startEditing(sel.row, sel.column, cellAt(sel.row, sel.column));
    } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      void commit(sel.row, sel.column, '');
    } else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      startEditing(sel.row, sel.column, ev.key);
    }
  };

  const cell = (row: number, column: number, value: unknown, formula: unknown, display: unknown) => {
    const text = cellText(display, formula);
    const selected = sel.row === row && sel.column === column;
    const isFormula = typeof formula === 'string' && formula !== '';
    if (editing && editing.row === row && editing.column === column) {
      // One commit per edit: Enter, Tab or leaving the cell, whichever comes first.
      const finish = (input: string | null, after?: () => void) => {
        if (editDone.current) return;
        editDone.current = true;
        if (input === null) {
          setEditing(null);
          gridRef.current?.focus();
        } else void commit(row, column, input).then(after);
      };
      return h('td', { class: 'cell editing', key: column },
        h('input', {
          class: 'cell-input', value: editing.text, 'data-testid': 'cell-editor', autoFocus: true, spellcheck: false,
          ref: (el: HTMLInputElement | null) => el && document.activeElement !== el && el.focus(),
          onInput: (ev: Event) => setEditing({ row, column, text: (ev.target as HTMLInputElement).value }),
          onKeyDown: (ev: KeyboardEvent) => {
            ev.stopPropagation(); // keys typed into the editor are not grid navigation
            const input = ev.target as HTMLInputElement;
            if (ev.key === 'Enter' || ev.key === 'Tab') {
              ev.preventDefault();
              finish(input.value, () => move(ev.key === 'Tab' ? 0 : 1, ev.key === 'Tab' ? 1 : 0));
            } else if (ev.key === 'Escape') {
              finish(null);
            }
          },
          onBlur: (ev: FocusEvent) => finish((ev.target as HTMLInputElement).value),
        }));
    }
    return h('td', {
      key: column,
      class: `cell${selected ? ' selected' : ''}${isFormula ? ' formula' : ''}${typeof value === 'number' && !isFormula ? ' number' : ''}${hidden.has(column) ? ' hidden-col' : ''}`,
      title: isFormula ? `${text} → ${cellText(display, '')}` : text.length > 20 ? text : undefined,
      'data-cell': `${columnName(column)}${row}`,
      onMouseDown: () => setSel({ row, column }),
      onDblClick: () => startEditing(row, column, text),
    }, text);
  };

  const colHeaders = [];
  for (let c = 1; c <= columns; c++) {
    colHeaders.push(h('th', { class: `col-head${sel.column === c ? ' active' : ''}${hidden.has(c) ? ' hidden-col' : ''}`, key: c, title: hidden.has(c) ? `${columnName(c)} (piilotettu)` : undefined }, hidden.has(c) ? '' : columnName(c)));
  }
  const headerCells = [];
  for (let c = 1; c <= columns; c++) headerCells.push(cell(1, c, data.header.values[c - 1], data.header.formulas[c - 1], data.header.display[c - 1]));
  const body = data.rows.values.map((values, i) => {
    const row = data.start + i;
    const cells = [];
    for (let c = 1; c <= columns; c++) cells.push(cell(row, c, values[c - 1], data.rows.formulas[i]?.[c - 1], data.rows.display[i]?.[c - 1]));
    return h('tr', { key: row }, h('th', { class: `row-head${sel.row === row ? ' active' : ''}` }, String(row)), cells);
  });

  const pageTo = (row: number) => setStart(Math.max(2, Math.min(row, Math.max(2, data.totalRows - PAGE_ROWS + 1))));
  const selectedFormula = cellAt(sel.row, sel.column);

  return h('div', { class: 'grid-wrap' },
    h('div', { class: 'formula-bar' },
      h('span', { class: 'cell-ref', 'data-testid': 'cell-ref' }, `${columnName(sel.column)}${sel.row}`),
      h('span', { class: 'fx' }, 'fx'),
      h('span', { class: 'formula-text', 'data-testid': 'formula-text' }, selectedFormula),
    ),
    h('div', { class: 'grid-actions', 'data-testid': 'grid-actions' },
      h('button', { type: 'button', 'data-testid': 'paste-open', onClick: () => setPasteText(pasteText === null ? '' : null) }, 'Liitä…'),
      h('button', { type: 'button', disabled: !dataRange, 'data-testid': 'sort-asc', title: `Lajittele rivit 2– sarakkeen ${columnName(sel.column)} mukaan`,
        onClick: () => act(`lajiteltu ${columnName(sel.column)} A→Z`, { action: 'sort', range: dataRange, column: sel.column, ascending: true }) }, `Lajittele ${columnName(sel.column)} A→Z`),
      h('button', { type: 'button', disabled: !dataRange, 'data-testid': 'sort-desc',
        onClick: () => act(`lajiteltu ${columnName(sel.column)} Z→A`, { action: 'sort', range: dataRange, column: sel.column, ascending: false }) }, 'Z→A'),
      h('button', { type: 'button', 'data-testid': 'insert-row', onClick: () => act(`rivi lisätty riville ${sel.row}`, { action: 'insertRows', start: sel.row, count: 1 }) }, `Lisää rivi ${sel.row} yläpuolelle`),
      h('button', { type: 'button', 'data-testid': 'delete-row', onClick: () => act(`rivi ${sel.row} poistettu`, { action: 'deleteRows', start: sel.row, count: 1 }) }, `Poista rivi ${sel.row}`),
    ),
    pasteText !== null ? h('form', {
      class: 'paste-box',
      onSubmit: (ev: Event) => {
        ev.preventDefault();
        void paste(pasteText);
      },
    },
      h('textarea', {
        'data-testid': 'paste-text', rows: 4, value: pasteText, spellcheck: false, autoFocus: true,
        placeholder: 'Liitä tähän sarkaimin erotellut rivit (esim. taulukosta kopioidut)',
        onInput: (ev: Event) => setPasteText((ev.target as HTMLTextAreaElement).value),
      }),
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'paste-submit' }, `Liitä soluun ${columnName(sel.column)}${sel.row}`),
      h('button', { type: 'button', onClick: () => setPasteText(null) }, 'Peruuta')) : null,
    h('div', { class: 'grid', ref: gridRef, tabIndex: 0, onKeyDown, 'data-testid': 'grid' },
      h('table', { class: 'sheet', style: { width: `${46 + columns * 140 - hidden.size * 128}px` } },
        h('colgroup', null, h('col', { style: { width: '46px' } }), Array.from({ length: columns }, (_, i) => h('col', { key: i, style: { width: hidden.has(i + 1) ? '12px' : '140px' } }))),
        h('thead', null,
          h('tr', { class: 'letters' }, h('th', { class: 'corner' }), colHeaders),
          h('tr', { class: 'frozen' }, h('th', { class: `row-head${sel.row === 1 ? ' active' : ''}` }, '1'), headerCells),
        ),
        h('tbody', null, body),
      ),
    ),
    h('div', { class: 'pager', 'data-testid': 'pager' },
      h('button', { type: 'button', disabled: data.start <= 2, onClick: () => pageTo(2), title: 'Alkuun' }, '« Alkuun'),
      h('button', { type: 'button', disabled: data.start <= 2, onClick: () => pageTo(data.start - PAGE_ROWS) }, `◀ ${PAGE_ROWS}`),
      h('span', { class: 'pager-info', 'data-testid': 'pager-info' },
        `Rivit ${data.start}–${lastRow} · tietoja ${Math.max(data.lastRow - 1, 0)} riviä otsikon alla`),
      h('button', { type: 'button', disabled: lastRow >= data.totalRows, onClick: () => pageTo(data.start + PAGE_ROWS) }, `${PAGE_ROWS} ▶`),
      h('button', { type: 'button', disabled: lastRow >= data.totalRows, onClick: () => pageTo(data.totalRows), title: 'Loppuun' }, 'Loppuun »'),
      h('form', {
        class: 'pager-jump',
        onSubmit: (ev: Event) => {
          ev.preventDefault();
          const n = Number(jump);
          if (Number.isInteger(n) && n >= 1) {
            pageTo(n);
            setSel({ row: Math.min(n, data.totalRows), column: sel.column });
          }
        },
      },
        h('input', { type: 'number', min: 1, placeholder: 'Rivi', value: jump, 'aria-label': 'Siirry riville', onInput: (ev: Event) => setJump((ev.target as HTMLInputElement).value) }),
        h('button', { type: 'submit' }, 'Siirry')),
      data.protections ? h('span', { class: 'protected', title: 'Välilehdellä on suojattuja alueita' }, `🔒 ${data.protections} suojausta`) : null,
    ),
  );
}

// ---- Frames ----------------------------------------------------------------------------------------

function SidebarFrame(props: { state: AppState; onClose: () => void }) {
  const sb = props.state.ui.sidebar!;
  return h('aside', { class: 'sidebar', 'data-testid': 'sidebar' },
    h('div', { class: 'frame-title' },
      h('span', { class: 'frame-title-text' }, sb.title || 'Sivupalkki'),
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Sulje sivupalkki', onClick: props.onClose }, '✕')),
    h('iframe', {
      key: sb.openedAt, class: 'sidebar-frame', 'data-testid': 'sidebar-frame', title: sb.title || 'Sivupalkki',
      src: `/frame/sidebar?user=${enc(props.state.user)}&opened=${sb.openedAt}${frameClockParam()}`,
    }),
  );
}

/** The page's own `?clock=` (browser | emulated), passed on to its frames. */
function frameClockParam(): string {
  const clock = new URLSearchParams(location.search).get('clock');
  return clock === 'browser' || clock === 'emulated' ? `&clock=${clock}` : '';
}

function DialogFrame(props: { state: AppState; size: { width?: number; height?: number }; onClose: () => void }) {
  const d = props.state.ui.dialog!;
  const width = props.size.width ?? d.width;
  const height = props.size.height ?? d.height;
  return h('div', { class: d.kind === 'modal' ? 'overlay modal' : 'overlay modeless' },
    h('div', { class: 'dialog', role: 'dialog', 'aria-modal': d.kind === 'modal', 'data-testid': 'dialog' },
      h('div', { class: 'frame-title' },
        h('span', { class: 'frame-title-text' }, d.title),
        h('button', { type: 'button', class: 'icon', 'aria-label': 'Sulje ikkuna', onClick: props.onClose }, '✕')),
      h('iframe', {
        key: d.openedAt, class: 'dialog-frame', 'data-testid': 'dialog-frame', title: d.title,
        style: { width: `${width}px`, height: `${height}px` },
        src: `/frame/dialog?user=${enc(props.state.user)}&opened=${d.openedAt}${frameClockParam()}`,
      })));
}

// ---- Panels ------------------------------------------------------------------------------------------

function MailPanel(props: { version: number; timeZone: string; onNotice: (n: Notice) => void; onSent: () => void }) {
  const [box, setBox] = useState<Mailbox | null>(null);
  const [folder, setFolder] = useState<'messages' | 'drafts' | 'sent'>('messages');
  const [open, setOpen] = useState<string | null>(null);
  const [form, setForm] = useState({ from: '', subject: '', body: '', auth: '' });
  const [asHtml, setAsHtml] = useState(false);
  useEffect(() => {
    api<Mailbox>('GET', '/api/mailbox').then(setBox, (e: Error) => props.onNotice({ kind: 'error', text: e.message }));
  }, [props.version]);
  const field = (name: keyof typeof form) => (ev: Event) => setForm({ ...form, [name]: (ev.target as HTMLInputElement).value });
  const send = async (ev: Event) => {
    ev.preventDefault();
    try {
      await api('POST', '/api/mail', {
        from: form.from, subject: form.subject, ...(asHtml ? { html: form.body } : { body: form.body }),
        // The "Todennus" field is Gmail's own verdict: the Authentication-Results Gmail writes on top.
        ...(form.auth.trim() ? { authenticationResults: form.auth.trim() } : {}),
      });
      props.onNotice({ kind: 'ok', text: `Viesti toimitettu rekisterin postilaatikkoon: ${form.subject}` });
      setForm({ from: form.from, subject: '', body: '', auth: form.auth });
      props.onSent();
    } catch (e) {
      props.onNotice({ kind: 'error', text: (e as Error).message });
    }
  };
  const list: MailView[] = box ? box[folder] : [];
  return h('div', { class: 'panel mail-panel', 'data-testid': 'mail-panel' },
    h('form', { class: 'mail-form', onSubmit: send },
      h('div', { class: 'panel-title' }, 'Lähetä viesti rekisterin postilaatikkoon'),
      h('label', null, 'Lähettäjä', h('input', { type: 'email', required: true, value: form.from, onInput: field('from'), placeholder: 'maija@example.fi', name: 'from', 'data-testid': 'mail-from' })),
      h('label', null, 'Aihe', h('input', { type: 'text', required: true, value: form.subject, onInput: field('subject'), name: 'subject', 'data-testid': 'mail-subject' })),
      h('label', null, 'Viesti', h('textarea', { rows: 3, value: form.body, onInput: field('body'), name: 'body', 'data-testid': 'mail-body' })),
      h('label', { title: 'Lähetä viesti pelkkänä HTML-osana (ei tekstiosaa)' },
        h('input', { type: 'checkbox', name: 'html', 'data-testid': 'mail-html', checked: asHtml, onChange: (ev: Event) => setAsHtml((ev.target as HTMLInputElement).checked) }), ' HTML'),
      h('label', { title: 'Gmailin oma Authentication-Results-otsake (tyhjä: dmarc=pass)' }, 'Todennus',
        h('input', { type: 'text', value: form.auth, onInput: field('auth'), name: 'auth', placeholder: '(dmarc=pass)', list: 'auth-presets', 'data-testid': 'mail-auth' })),
      h('datalist', { id: 'auth-presets' },
        h('option', { value: 'mx.google.com; dkim=pass; spf=pass; dmarc=pass' }),
        h('option', { value: 'mx.google.com; spf=fail; dmarc=fail' })),
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'mail-send' }, 'Toimita'),
    ),
    h('div', { class: 'mail-list' },
      h('div', { class: 'subtabs' },
        (['messages', 'drafts', 'sent'] as const).map((f) =>
          h('button', { type: 'button', key: f, class: folder === f ? 'subtab active' : 'subtab', onClick: () => setFolder(f) },
            `${{ messages: 'Saapuneet', drafts: 'Luonnokset', sent: 'Lähetetyt' }[f]} (${box ? box[f].length : '…'})`))),
      h('ul', { class: 'mails' },
        list.length === 0 ? h('li', { class: 'muted' }, 'Ei viestejä.') : null,
        [...list].reverse().map((m) => {
          const id = m.draftId ?? m.id;
          return h('li', { key: id, class: `mail${m.unread ? ' unread' : ''}${m.trashed ? ' trashed' : ''}`, 'data-testid': 'mail-item' },
            h('button', { type: 'button', class: 'mail-head', 'data-testid': 'mail-head', onClick: () => setOpen(open === id ? null : id) },
              h('span', { class: 'mail-date', title: m.date }, shortTime(m.date, props.timeZone)),
              h('span', { class: 'mail-who' }, folder === 'messages' ? m.from : m.to),
              h('span', { class: 'mail-subject' }, m.subject || '(ei aihetta)'),
              m.labels.map((l) => h('span', { class: 'label-chip', key: l }, l))),
            // The body as getPlainBody() gives it: an HTML-only mail as Gmail's text, never rendered as HTML.
            open === id ? h('pre', { class: 'mail-body', 'data-testid': 'mail-open' },
              Object.entries(m.headers).map(([k, v]) => `${k}: ${v}\n`).join(''), `From: ${m.from}\nTo: ${m.to}\n\n`, m.plainBody ?? m.body) : null);
        })),
    ),
  );
}

function TriggersPanel(props: { state: AppState; onNotice: (n: Notice) => void; refresh: () => void }) {
  const [name, setName] = useState('');
  const run = async (label: string, path: string) => {
    props.onNotice({ kind: 'info', text: `${label}: käynnissä…` });
    try {
      props.onNotice(outcomeText(label, await api<RunOutcome>('POST', path, {})));
    } catch (e) {
      props.onNotice({ kind: 'error', text: (e as Error).message });
    }
    props.refresh();
  };
  const every = (t: { everyMinutes?: number; atHour?: number; at?: number; spent?: boolean; monthDay?: number; weekDay?: string }) =>
    t.at !== undefined ? `kerran ${shortTime(new Date(t.at).toISOString(), props.state.timeZone)}${t.spent ? ' (ajettu, poistamatta)' : ''}`
    : t.monthDay !== undefined ? `kuun ${t.monthDay}. päivä${t.atHour !== undefined ? ` klo ${t.atHour}` : ''}`
    : t.everyMinutes ? (t.everyMinutes % 1440 === 0 ? `${t.everyMinutes / 1440} vrk välein${t.weekDay ? ` (${t.weekDay})` : ''}${t.atHour !== undefined ? ` klo ${t.atHour}` : ''}` : t.everyMinutes % 60 === 0 ? `${t.everyMinutes / 60} h välein` : `${t.everyMinutes} min välein`) : '';
  return h('div', { class: 'panel triggers-panel', 'data-testid': 'triggers-panel' },
    h('div', { class: 'panel-title' }, 'Asennetut käynnistimet'),
    props.state.triggers.length === 0 ? h('p', { class: 'muted' }, 'Ei asennettuja käynnistimiä.') : null,
    h('table', { class: 'triggers' },
      h('tbody', null, props.state.triggers.map((t) =>
        h('tr', { key: t.uid, 'data-testid': 'trigger-row', 'data-uid': t.uid },
          h('td', null, h('code', null, t.handlerFunction)),
          h('td', null, t.eventType === 'CLOCK' ? `ajastettu ${every(t)}` : t.eventType),
          h('td', { class: 'muted' }, t.owner),
          h('td', null, h('button', { type: 'button', onClick: () => run(t.handlerFunction, `/api/trigger-uid/${enc(t.uid)}`) }, 'Suorita')))))),
    h('form', {
      class: 'inline-form',
      onSubmit: (ev: Event) => {
        ev.preventDefault();
        if (name.trim()) void run(name.trim(), `/api/triggers/${enc(name.trim())}`);
      },
    },
      h('label', null, 'Aja ajastettu käsittelijä nimellä ',
        h('input', { type: 'text', value: name, placeholder: 'esim. runRetentionSweep', 'data-testid': 'trigger-name', onInput: (ev: Event) => setName((ev.target as HTMLInputElement).value) })),
      h('button', { type: 'submit' }, 'Suorita')),
  );
}

function StatsPanel(props: { version: number; onNotice: (n: Notice) => void }) {
  const [stats, setStats] = useState<Stats | null>(null);
  const [atCall, setAtCall] = useState('');
  const load = () => api<Stats>('GET', '/api/stats').then(setStats, (e: Error) => props.onNotice({ kind: 'error', text: e.message }));
  useEffect(() => {
    void load();
  }, [props.version]);
  return h('div', { class: 'panel stats-panel', 'data-testid': 'stats-panel' },
    h('div', { class: 'stats-head' },
      h('span', { class: 'panel-title' }, 'Palvelukutsut'),
      stats ? h('span', { class: 'stat-big', 'data-testid': 'stats-calls' }, `${stats.calls} kutsua`) : null,
      stats ? h('span', { class: 'stat-big' }, `${(stats.modelledMs / 1000).toFixed(2)} s mallinnettu`) : null,
      h('button', { type: 'button', onClick: () => api('POST', '/api/stats/reset', {}).then(load) }, 'Nollaa')),
    h('table', { class: 'stats' },
      h('thead', null, h('tr', null, h('th', null, 'Palvelu.metodi'), h('th', null, 'kutsut'), h('th', null, 'ms'))),
      h('tbody', null, stats ? Object.entries(stats.byMethod).map(([k, v]) =>
        h('tr', { key: k }, h('td', null, h('code', null, k)), h('td', { class: 'number' }, String(v.calls)), h('td', { class: 'number' }, String(Math.round(v.modelledMs))))) : null)),
    h('form', {
      class: 'inline-form',
      onSubmit: (ev: Event) => {
        ev.preventDefault();
        api('POST', '/api/faults', { atCall: Number(atCall) }).then(
          () => props.onNotice({ kind: 'info', text: `Seuraavan suorituksen ${atCall}. palvelukutsu epäonnistuu.` }),
          (e: Error) => props.onNotice({ kind: 'error', text: e.message }));
      },
    },
      h('label', null, 'Vikasimulaatio: seuraavan suorituksen kutsu nro ',
        h('input', { type: 'number', min: 1, value: atCall, style: { width: '5em' }, onInput: (ev: Event) => setAtCall((ev.target as HTMLInputElement).value) })),
      h('button', { type: 'submit', disabled: !atCall }, 'Aseta vika'),
      h('button', { type: 'button', onClick: () => api('DELETE', '/api/faults').then(() => props.onNotice({ kind: 'info', text: 'Viat poistettu' })) }, 'Poista viat')),
  );
}

function LogPanel(props: { state: AppState }) {
  const { timeZone } = props.state;
  return h('div', { class: 'panel log-panel', 'data-testid': 'log-panel' },
    props.state.logs.length === 0 ? h('p', { class: 'muted' }, 'Loki on tyhjä.') : null,
    h('ol', { class: 'log' }, [...props.state.logs].reverse().map((l, i) =>
      h('li', { key: i, class: `log-${l.level}` },
        h('span', { class: 'log-at', title: l.at }, shortTime(l.at, timeZone)),
        h('span', { class: 'log-user' }, l.user || '—'),
        h('span', { class: 'log-msg' }, l.message)))));
}

// ---- The app -------------------------------------------------------------------------------------------

function App() {
  const [user, setUser] = useState<string>(() => new URLSearchParams(location.search).get('user') || localStorage.getItem('emulator.user') || '');
  const [state, setState] = useState<AppState | null>(null);
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState<string>('');
  const [notice, setNotice] = useState<Notice>(null);
  const [access, setAccess] = useState<string | null>(null);
  const [panel, setPanel] = useState<'mail' | 'triggers' | 'stats' | 'log'>('mail');
  const [dialogSize, setDialogSize] = useState<{ width?: number; height?: number }>({});
  const userRef = useRef(user);
  userRef.current = user;

  const refresh = async () => {
    try {
      const s = await api<AppState>('GET', `/api/state?user=${enc(userRef.current)}`);
      setState(s);
      const names = await api<string[]>('GET', '/api/sheets');
      setSheets((old) => (old.join('\u0000') === names.join('\u0000') ? old : names));
      setSheet((cur) => (names.includes(cur) ? cur : names[0] ?? ''));
    } catch (e) {
      setNotice({ kind: 'error', text: `Emulaattoriin ei saada yhteyttä: ${(e as Error).message}` });
    }
  };

  /** Opens the spreadsheet as `email`: Sheets runs onOpen, which builds that user's menus. */
  const openAs = async (email: string) => {
    userRef.current = email;
    setUser(email);
    try {
      const out = await api<{ reports: RunOutcome[] }>('POST', '/api/open', email ? { user: email } : {});
      const denied = out.reports.find((r) => r.error && r.ok === false);
      setAccess(denied && out.reports.length === 1 && /access/i.test(denied.error!.message) ? denied.error!.message : null);
      const failed = out.reports.find((r) => r.error);
      if (failed) setNotice({ kind: 'error', text: `onOpen: ${failed.error!.message}` });
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
    }
    await refresh();
  };

  useEffect(() => {
    void openAs(user);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    const onMessage = (ev: MessageEvent) => {
      if (ev.origin !== location.origin || !ev.data || ev.data.source !== 'gas-emulator') return;
      if (ev.data.type === 'size') {
        setDialogSize((s) => ({ ...s, ...(ev.data.width ? { width: ev.data.width } : {}), ...(ev.data.height ? { height: ev.data.height } : {}) }));
      } else void refresh();
    };
    window.addEventListener('message', onMessage);
    return () => {
      clearInterval(timer);
      window.removeEventListener('message', onMessage);
    };
  }, []);

  useEffect(() => {
    if (state && !user) setUser(state.user);
    if (state) localStorage.setItem('emulator.user', state.user);
  }, [state?.user]);

  useEffect(() => setDialogSize({}), [state?.ui.dialog?.openedAt]);

  // The frames' Date follows the emulated clock (shim.ts): tell them its time at every read of the state.
  useEffect(() => {
    if (!state) return;
    for (const frame of Array.from(document.querySelectorAll('iframe'))) {
      frame.contentWindow?.postMessage({ source: 'gas-emulator-page', type: 'clock', now: state.now }, location.origin);
    }
  }, [state]);

  if (!state) return h('div', { class: 'loading' }, 'Käynnistetään emulaattoria…');

  const runMenu = async (fn: string, caption: string) => {
    setNotice({ kind: 'info', text: `${caption}: käynnissä…` });
    try {
      setNotice(outcomeText(caption, await api<RunOutcome>('POST', `/api/menu/${enc(fn)}`, { user: state.user })));
    } catch (e) {
      setNotice({ kind: 'error', text: (e as Error).message });
    }
    await refresh();
  };
  const closeFrame = async (which: 'sidebar' | 'dialog' | 'alerts' | 'toasts') => {
    await api('POST', '/api/ui/close', { user: state.user, which }).catch(() => undefined);
    await refresh();
  };
  const me = state.users.find((u) => u.email === state.user);

  return h('div', { class: 'app' },
    h('header', { class: 'topbar' },
      h('div', { class: 'doc' },
        h('div', { class: 'doc-icon', 'aria-hidden': true }),
        h('div', null,
          h('div', { class: 'doc-name', 'data-testid': 'spreadsheet-name' }, state.spreadsheetName),
          h('div', { class: 'doc-sub' }, 'Apps Script -emulaattori · paikallinen'))),
      h(Clock, { state, onChange: setNotice, refresh }),
      h('label', { class: 'user-switch' },
        h('span', null, 'Käyttäjä'),
        h('select', {
          'data-testid': 'user-select', value: state.user,
          onChange: (ev: Event) => void openAs((ev.target as HTMLSelectElement).value),
        }, state.users.map((u) => h('option', { key: u.email, value: u.email }, `${u.email} (${{ owner: 'omistaja', editor: 'muokkaaja', viewer: 'katselija', none: 'ei pääsyä' }[u.role] ?? u.role})`)))),
    ),
    h(MenuBar, { menus: state.ui.menus, disabled: !state.canOpen, onRun: runMenu }),
    state.ui.alerts.length ? h('div', { class: 'alerts', role: 'alert', 'data-testid': 'alerts' },
      state.ui.alerts.slice(-3).map((a, i) => h('div', { class: 'alert', key: i },
        a.title ? h('strong', null, a.title) : null,
        h('div', { class: 'alert-text' }, a.prompt))),
      h('button', { type: 'button', class: 'primary', onClick: () => closeFrame('alerts') }, 'OK')) : null,
    h('main', { class: 'workspace' },
      h('section', { class: 'sheet-area' },
        !state.canOpen || access
          ? h('div', { class: 'no-access', 'data-testid': 'no-access' },
            h('h2', null, 'Ei käyttöoikeutta'),
            h('p', null, access ?? `${state.user} ei voi avata tätä laskentataulukkoa: sitä ei ole jaettu hänelle.`))
          : sheet ? h(Grid, { sheet, user: state.user, version: state.version, onNotice: setNotice, onEdited: refresh }) : null,
        state.canOpen && !access ? h('div', { class: 'tabs', role: 'tablist', 'data-testid': 'tabs' },
          sheets.map((name) => h('button', {
            type: 'button', role: 'tab', key: name, 'aria-selected': name === sheet, class: name === sheet ? 'tab active' : 'tab',
            onClick: () => setSheet(name),
          }, name))) : null,
      ),
      state.ui.sidebar ? h(SidebarFrame, { state, onClose: () => closeFrame('sidebar') }) : null,
    ),
    h('div', { class: `status ${notice?.kind ?? ''}`, role: 'status', 'data-testid': 'status' },
      notice ? notice.text : `Valmis · ${me?.name ?? state.user} · ${state.executions} suoritusta`),
    h('section', { class: 'dock' },
      h('div', { class: 'dock-tabs', role: 'tablist' },
        ([['mail', 'Posti'], ['triggers', `Käynnistimet (${state.triggers.length})`], ['stats', 'Tilastot'], ['log', 'Loki']] as const).map(([id, label]) =>
          h('button', { type: 'button', role: 'tab', key: id, 'aria-selected': panel === id, class: panel === id ? 'dock-tab active' : 'dock-tab', 'data-testid': `dock-${id}`, onClick: () => setPanel(id) }, label))),
      panel === 'mail' ? h(MailPanel, { version: state.version, timeZone: state.timeZone, onNotice: setNotice, onSent: refresh }) : null,
      panel === 'triggers' ? h(TriggersPanel, { state, onNotice: setNotice, refresh }) : null,
      panel === 'stats' ? h(StatsPanel, { version: state.version, onNotice: setNotice }) : null,
      panel === 'log' ? h(LogPanel, { state }) : null,
    ),
    state.ui.dialog ? h(DialogFrame, { state, size: dialogSize, onClose: () => closeFrame('dialog') }) : null,
    state.ui.toasts.length ? h('div', { class: 'toasts', 'data-testid': 'toasts' },
      state.ui.toasts.slice(-3).map((t, i) => h('div', { class: 'toast', key: i },
        t.title ? h('strong', null, t.title) : null, h('span', null, t.message))),
      h('button', { type: 'button', class: 'icon', 'aria-label': 'Sulje ilmoitukset', onClick: () => closeFrame('toasts') }, '✕')) : null,
  );
}

render(h(App, null), document.getElementById('app')!);
