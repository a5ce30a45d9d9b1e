/** Service (ScriptApp.getService()): the project is never deployed as a web app. */
import type { Execution } from '../../execution';

export class ServiceImpl implements Pick<GoogleAppsScript.Script.Service, 'getUrl' | 'isEnabled'> {
  constructor(private readonly exec: Execution) {}

  getUrl(): string {
    this.exec.call('Free', 'Service.getUrl');
    // The project is never deployed as a web app.
    return null as unknown as string;
  }

  isEnabled(): boolean {
    this.exec.call('Free', 'Service.isEnabled');
    return false;
  }
}
