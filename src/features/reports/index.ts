export type { AnyReportKind, ReportKind, ReportReader, ReportScope } from "./kinds.js";
export { register } from "./listeners.js";
export { type ReportMessages, reportMessages } from "./messages.js";
export { parsePeriod, type ReportPeriod } from "./period.js";
export type { PolicyData, PolicyRow } from "./policy.js";
export type { ProductivityData, ProductivityRow } from "./productivity.js";
export { type RenderedChart, renderChart } from "./render.js";
export { REPORT_IDS } from "./views.js";
