import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/index.js";
import type { LocalDate } from "./calendar.js";

/**
 * Who is away on which days: what pace, reminders and standups ask, and the leave capability answers
 * (the platform imports no feature, and quotas must not import leave).
 */
export interface AbsenceSource {
  /**
   * A part of a statement: the dates in [start, end] (as `YYYY-MM-DD` text in an array) a person is away for
   * the whole day, so a hot statement (a check-in) asks along with everything else in its one round trip.
   */
  daysOffSql(workspaceId: string, userId: string, start: LocalDate, end: LocalDate): SQL<string[]>;
  /** The whole days each of some people is away in [start, end]; people away on none are left out. */
  daysOff(
    db: Db,
    workspaceId: string,
    userIds: readonly string[],
    start: LocalDate,
    end: LocalDate,
  ): Promise<Map<string, ReadonlySet<LocalDate>>>;
}

const NONE: ReadonlySet<LocalDate> = Object.freeze(new Set<LocalDate>());

/** The absences the app knows of: none until a capability provides them. */
export class Absences {
  #source: AbsenceSource | null = null;

  /** Called once, by the capability that records absences (leave). */
  provide(source: AbsenceSource): void {
    if (this.#source) throw new Error("absences are provided twice");
    this.#source = source;
  }

  daysOffSql(workspaceId: string, userId: string, start: LocalDate, end: LocalDate): SQL<string[]> {
    return this.#source?.daysOffSql(workspaceId, userId, start, end) ?? sql<string[]>`'{}'::text[]`;
  }

  async daysOff(
    db: Db,
    workspaceId: string,
    userIds: readonly string[],
    start: LocalDate,
    end: LocalDate,
  ): Promise<Map<string, ReadonlySet<LocalDate>>> {
    if (!this.#source || userIds.length === 0) return new Map();
    return this.#source.daysOff(db, workspaceId, userIds, start, end);
  }

  /** One person's days off from a map `daysOff` answered (none when they have none). */
  static of(daysOff: ReadonlyMap<string, ReadonlySet<LocalDate>>, userId: string): ReadonlySet<LocalDate> {
    return daysOff.get(userId) ?? NONE;
  }
}
