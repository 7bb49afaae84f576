export {
  type AuditAction,
  type AuditActions,
  type AuditQuery,
  type AuditRecord,
  listAudit,
  recordAudit,
} from "./audit.js";
export { type AuditEntry, auditLog } from "./schema.js";
