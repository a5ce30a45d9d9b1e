/**
 * The public surface of the script: every function Apps Script may call — simple triggers,
 * menu actions, trigger handlers, and what the sidebar and dialogs call through
 * google.script.run. The build emits a top-level function for each export. Keep entry points
 * thin: authorise, lock, call core and adapters.
 */
export { onOpen, onInstall, showSidebar, showSelectedRow, menuSetUp, showRequestsDialog, showAdminDialog, openRecordInSidebar } from './menu';
export { getSidebarInfo } from './sidebar';
export { setUp } from './setup';
export { getSettings, saveSettings } from './admin';
export { getTriggerStatus, installTriggers, removeTrigger } from './triggers';
export {
  searchCustomers, getCustomer, saveCustomer, endRelationship, setMarketingBasis, banMarketing, setLegalHold,
  restrictProcessing, recordDisclosure, listDisclosures, exportMarketingList, getRecentCustomers, openSelectedRow,
} from './customers';
export { getHistory } from './history';
import { onRegisterEdit as checkEdit } from './manual-edit';
import { guardEdit } from './context';
import { recordRuns } from './triggers';
import { runNightly as nightly, onRegisterChange as change, STRUCTURAL_CHANGES } from './repair';
import { pollInbox as intake } from './intake';
import { runRetentionSweep as sweep } from './retention';
// Every trigger handler records its last run and error (server/triggers.ts): the admin dialog and the compliance check read them.
/** The on-edit trigger: an edit whose check cannot run is still disarmed (context.ts). */
export const onRegisterEdit = recordRuns('onRegisterEdit', guardEdit(checkEdit));
export const runNightly = recordRuns('runNightly', nightly);
/** Only a structural change is the on-change trigger's own run (a typed edit fires it too, as EDIT, and it returns at once). */
export const onRegisterChange = recordRuns('onRegisterChange', change, { records: (e) => !!e && STRUCTURAL_CHANGES.includes(String(e.changeType)) });
export const pollInbox = recordRuns('pollInbox', intake);
export const runRetentionSweep = recordRuns('runRetentionSweep', sweep);
export { repair, listQuarantine } from './repair';
export { privacyNotice } from './notice';
export { listRequests, getRequest, logRequest, verifyRequest, extendRequest, rejectRequest, markDuplicate } from './requests';
export { fulfilRequest } from './fulfil';
export { previewRetention } from './retention';
export { getAccessPolicy, applyAccessPolicy } from './access';
export { runComplianceCheck, complianceReportCsv, complianceReportPage } from './compliance';
