/**
 * What a page was opened for: the server puts `<script type="application/json" id="…">` before
 * the built page's app element (menu.ts: openRecordInSidebar, showRequestsDialog with an id), holding JSON
 * whose `<` is escaped. Read as text and parsed, never run or inserted as markup.
 */
export function readOpenHint(elementId: string): Record<string, unknown> | null {
  const el = document.getElementById(elementId);
  if (!el || el.getAttribute('type') !== 'application/json') return null;
  try {
    const value = JSON.parse(el.textContent ?? '') as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
