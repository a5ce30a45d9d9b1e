/**
 * A typed promise wrapper over google.script.run: the server module's own types describe every
 * call, so a renamed or re-typed server function breaks the UI's build, not a user's click.
 */
import type * as Server from '../../server/index';

type ServerApi = typeof Server;
export type ServerFunction = keyof ServerApi;

interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: Error) => void): Runner;
  [fn: string]: unknown;
}

declare const google: { script: { run: Runner } };

/** Calls a server function; resolves with its result, rejects with its Error (message for the user). */
export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(error));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
