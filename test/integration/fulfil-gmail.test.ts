/**
 * The Gmail the fulfilment relies on, in the emulator as Google documents it: a draft reply
 * carries its attachments (GmailMessage.createDraftReply's `attachments` option) and stays in the
 * thread; GmailApp.getDraftMessages ("Retrieves all draft messages") is one call whose messages'
 * metadata is then free, which is how a retry finds the draft an earlier attempt made.
 */
import { demo } from '../support/register';

describe('draft replies with attachments, and finding drafts in one call', () => {
  test('createDraftReply keeps the attachments and the thread; getDraftMessages is one counted call, its metadata free', () => {
    const em = demo(5);
    const { threadId } = em.deliverMail({ from: 'maija@example.fi', subject: 'Tietopyyntö', body: 'Pyydän tietojani.' });
    const run = em.runScript(`
      const thread = GmailApp.getThreadById(${JSON.stringify(threadId)});
      const message = thread.getMessages()[0];
      message.createDraftReply('Liitteenä', { htmlBody: '<p>Liitteenä</p>', attachments: [Utilities.newBlob('<p>x</p>', 'text/html', 'kopio.html'), Utilities.newBlob('{}', 'application/json', 'kopio.json')] });
      const drafts = GmailApp.getDraftMessages();
      return drafts.map((m) => ({ to: m.getTo(), subject: m.getSubject(), thread: m.getThread().getId(), draft: m.isDraft(), date: m.getDate().getTime() > 0,
        files: m.getAttachments().map((a) => a.getName() + ':' + a.getContentType()) }));
    `);
    expect(run.ok).toBe(true);
    expect(run.result).toEqual([{ to: 'maija@example.fi', subject: 'Re: Tietopyyntö', thread: threadId, draft: true, date: true, files: ['kopio.html:text/html', 'kopio.json:application/json'] }]);
    const byMethod = run.byMethod as Record<string, { calls: number }>;
    expect(byMethod['GmailApp.getDraftMessages'].calls).toBe(1);
    // Metadata after the batch read costs nothing; the attachments are content, a read of their own.
    expect(byMethod['GmailMessage.getAttachments'].calls).toBe(1);
    expect(run.calls).toBe(5);
  });
});
