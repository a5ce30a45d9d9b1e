/**
 * The letters the register writes to a person about their request, in the request's language:
 * the acknowledgement (due date and the controller), the notice of an extension (GDPR 12(3):
 * the reason and the new date), and the rejection (the reason and the right to complain to
 * Tietosuojavaltuutettu, GDPR 12(4)). Plain text: drafted or sent in the request's Gmail thread.
 */
import type { Controller } from '../settings';
import { textWith } from '../texts';
import type { Request } from './model';

export interface Letter {
  subject: string;
  body: string;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A 'YYYY-MM-DD' day as people write it: 1.12.2026 in Finnish and Swedish, 1 December 2026 in English. */
export function letterDate(day: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return language === 'en' ? `${d} ${MONTHS_EN[mo - 1]} ${y}` : `${d}.${mo}.${y}`;
}

function controllerParams(controller: Controller): Record<string, string> {
  return { controller: controller.name, controllerAddress: controller.address, controllerEmail: controller.email };
}

/** The acknowledgement of a new request: its id, the day it was received and the due date. */
export function acknowledgementLetter(request: Request, receivedOn: string, controller: Controller): Letter {
  const l = request.language;
  return {
    subject: textWith(l, 'reqAckSubject', { id: request.id }),
    body: textWith(l, 'reqAckBody', {
      id: request.id, received: letterDate(receivedOn, l), dueDate: letterDate(request.dueDate, l), ...controllerParams(controller),
    }),
  };
}

/** The notice of an extension (sent inside the first month): the reason and the extended due date. */
export function extensionLetter(request: Request, controller: Controller): Letter {
  const l = request.language;
  return {
    subject: textWith(l, 'reqExtendSubject', { id: request.id }),
    body: textWith(l, 'reqExtendBody', {
      id: request.id, extendedDueDate: letterDate(request.extendedDueDate, l), reason: request.extensionReason, ...controllerParams(controller),
    }),
  };
}

/** The answer to a rejected request: the reason and the right to complain to Tietosuojavaltuutettu. */
export function rejectionLetter(request: Request, controller: Controller): Letter {
  const l = request.language;
  return {
    subject: textWith(l, 'reqRejectSubject', { id: request.id }),
    body: textWith(l, 'reqRejectBody', { id: request.id, reason: request.outcome.rejectionReason, ...controllerParams(controller) }),
  };
}
