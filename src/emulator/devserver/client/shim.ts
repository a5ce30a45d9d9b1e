/// <reference lib="dom" />
/**
 * `google.script` for the script's HTML in the emulator's frames: `run` (calls the emulator's
 * POST /api/run/:fn as the frame's user), `host` and `url`. Behaves as HtmlService's client does:
 * every call is asynchronous; an argument holding a Date, a function or a DOM node other than a
 * <form> fails the call through the failure handler without reaching the server; at most ten
 * calls are in flight, the rest wait their turn; each `withX` returns a new runner.
 *
 * The frame's `Date` is the emulated clock, as the server's is: `new Date()` and `Date.now()`
 * give the world's time, which stands still between executions and moves when the clock is set
 * or an execution spends modelled time (the emulator page tells the frame). So what a person
 * sees in a frame agrees with the server. `?clock=browser` on the frame's address keeps the
 * browser's own clock instead (to check that the script's HTML takes no date from it).
 */
import { encodeArgument, WireError } from '../../wire';

interface ShimConfig {
  user: string;
  frame: 'sidebar' | 'dialog';
  /** The script's public top-level functions: the names `google.script.run` offers. */
  functions: string[];
  origin: string;
  /** The emulated clock when the frame was served (ISO 8601). */
  now: string;
  /** 'emulated': the frame's Date follows the emulated clock; 'browser': the browser's own. */
  clock: 'emulated' | 'browser';
}

type Reply = { result?: unknown; error?: { message: string } };

type Handler = (value: unknown, userObject: unknown) => void;

interface RunnerState {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const config = (window as unknown as { __GAS_EMULATOR__: ShimConfig }).__GAS_EMULATOR__;

/**
 * Replaces the frame's Date by one whose "now" is the emulated clock (as the runtime does for the
 * script's own code); constructing a given time, parse, UTC and instanceof work as before.
 */
function followEmulatedClock(start: number): void {
  const RealDate = Date;
  let now = start;
  function EmulatedDate(this: unknown, ...a: unknown[]): unknown {
    if (!new.target) return new RealDate(now).toString();
    return a.length === 0 ? new RealDate(now) : new (RealDate as unknown as new (...x: unknown[]) => Date)(...a);
  }
  EmulatedDate.prototype = RealDate.prototype;
  EmulatedDate.now = () => now;
  EmulatedDate.UTC = RealDate.UTC;
  EmulatedDate.parse = RealDate.parse;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: EmulatedDate, writable: true, configurable: true });
  (window as unknown as { Date: unknown }).Date = EmulatedDate;
  // The emulator page sends the world's clock whenever it reads the state (and so after every move).
  window.addEventListener('message', (ev: MessageEvent) => {
    const d = ev.data as { source?: unknown; type?: unknown; now?: unknown } | null;
    if (ev.source !== window.parent || ev.origin !== location.origin || !d || d.source !== 'gas-emulator-page' || d.type !== 'clock') return;
    const ms = typeof d.now === 'string' ? RealDate.parse(d.now) : NaN;
    if (Number.isFinite(ms)) now = ms;
  });
}

if (config.clock !== 'browser' && Number.isFinite(Date.parse(config.now))) followEmulatedClock(Date.parse(config.now));
const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: (() => void)[] = [];

/** Tells the emulator page something happened (it refreshes menus, grid, dialogs). */
function notifyParent(message: Record<string, unknown>): void {
  try {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage({ source: 'gas-emulator', frame: config.frame, ...message }, location.origin);
    }
  } catch {
    // A frame opened on its own has no emulator page to tell.
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).nodeType === 'number' && typeof (v as Node).nodeName === 'string';
}

/** A <form> travels as an object of its named fields' values. */
function formValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = (name: string, value: unknown) => {
    if (!(name in out)) out[name] = value;
    else if (Array.isArray(out[name])) (out[name] as unknown[]).push(value);
    else out[name] = [out[name], value];
  };
  for (const el of Array.from(form.elements) as (HTMLInputElement & HTMLSelectElement)[]) {
    const name = el.name;
    if (!name || el.disabled) continue;
    const type = (el.type || '').toLowerCase();
    if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image') continue;
    if ((type === 'checkbox' || type === 'radio') && !el.checked) continue;
    if (type === 'file') {
      // Files reach the real server as blobs; the emulator's JSON wire carries only their names.
      put(name, el.files && el.files[0] ? el.files[0].name : null);
    } else if (type === 'select-multiple') {
      put(name, Array.from(el.selectedOptions).map((o) => o.value));
    } else {
      put(name, el.value);
    }
  }
  return out;
}

/** Replaces forms by their values and refuses other DOM nodes; the rest is wire.ts's job. */
function withoutNodes(value: unknown, path: string, seen: Set<unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isNode(value)) {
    if (value.nodeName.toLowerCase() === 'form') return formValues(value as HTMLFormElement);
    throw new WireError(`Failed due to illegal value in property: ${path}`);
  }
  if (seen.has(value)) throw new WireError(`Failed due to illegal value in property: ${path}`);
  const kind = Object.prototype.toString.call(value).slice(8, -1);
  if (Array.isArray(value)) {
    seen.add(value);
    const out = value.map((v, i) => withoutNodes(v, `${path}[${i}]`, seen));
    seen.delete(value);
    return out;
  }
  if (kind !== 'Object') return value; // Date, RegExp, …: wire.ts refuses them.
  seen.add(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = withoutNodes(v, k, seen);
  seen.delete(value);
  return out;
}

function later(f: () => void): void {
  setTimeout(f, 0);
}

function fail(state: RunnerState, error: Error): void {
  if (state.failure) state.failure(error, state.userObject);
  // Without a failure handler the error surfaces as an uncaught exception, as in Apps Script.
  else throw error;
}

function startNext(): void {
  while (inFlight < MAX_IN_FLIGHT && waiting.length) {
    inFlight += 1;
    waiting.shift()!();
  }
}

function call(fn: string, args: unknown[], state: RunnerState): void {
  let encoded: unknown[];
  try {
    encoded = args.map((a, i) => {
      const v = encodeArgument(withoutNodes(a, String(i), new Set()), String(i));
      return v === undefined ? null : v;
    });
  } catch (e) {
    const message = e instanceof WireError ? e.message : `Failed due to illegal value: ${(e as Error).message}`;
    later(() => fail(state, new Error(message)));
    return;
  }
  waiting.push(() => {
    fetch(`/api/run/${encodeURIComponent(fn)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ args: encoded, user: config.user }),
    })
      .then((r) => r.json() as Promise<Reply>)
      .then(
        (body): { ok: boolean; body: Reply } => ({ ok: !body.error, body }),
        (e: Error): { ok: boolean; body: Reply } => ({ ok: false, body: { error: { message: `NetworkError: Connection failure due to HTTP 0 (${e.message})` } } }),
      )
      .then(({ ok, body }) => {
        inFlight -= 1;
        startNext();
        notifyParent({ type: 'ran', fn });
        // Handlers run in a task of their own: what they throw is an uncaught error, as in Apps Script.
        later(() => {
          if (ok) {
            if (state.success) state.success(body.result === undefined ? null : body.result, state.userObject);
          } else {
            const error = new Error(body.error!.message);
            error.name = 'ScriptError';
            fail(state, error);
          }
        });
      });
  });
  startNext();
}

function runner(state: RunnerState): Record<string, unknown> {
  const r: Record<string, unknown> = {
    withSuccessHandler: (f: Handler) => runner({ ...state, success: f }),
    withFailureHandler: (f: Handler) => runner({ ...state, failure: f }),
    withUserObject: (o: unknown) => runner({ ...state, userObject: o }),
  };
  for (const name of config.functions) {
    if (name in r) continue;
    r[name] = (...args: unknown[]) => {
      call(name, args, state);
    };
  }
  return r;
}

function close(): void {
  fetch('/api/ui/close', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: config.user, which: config.frame }),
  }).finally(() => notifyParent({ type: 'closed' }));
}

const google = ((window as unknown as { google?: Record<string, unknown> }).google ??= {});
google.script = {
  run: runner({}),
  host: {
    origin: config.origin,
    close,
    setHeight: (h: number) => notifyParent({ type: 'size', height: Number(h) }),
    setWidth: (w: number) => notifyParent({ type: 'size', width: Number(w) }),
    editor: { focus: () => notifyParent({ type: 'focus-editor' }) },
  },
  url: {
    getLocation: (callback: (location: unknown) => void) => {
      const parameters: Record<string, string[]> = {};
      new URLSearchParams(location.search).forEach((v, k) => {
        if (k !== 'user' && k !== 'clock') (parameters[k] ??= []).push(v);
      });
      const parameter = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v[0]]));
      later(() => callback({ hash: location.hash.replace(/^#/, ''), parameter, parameters }));
    },
  },
};
