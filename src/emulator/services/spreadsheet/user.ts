/** Base.User as the spreadsheet service hands it out (owner, editors). */
export class UserImpl implements GoogleAppsScript.Base.User {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  getUserLoginId(): string {
    return this.email;
  }
}

/** An email from a string or a User-like object (Apps Script accepts both). */
export function emailOf(user: unknown): string | null {
  if (typeof user === 'string') return user;
  if (user && typeof (user as { getEmail?: unknown }).getEmail === 'function') {
    return String((user as { getEmail(): unknown }).getEmail());
  }
  return null;
}
