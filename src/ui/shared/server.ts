/**
 * A typed promise wrapper over google.script.run: the server module's own types describe every
 * call, so a renamed or re-typed server function breaks the UI's build, not a user's click.
 */
import type * as Server from '../../server/index';
import { text, TEXTS } from '../../core/texts';
import { isGoogleFailure, ownMessage } from './format';

/** Whether `message` starts as one of the register's own texts does (before any placeholder). */
let starts: string[] | null = null;
function isOurs(message: string): boolean {
  starts ??= Object.values(TEXTS).flatMap((texts) => Object.values(texts).map((t) => t.split('{')[0].slice(0, 24)).filter((t) => t.length >= 8));
  return starts.some((t) => message.startsWith(t));
}

type ServerApi = typeof Server;
export type ServerFunction = keyof ServerApi;

interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
  [fn: string]: unknown;
}

declare const google: { script: { run: Runner } };

/** The language Google's own failures are told in: the register's, once getSidebarInfo said it. */
let failureLanguage = 'fi';
export function setFailureLanguage(language: string): void {
  failureLanguage = language;
}

/**
 * Calls a server function; resolves with its result, rejects with its Error (message for the
 * user). Google's own service errors ("Service Spreadsheets failed…", "Exception: …", a network
 * failure) become one sentence in the user's language that says to try again; the original is
 * kept as the error's `cause` (and in the console) for whoever looks into it.
 */
export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => {
        const message = String(error?.message ?? error);
        if (!isGoogleFailure(message, isOurs)) {
          const own = ownMessage(message, isOurs);
          return reject(own === message ? error : Object.assign(new Error(own), { cause: error }));
        }
        console.warn(`Rekisteri: ${String(name)} failed at Google: ${message}`);
        const told = new Error(text(failureLanguage, 'uiGoogleFailed')) as Error & { google?: boolean };
        told.cause = error;
        told.google = true;
        reject(told);
      });
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
