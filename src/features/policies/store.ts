import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import {
  type Policy,
  type PolicyRecipient,
  policies,
  policyNotices,
  policyRecipients,
  policyTeams,
  policyVersions,
} from "./schema.js";

export interface PolicyText {
  title: string;
  body: string;
  effectiveOn: LocalDate;
}

/** Publishes a policy (version 1) for teams; null when this Slack request published one already. */
export async function insertPolicy(
  db: Db,
  input: PolicyText & {
    workspaceId: string;
    teamIds: number[];
    by: string;
    requestId: string | null;
    at: Date;
  },
): Promise<Policy | null> {
  const [row] = await db
    .insert(policies)
    .values({
      workspaceId: input.workspaceId,
      title: input.title,
      body: input.body,
      effectiveOn: input.effectiveOn,
      publishedBy: input.by,
      publishedAt: input.at,
      requestId: input.requestId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await db.insert(policyTeams).values(input.teamIds.map((teamId) => ({ policyId: row.id, teamId })));
  await db.insert(policyVersions).values({
    policyId: row.id,
    version: 1,
    title: row.title,
    body: row.body,
    effectiveOn: row.effectiveOn,
    by: input.by,
    at: input.at,
    requestId: input.requestId,
  });
  return row;
}

export async function policyOfRequest(
  db: Db,
  workspaceId: string,
  requestId: string,
): Promise<Policy | null> {
  const [row] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.workspaceId, workspaceId), eq(policies.requestId, requestId)));
  return row ?? null;
}

/**
 * A new version of an active policy, guarded on the version the editor saw: a double submission or two
 * editors at once make one new version; null for the loser (or a retired policy).
 */
export async function revisePolicy(
  db: Db,
  input: PolicyText & { workspaceId: string; id: number; fromVersion: number; by: string; at: Date },
): Promise<Policy | null> {
  const [row] = await db
    .update(policies)
    .set({
      title: input.title,
      body: input.body,
      effectiveOn: input.effectiveOn,
      version: input.fromVersion + 1,
      revisedBy: input.by,
      revisedAt: input.at,
    })
    .where(
      and(
        eq(policies.workspaceId, input.workspaceId),
        eq(policies.id, input.id),
        eq(policies.version, input.fromVersion),
        eq(policies.status, "active"),
      ),
    )
    .returning();
  if (!row) return null;
  await db.insert(policyVersions).values({
    policyId: row.id,
    version: row.version,
    title: row.title,
    body: row.body,
    effectiveOn: row.effectiveOn,
    by: input.by,
    at: input.at,
  });
  return row;
}

/** Retires an active policy; null when it was retired already. */
export async function retirePolicy(
  db: Db,
  input: { workspaceId: string; id: number; by: string; at: Date },
): Promise<Policy | null> {
  const [row] = await db
    .update(policies)
    .set({ status: "retired", retiredBy: input.by, retiredAt: input.at })
    .where(
      and(
        eq(policies.workspaceId, input.workspaceId),
        eq(policies.id, input.id),
        eq(policies.status, "active"),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findPolicy(db: Db, workspaceId: string, id: number): Promise<Policy | null> {
  const [row] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.workspaceId, workspaceId), eq(policies.id, id)));
  return row ?? null;
}

/** The policies of a workspace, active first, newest first (at most 200). */
export async function policiesOf(db: Db, workspaceId: string): Promise<Policy[]> {
  return db
    .select()
    .from(policies)
    .where(eq(policies.workspaceId, workspaceId))
    .orderBy(asc(policies.status), desc(policies.publishedAt), desc(policies.id))
    .limit(200);
}

export type PolicyVersion = typeof policyVersions.$inferSelect;

/** One version of a policy as it was published. */
export async function versionOf(db: Db, policyId: number, version: number): Promise<PolicyVersion | null> {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, policyId), eq(policyVersions.version, version)));
  return row ?? null;
}

export async function teamIdsOf(db: Db, policyId: number): Promise<number[]> {
  const rows = await db
    .select({ teamId: policyTeams.teamId })
    .from(policyTeams)
    .where(eq(policyTeams.policyId, policyId))
    .orderBy(asc(policyTeams.teamId));
  return rows.map((r) => r.teamId);
}

/** Active policies for a team. */
export async function activePoliciesOfTeam(db: Db, workspaceId: string, teamId: number): Promise<Policy[]> {
  return db
    .select({ policy: policies })
    .from(policies)
    .innerJoin(policyTeams, eq(policyTeams.policyId, policies.id))
    .where(
      and(
        eq(policies.workspaceId, workspaceId),
        eq(policies.status, "active"),
        eq(policyTeams.teamId, teamId),
      ),
    )
    .orderBy(asc(policies.id))
    .then((rows) => rows.map((r) => r.policy));
}

/** Asks reps to acknowledge a version; a rep asked already (a retry, a second sweep) is left as is. */
export async function addRecipients(
  db: Db,
  rows: { workspaceId: string; policyId: number; version: number; repId: string; teamId: number; at: Date }[],
): Promise<PolicyRecipient[]> {
  if (rows.length === 0) return [];
  return db
    .insert(policyRecipients)
    .values(rows.map(({ at, ...r }) => ({ ...r, owedAt: at })))
    .onConflictDoNothing()
    .returning();
}

export async function recipientsOf(db: Db, policyId: number, version?: number): Promise<PolicyRecipient[]> {
  return db
    .select()
    .from(policyRecipients)
    .where(
      and(
        eq(policyRecipients.policyId, policyId),
        version === undefined ? undefined : eq(policyRecipients.version, version),
      ),
    )
    .orderBy(asc(policyRecipients.version), asc(policyRecipients.repId));
}

/** The row of one rep asked about one version of a policy. */
function isRecipient(key: { policyId: number; version: number; repId: string }) {
  return and(
    eq(policyRecipients.policyId, key.policyId),
    eq(policyRecipients.version, key.version),
    eq(policyRecipients.repId, key.repId),
  );
}

export async function findRecipient(
  db: Db,
  key: { policyId: number; version: number; repId: string },
): Promise<PolicyRecipient | null> {
  const [row] = await db.select().from(policyRecipients).where(isRecipient(key));
  return row ?? null;
}

/**
 * Records a rep's acknowledgement of a version, only while it is the policy's current version, the policy
 * is active and the rep has not acknowledged it: a double click or a replay finds it done (null).
 */
export async function acknowledge(
  db: Db,
  key: { workspaceId: string; policyId: number; version: number; repId: string; at: Date },
): Promise<PolicyRecipient | null> {
  const [row] = await db
    .update(policyRecipients)
    .set({ acknowledgedAt: key.at })
    .where(
      and(
        eq(policyRecipients.workspaceId, key.workspaceId),
        isRecipient(key),
        isNull(policyRecipients.acknowledgedAt),
        sql`exists (select 1 from ${policies} where ${policies.id} = ${key.policyId}
                    and ${policies.version} = ${key.version} and ${policies.status} = 'active')`,
      ),
    )
    .returning();
  return row ?? null;
}

/** Remembers the DM a rep's acknowledgement lives in (the first post only). */
export async function saveRecipientDm(
  db: Db,
  key: { policyId: number; version: number; repId: string },
  dm: { channelId: string; ts: string },
): Promise<void> {
  await db
    .update(policyRecipients)
    .set(dm)
    .where(and(isRecipient(key), isNull(policyRecipients.ts)));
}

/** Counts one more reminder, guarded on the count seen: several sweeps at once remind once. */
export async function markReminded(
  db: Db,
  key: { policyId: number; version: number; repId: string },
  seen: number,
  on: LocalDate,
): Promise<boolean> {
  const rows = await db
    .update(policyRecipients)
    .set({ remindersSent: seen + 1, lastRemindedOn: on })
    .where(
      and(
        isRecipient(key),
        eq(policyRecipients.remindersSent, seen),
        isNull(policyRecipients.acknowledgedAt),
      ),
    )
    .returning({ repId: policyRecipients.repId });
  return rows.length > 0;
}

/** Marks the supervisors told about these reps (those not told yet); the reps marked now. */
export async function markSupervisorTold(
  db: Db,
  key: { policyId: number; version: number },
  repIds: string[],
  at: Date,
): Promise<string[]> {
  if (repIds.length === 0) return [];
  const rows = await db
    .update(policyRecipients)
    .set({ supervisorToldAt: at })
    .where(
      and(
        eq(policyRecipients.policyId, key.policyId),
        eq(policyRecipients.version, key.version),
        inArray(policyRecipients.repId, repIds),
        isNull(policyRecipients.supervisorToldAt),
        isNull(policyRecipients.acknowledgedAt),
      ),
    )
    .returning({ repId: policyRecipients.repId });
  return rows.map((r) => r.repId).sort();
}

/** Reps asked about the current version of an active policy who have not acknowledged it (and `where`). */
function unacknowledged(db: Db, where: SQL | undefined) {
  return db
    .select({ policy: policies, recipient: policyRecipients })
    .from(policyRecipients)
    .innerJoin(
      policies,
      and(eq(policies.id, policyRecipients.policyId), eq(policies.version, policyRecipients.version)),
    )
    .where(and(eq(policies.status, "active"), isNull(policyRecipients.acknowledgedAt), where));
}

/** The current versions of active policies a rep has not acknowledged, oldest first. */
export async function pendingOf(
  db: Db,
  workspaceId: string,
  repId: string,
): Promise<{ policy: Policy; recipient: PolicyRecipient }[]> {
  return unacknowledged(
    db,
    and(eq(policyRecipients.workspaceId, workspaceId), eq(policyRecipients.repId, repId)),
  ).orderBy(asc(policies.id));
}

/** Unacknowledged current versions of active policies still owed a reminder or a word to the supervisors. */
export async function waitingRecipients(db: Db): Promise<{ policy: Policy; recipient: PolicyRecipient }[]> {
  return unacknowledged(
    db,
    sql`(${policyRecipients.remindersSent} < 2 or ${policyRecipients.supervisorToldAt} is null)`,
  )
    .orderBy(asc(policies.id), asc(policyRecipients.repId))
    .limit(2000);
}

/** Every active policy with its teams (or only these teams'), for asking newcomers. */
export async function activePolicyTeams(
  db: Db,
  only?: { workspaceId: string; teamIds: readonly number[] },
): Promise<{ policy: Policy; teamId: number }[]> {
  if (only?.teamIds.length === 0) return [];
  return db
    .select({ policy: policies, teamId: policyTeams.teamId })
    .from(policies)
    .innerJoin(policyTeams, eq(policyTeams.policyId, policies.id))
    .where(
      and(
        eq(policies.status, "active"),
        only ? eq(policies.workspaceId, only.workspaceId) : undefined,
        only ? inArray(policyTeams.teamId, [...only.teamIds]) : undefined,
      ),
    )
    .orderBy(asc(policies.id), asc(policyTeams.teamId))
    .limit(5000);
}

export async function noticeOf(
  db: Db,
  key: { policyId: number; version: number; teamId: number },
): Promise<{ channelId: string; ts: string } | null> {
  const [row] = await db
    .select()
    .from(policyNotices)
    .where(
      and(
        eq(policyNotices.policyId, key.policyId),
        eq(policyNotices.version, key.version),
        eq(policyNotices.teamId, key.teamId),
      ),
    );
  return row ?? null;
}

export async function saveNotice(
  db: Db,
  row: { policyId: number; version: number; teamId: number; channelId: string; ts: string },
): Promise<void> {
  await db.insert(policyNotices).values(row).onConflictDoNothing();
}
