/**
 * The globals an Apps Script project sees, built fresh for each execution. Only these (and
 * ECMAScript's own built-ins) exist in the script's context: no require, process, setTimeout.
 */
import type { Execution } from '../execution';
import { createSpreadsheetApp } from './spreadsheet';
import { createGmailApp } from './gmail';
import { createMailApp } from './mail-app';
import { createPropertiesService } from './properties';
import { createCacheService } from './cache';
import { createLockService } from './lock';
import { createScriptApp } from './script';
import { createSession } from './session';
import { createHtmlService } from './html';
import { createUtilities } from './utilities';
import { createDriveApp } from './drive';
import { createLogger, createConsole } from './logger';

export function createGlobals(exec: Execution): Record<string, unknown> {
  return {
    SpreadsheetApp: createSpreadsheetApp(exec),
    GmailApp: createGmailApp(exec),
    MailApp: createMailApp(exec),
    PropertiesService: createPropertiesService(exec),
    CacheService: createCacheService(exec),
    LockService: createLockService(exec),
    ScriptApp: createScriptApp(exec),
    Session: createSession(exec),
    HtmlService: createHtmlService(exec),
    Utilities: createUtilities(exec),
    DriveApp: createDriveApp(exec),
    Logger: createLogger(exec),
    console: createConsole(exec),
  };
}
