import postgres from "postgres";

/** The same server and credentials as `url`, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A single connection to the server's maintenance database, for creating and dropping test databases. */
export function adminSql(url: string): postgres.Sql {
  return postgres(databaseUrlFor(url, "postgres"), { max: 1, onnotice: () => {} });
}
