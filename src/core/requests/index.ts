/**
 * The requests core's public surface (README "Requests (core)"): intake, the dialog and
 * fulfilment import from here, so a file's internals can change without their callers.
 */
export * from './model';
export {
  REQUEST_EVENTS, TRANSITIONS, GUARDS, transition, transitionRow, allowedEvents, createRequest,
  type RequestEvent, type RequestEventType, type TransitionContext, type TransitionResult, type TransitionRow, type RefusalKey, type Guard, type NewRequest,
} from './machine';
export {
  deadline, deadlineFromDay, receiptDay, extendedDueDate, extensionRefusal, effectiveDueDate, daysLeft, deadlineColour, countdown,
  addMonths, addDays, nextWorkingDay, isNonWorkingDay, finnishHolidays, easterSunday, FINNISH_HOLIDAYS, DEADLINE_COLOURS,
  type Deadline, type DeadlineColour, type Countdown, type FinnishHoliday,
} from './deadlines';
export {
  classify, cleanLetter, detectLanguage, findCustomerNumbers, findPhones, summarise, stripMarkup, SUMMARY_MAX, MAX_READ,
  type Classification, type ClassifyOptions, type CleanLetter,
} from './classify';
export { checkAddress, bareEmail, singleAddress, ADDRESS_CHECKS, type AddressCheck } from './identity';
export {
  accessCopyFiles, accessCopyHtml, accessCopyJson, accessCopyCsv, portabilityFiles, escapeHtml, showDate, showInstant, COPY_FIELDS, PORTABLE_FIELDS,
  type CopyInput, type CopyFile, type DisclosureEntry, type RequestEntry,
} from './access-copy';
export { draftReply, replyParagraphs, type Reply, type ReplyInput } from './replies';
export { consentReferenceError, looksLikeRequestId } from './consent';
export { ERASURE_SCHEDULE_PREFIX, erasureScheduleProperty, scheduledErasures, holdInForce, erasureDue, type ScheduledErasure } from './erasure';
