import { createWorld, runSnippet, scriptRuntime } from '../support/emulator';
import { htmlOutputState } from '../../src/emulator/services/html';

function run(code: string, html: Record<string, string> = {}) {
  const report = scriptRuntime(code, createWorld(), html).execute('test', []);
  if (!report.ok) throw new Error(report.error!.message);
  return report.value;
}

describe('HtmlService', () => {
  test('a template escapes <?= ?> output', () => {
    const out = run(`function test() { var t = HtmlService.createTemplate('<p><?= name ?></p>'); t.name = '<img src=x onerror=alert(1)>'; return t.evaluate().getContent(); }`);
    expect(out).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  test('<?!= ?> prints raw and <? ?> runs statements', () => {
    const out = run(`function test() {
      var t = HtmlService.createTemplate('<? for (var i = 0; i < items.length; i++) { ?><li><?!= items[i] ?></li><? } ?>');
      t.items = ['<b>a</b>', 'b'];
      return t.evaluate().getContent();
    }`);
    expect(out).toBe('<li><b>a</b></li><li>b</li>');
  });

  test("scriptlets see the script's globals and functions", () => {
    const out = run(`var TITLE = 'Rekisteri';
      function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
      function test() { return HtmlService.createTemplateFromFile('Page').evaluate().getContent(); }`,
      { Page: '<h1><?= TITLE ?></h1><?!= include("Style") ?>', Style: '<style>p{}</style>' });
    expect(out).toBe('<h1>Rekisteri</h1><style>p{}</style>');
  });

  test('createHtmlOutputFromFile does not evaluate scriptlets', () => {
    expect(run(`function test() { return HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent(); }`, { Sidebar: '<?= 1 ?>' })).toBe('<?= 1 ?>');
  });

  test('a missing HTML file throws', () => {
    expect(() => run(`function test() { HtmlService.createHtmlOutputFromFile('Nope'); }`)).toThrow('No HTML file named Nope was found.');
  });

  test('SandboxMode and XFrameOptionsMode are enum objects: setSandboxMode takes the value, not the bare string', () => {
    expect(runSnippet(`var o = HtmlService.createHtmlOutput('x').setSandboxMode(HtmlService.SandboxMode.IFRAME)
        .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
      return [typeof HtmlService.SandboxMode.IFRAME, String(HtmlService.XFrameOptionsMode.DEFAULT), o.getContent()];`)).toEqual(['object', 'DEFAULT', 'x']);
    expect(() => runSnippet(`HtmlService.createHtmlOutput('x').setSandboxMode('IFRAME');`))
      .toThrow("The parameters (String) don't match the method signature for HtmlService.HtmlOutput.setSandboxMode.");
  });

  test('appendUntrusted escapes, title and size are kept for the UI', () => {
    const world = createWorld();
    const rt = scriptRuntime(`function test() { return HtmlService.createHtmlOutput('<p>').appendUntrusted('<x>').setTitle('Asiakkaat').setWidth(300).setHeight(500); }`, world);
    const report = rt.execute('test', []);
    expect(htmlOutputState(report.value)).toMatchObject({ content: '<p>&lt;x&gt;', title: 'Asiakkaat', width: 300, height: 500 });
  });
});
