/** True when a query failed on a unique constraint (SQLSTATE 23505), optionally a named one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  if (e?.code !== "23505") return false;
  return constraint === undefined || e.constraint === constraint || e.constraint_name === constraint;
}

/** True when a query failed on an exclusion constraint (SQLSTATE 23P01), optionally a named one. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  if (e?.code !== "23P01") return false;
  return constraint === undefined || e.constraint === constraint || e.constraint_name === constraint;
}

interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
}

/** Drizzle wraps driver errors in `cause`; postgres.js and PGlite name the constraint differently. */
function findPgError(error: unknown): PgErrorLike | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as PgErrorLike & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return null;
}
