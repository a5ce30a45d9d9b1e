/** SpreadsheetTriggerBuilder: an installable on-edit, on-change, on-open or on-form-submit trigger. */
import type { Execution } from '../../execution';
import type { TriggerEventType } from '../../world';
import { manage } from './common';
import { install } from './trigger';

type Trigger = GoogleAppsScript.Script.Trigger;

export class SpreadsheetTriggerBuilderImpl implements Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, 'onEdit' | 'onChange' | 'onOpen' | 'onFormSubmit' | 'create'> {
  private event: TriggerEventType | null = null;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  private set(method: string, event: TriggerEventType): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.exec.call('Free', `SpreadsheetTriggerBuilder.${method}`);
    this.event = event;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  onEdit() {
    return this.set('onEdit', 'ON_EDIT');
  }

  onChange() {
    return this.set('onChange', 'ON_CHANGE');
  }

  onOpen() {
    return this.set('onOpen', 'ON_OPEN');
  }

  onFormSubmit() {
    return this.set('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  create(): Trigger {
    this.exec.call('ScriptApp', 'SpreadsheetTriggerBuilder.create');
    manage(this.exec, 'SpreadsheetTriggerBuilder.create');
    if (this.event === null) throw this.exec.guest.error('Trigger has no event: call onEdit, onChange, onOpen or onFormSubmit before create().');
    return install(this.exec, { handlerFunction: this.handler, eventType: this.event, source: 'SPREADSHEETS', sourceId: this.sourceId });
  }
}
