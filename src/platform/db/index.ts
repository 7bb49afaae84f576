export {
  type Connection,
  type Database,
  type Db,
  MIGRATIONS_FOLDER,
  type OpenOptions,
  openDatabase,
  PGLITE_EXTENSIONS,
} from "./database.js";
export { isExclusionViolation, isUniqueViolation } from "./errors.js";
export { FolderBusyError, type FolderUse, folderHolder, lockFolder } from "./folder-lock.js";
export { queryRows } from "./rows.js";
