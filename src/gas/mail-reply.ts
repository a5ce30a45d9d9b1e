/**
 * The one way the register writes to a person about their request (acknowledgement, extension,
 * rejection, fulfilment): in the request's own Gmail thread, to one address only — the
 * registered address of the case's person, or where the case has none the requester's own.
 *
 * `createDraftReply` and `reply` answer a message's Reply-To when it has one ("Creates a draft
 * message replying to the sender of this message using the reply-to address",
 * https://developers.google.com/apps-script/reference/gmail/gmail-message), so the thread's
 * message answered is the newest one that came from that address and whose Reply-To is that
 * address too (or absent); a thread without one gets no reply in it: the letter goes as a new
 * mail to the address. A Reply-To that differs is never answered, whoever wrote it.
 */
import { bareEmail, singleAddress } from '../core/requests';

type GMessage = GoogleAppsScript.Gmail.GmailMessage;
type Options = GoogleAppsScript.Gmail.GmailAdvancedOptions;

/** A letter to the person. */
export interface ReplyLetter {
  subject: string;
  body: string;
  options?: Options;
}

/** Where the request's mail is: its thread, and that thread's messages when already read. */
export interface ReplyThread {
  threadId: string;
  /** The thread's messages as a batch read gave them (then finding the one to answer costs no call). */
  messages?: readonly GMessage[];
}

export interface Replied {
  /** The draft (null when sent). */
  draft: GoogleAppsScript.Gmail.GmailDraft | null;
  /** The thread answered in, or '' for a new mail. */
  threadId: string;
  inThread: boolean;
  to: string;
}

/**
 * The newest message of `messages` that may be answered to `to`: from that address, its reply
 * going to that address (no other Reply-To), not a draft. No call beyond each message's metadata.
 */
export function answerable(messages: readonly GMessage[], to: string): GMessage | null {
  const address = bareEmail(to);
  if (!address) return null;
  // One address in each header: a list would have the reply go to every address in it.
  const ok = (m: GMessage) => {
    const from = m.getFrom();
    const replyTo = m.getReplyTo() || from;
    return !m.isDraft() && singleAddress(from) && singleAddress(replyTo) && bareEmail(from) === address && bareEmail(replyTo) === address;
  };
  return messages.filter(ok).pop() ?? null;
}

/**
 * Drafts (or sends) `letter` to `to`: as a reply in the request's thread when it holds a message
 * `answerable` to `to`, else as a new mail to `to`. The thread's messages are read (two calls)
 * unless given; then one call to draft or send. Nothing without an address.
 */
export function replyInThread(thread: ReplyThread | null, to: string, letter: ReplyLetter, mode: 'draft' | 'send' = 'draft'): Replied | null {
  const address = bareEmail(to);
  if (!address) return null;
  let messages = thread?.messages ?? null;
  if (!messages && thread?.threadId) {
    const found = GmailApp.getThreadById(thread.threadId);
    messages = found ? found.getMessages() : [];
  }
  const answer = messages ? answerable(messages, address) : null;
  const options = letter.options ?? {};
  if (answer) {
    const threadId = thread!.threadId;
    if (mode === 'send') {
      answer.reply(letter.body, options);
      return { draft: null, threadId, inThread: true, to: address };
    }
    return { draft: answer.createDraftReply(letter.body, options), threadId, inThread: true, to: address };
  }
  if (mode === 'send') {
    GmailApp.sendEmail(address, letter.subject, letter.body, options);
    return { draft: null, threadId: '', inThread: false, to: address };
  }
  return { draft: GmailApp.createDraft(address, letter.subject, letter.body, options), threadId: '', inThread: false, to: address };
}
