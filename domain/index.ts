/**
 * The pure business-rule layer of Carpeta, shared by the server and the browser.
 * No I/O, no Node-only APIs; only `decimal.js` (and `zod` where schemas help) from npm.
 */
export * from './result.js';
export * from './errors.js';
export * from './labels.js';
export * from './roles.js';
export * from './dates.js';
export * from './money.js';
export * from './numbers-format.js';
export * from './layer.js';
export * from './signature-status.js';
export * from './daily-report.js';
export * from './gpu.js';
export * from './work-order.js';
export * from './validity-window.js';
export * from './excess.js';
export * from './evidence-link.js';
export * from './closure-schedule.js';
export * from './monthly-report-status.js';
export * from './sign-off.js';
export * from './checklist.js';
export * from './grid-kpis.js';
