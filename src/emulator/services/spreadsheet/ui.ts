/**
 * The editor's UI as the script sees it (SpreadsheetApp.getUi()): custom menus, sidebars, dialogs,
 * alerts and prompts. What the script shows is recorded in the world for the user at the keyboard,
 * where the dev server renders it. Alerts and prompts cannot wait for a person here: an alert
 * answers with its first button, a prompt is closed with no text.
 */
import type { DialogState, MenuState } from '../../world';
import { asGas, SheetsContext } from './context';
import { enumName } from '../enum';
import { BUTTONS_OF, ButtonName, ButtonSetName, FAMILY } from './enums';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type GasButton = GoogleAppsScript.Base.Button;

/** The width Sheets gives every sidebar, whatever the HtmlOutput asks for. */
export const SIDEBAR_WIDTH = 300;

/** The public surface of an HtmlOutput the UI needs (HtmlService's objects are duck-typed). */
interface HtmlOutputLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

function isHtmlOutput(v: unknown): v is HtmlOutputLike {
  const o = v as Partial<HtmlOutputLike> | null;
  return !!o && typeof o === 'object' && typeof o.getContent === 'function' && typeof o.getTitle === 'function';
}

export class MenuImpl implements Pick<GasMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly state: MenuState;

  constructor(
    private readonly ctx: SheetsContext,
    name: string,
  ) {
    this.state = { name, items: [] };
  }

  private self(): GasMenu {
    return asGas<GasMenu>(this);
  }

  /** Building a menu is local to the script: counted, not timed. */
  private build(key: string): void {
    this.ctx.exec.call('Free', key);
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.build('Menu.addItem');
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      this.ctx.signatureMismatch('Menu.addItem', [caption, functionName]);
    }
    this.state.items.push({ caption, functionName });
    return this.self();
  }

  addSeparator(): GasMenu {
    this.build('Menu.addSeparator');
    this.state.items.push(null);
    return this.self();
  }

  addSubMenu(menu: GasMenu): GasMenu {
    this.build('Menu.addSubMenu');
    if (!(menu instanceof MenuImpl)) this.ctx.signatureMismatch('Menu.addSubMenu', [menu]);
    this.state.items.push(menu.state);
    return this.self();
  }

  /** Shows the menu in the editor, replacing one of the same name. */
  addToUi(): void {
    this.ctx.call('Menu.addToUi');
    const ui = this.ctx.exec.world.uiFor(this.ctx.exec.options.actingUser);
    const copy: MenuState = JSON.parse(JSON.stringify(this.state));
    const at = ui.menus.findIndex((m) => m.name === copy.name);
    if (at >= 0) ui.menus[at] = copy;
    else ui.menus.push(copy);
  }
}

class PromptResponseImpl implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly text: string,
    private readonly button: unknown,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GasButton {
    return this.button as unknown as GasButton;
  }
}

type OfferedUiMethods =
  | 'alert' | 'prompt' | 'createMenu' | 'createAddonMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog';

export class UiImpl implements Pick<GasUi, OfferedUiMethods> {
  readonly Button;
  readonly ButtonSet;

  constructor(private readonly ctx: SheetsContext) {
    this.Button = ctx.enums.Button;
    this.ButtonSet = ctx.enums.ButtonSet;
  }

  /** The execution's Button object for a name (what alert and prompt answer with). */
  private button(name: ButtonName): GasButton {
    return this.ctx.enums.Button[name] as unknown as GasButton;
  }

  private get ui() {
    return this.ctx.exec.world.uiFor(this.ctx.exec.options.actingUser);
  }

  createMenu(caption: string): GasMenu {
    this.ctx.call('Ui.createMenu');
    if (typeof caption !== 'string') this.ctx.signatureMismatch('Ui.createMenu', [caption]);
    return asGas(new MenuImpl(this.ctx, caption));
  }

  /** An add-on's menu is named after the add-on; the emulator names it after the spreadsheet. */
  createAddonMenu(): GasMenu {
    this.ctx.call('Ui.createAddonMenu');
    return asGas(new MenuImpl(this.ctx, this.ctx.exec.world.drive.name));
  }

  private dialog(kind: DialogState['kind'], output: unknown, title: string | null, method: string): DialogState {
    if (!isHtmlOutput(output)) this.ctx.signatureMismatch(method, [output]);
    const width = kind === 'sidebar' ? SIDEBAR_WIDTH : Number(output.getWidth?.() ?? 600);
    const height = Number(output.getHeight?.() ?? 400);
    return {
      kind,
      title: title ?? String(output.getTitle() ?? ''),
      html: String(output.getContent()),
      width,
      height,
      openedAt: this.ctx.exec.now(),
    };
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.ctx.call('Ui.showSidebar');
    this.ui.sidebar = this.dialog('sidebar', userInterface, null, 'Ui.showSidebar');
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.call('Ui.showModalDialog');
    this.ui.dialog = this.dialog('modal', userInterface, String(title ?? ''), 'Ui.showModalDialog');
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.ctx.call('Ui.showModelessDialog');
    this.ui.dialog = this.dialog('modeless', userInterface, String(title ?? ''), 'Ui.showModelessDialog');
  }

  /** Reads (prompt[, buttons]) or (title, prompt, buttons). */
  private dialogArgs(args: unknown[], method: string): { title: string; prompt: string; buttons: ButtonSetName } {
    // A ButtonSet must be the enum object: the string "YES_NO" does not match the signature.
    const set = (v: unknown): ButtonSetName | null => enumName<ButtonSetName>(v, FAMILY.ButtonSet);
    if (args.length === 1 && typeof args[0] === 'string') return { title: '', prompt: args[0], buttons: 'OK' };
    const two = args.length === 2 && typeof args[0] === 'string' ? set(args[1]) : null;
    if (two) return { title: '', prompt: args[0] as string, buttons: two };
    const three = args.length === 3 && typeof args[0] === 'string' && typeof args[1] === 'string' ? set(args[2]) : null;
    if (three) return { title: args[0] as string, prompt: args[1] as string, buttons: three };
    return this.ctx.signatureMismatch(method, args);
  }

  alert(prompt: string): GasButton;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GasButton;
  alert(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GasButton;
  alert(...args: unknown[]): GasButton {
    this.ctx.call('Ui.alert');
    const { title, prompt, buttons } = this.dialogArgs(args, 'Ui.alert');
    this.ui.alerts.push({ title, prompt, buttons, at: this.ctx.exec.now() });
    if (this.ui.alerts.length > 50) this.ui.alerts.splice(0, this.ui.alerts.length - 50);
    return this.button(BUTTONS_OF[buttons][0]);
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    this.ctx.call('Ui.prompt');
    const { title, prompt, buttons } = this.dialogArgs(args, 'Ui.prompt');
    this.ui.alerts.push({ title, prompt, buttons, at: this.ctx.exec.now() });
    return new PromptResponseImpl('', this.button('CLOSE'));
  }
}
