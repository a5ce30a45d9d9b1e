/**
 * Session: who runs the script. The active user's email is "" where Apps Script hides it (simple
 * triggers); installable triggers run as their creator (the effective user).
 */
import { createHash } from 'node:crypto';
import type { Execution } from '../execution';

const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

export class UserImpl implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  constructor(
    private readonly exec: Execution,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.exec.call('Free', 'User.getEmail');
    return this.email;
  }
}

class SessionImpl
  implements Pick<GoogleAppsScript.Base.Session, 'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey'>
{
  constructor(private readonly exec: Execution) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    this.exec.call('Free', 'Session.getActiveUser');
    this.exec.requireScope(EMAIL_SCOPE, 'Session.getActiveUser');
    return new UserImpl(this.exec, this.exec.options.activeUser) as unknown as GoogleAppsScript.Base.User;
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    this.exec.call('Free', 'Session.getEffectiveUser');
    this.exec.requireScope(EMAIL_SCOPE, 'Session.getEffectiveUser');
    return new UserImpl(this.exec, this.exec.options.effectiveUser) as unknown as GoogleAppsScript.Base.User;
  }

  getScriptTimeZone(): string {
    this.exec.call('Free', 'Session.getScriptTimeZone');
    return this.exec.world.manifest.timeZone;
  }

  getActiveUserLocale(): string {
    this.exec.call('Free', 'Session.getActiveUserLocale');
    // "the language setting of the current user as a string—for example, en for English"
    // (https://developers.google.com/apps-script/reference/base/session#getActiveUserLocale()):
    // the account at the keyboard, whose locale each WorldUser may set ('fi' by default).
    const user = this.exec.options.actingUser;
    return this.exec.world.users.find((u) => u.email.toLowerCase() === user.toLowerCase())?.locale ?? 'fi';
  }

  getTemporaryActiveUserKey(): string {
    this.exec.call('Free', 'Session.getTemporaryActiveUserKey');
    return createHash('sha256').update(`key:${this.exec.world.drive.id}:${this.exec.options.actingUser}`).digest('base64').slice(0, 43);
  }
}

export function createSession(exec: Execution): object {
  return new SessionImpl(exec);
}
