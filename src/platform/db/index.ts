export { type Database, type Db, MIGRATIONS_FOLDER, type OpenOptions, openDatabase } from "./database.js";
export { isUniqueViolation } from "./errors.js";
export { queryRows } from "./rows.js";
