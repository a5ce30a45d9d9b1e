/**
 * The server's clock in the sidebar: the moment and the day ("today" in the register's time zone)
 * that getSidebarInfo last returned. Every business date the sidebar offers, checks or shows a
 * badge for comes from here, never from the browser's clock, which may be wrong or in another
 * zone (DESIGN §2: "today" is the server's). The sidebar refreshes it as a record or a new form opens.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface ServerClock {
  /** The server's moment of the last getSidebarInfo call (ISO 8601). */
  now: string;
  /** That moment's day in the register's time zone, 'YYYY-MM-DD'. */
  today: string;
}

/** Provided by the sidebar once getSidebarInfo has answered; nothing reads it before. */
export const ClockContext = createContext<ServerClock>({ now: '', today: '' });

/** The server's now and today. */
export function useServerClock(): ServerClock {
  return useContext(ClockContext);
}
