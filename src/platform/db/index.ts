export {
  type Connection,
  type Database,
  type Db,
  MIGRATIONS_FOLDER,
  type OpenOptions,
  openDatabase,
} from "./database.js";
export { isUniqueViolation } from "./errors.js";
export { FolderBusyError, type FolderUse, folderHolder, lockFolder } from "./folder-lock.js";
export { queryRows } from "./rows.js";
