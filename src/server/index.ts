/**
 * The public surface of the script: every function Apps Script may call — simple triggers,
 * menu actions, trigger handlers, and what the sidebar and dialogs call through
 * google.script.run. The build emits a top-level function for each export. Keep entry points
 * thin: authorise, lock, call core and adapters.
 */
export { onOpen, onInstall, showSidebar, showSelectedRow, menuSetUp, showRequestsDialog, openRecordInSidebar } from './menu';
export { getSidebarInfo } from './sidebar';
export { setUp } from './setup';
export { getSettings, saveSettings } from './admin';
export {
  searchCustomers, getCustomer, saveCustomer, endRelationship, setMarketingBasis, banMarketing, setLegalHold,
  restrictProcessing, recordDisclosure, listDisclosures, exportMarketingList, getRecentCustomers, openSelectedRow,
} from './customers';
export { getHistory } from './history';
import { onRegisterEdit as checkEdit } from './manual-edit';
import { guardEdit } from './context';
/** The on-edit trigger: an edit whose check cannot run is still disarmed (context.ts). */
export const onRegisterEdit = guardEdit(checkEdit);
export { repair, runNightly, listQuarantine, onRegisterChange } from './repair';
export { privacyNotice } from './notice';
export { listRequests, getRequest, logRequest, verifyRequest, extendRequest, rejectRequest, markDuplicate } from './requests';
export { pollInbox } from './intake';
export { fulfilRequest } from './fulfil';
export { runRetentionSweep, previewRetention } from './retention';
export { getAccessPolicy, applyAccessPolicy } from './access';
export { runComplianceCheck, complianceReportCsv, complianceReportPage } from './compliance';
