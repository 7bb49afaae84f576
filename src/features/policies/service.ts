import { ensureAllowed, listGrants } from "../../platform/access/index.js";
import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import type { Deps } from "../../platform/deps.js";
import { problemError, problemsOf } from "../../platform/errors.js";
import { homeChanged } from "../../platform/hooks.js";
import { type LocalDate, localDate } from "../../platform/time/index.js";
import { isOnLeave } from "../leave/index.js";
import { findTeam, listTeams, type TeamWithMembers, workCalendarOf } from "../team/index.js";
import type { PolicyMessages } from "./messages.js";
import { policyProblems, waitStart, workingDaysAfter } from "./rules.js";
import type { Policy, PolicyRecipient } from "./schema.js";
import {
  acknowledge,
  addRecipients,
  findPolicy,
  findRecipient,
  insertPolicy,
  pendingOf,
  policiesOf,
  policyOfRequest,
  recipientsOf,
  retirePolicy,
  revisePolicy,
  teamIdsOf,
} from "./store.js";

const { error } = problemsOf<PolicyMessages>();

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "policies.publish": true;
    "policies.revise": true;
    "policies.retire": true;
    "policies.acknowledge": true;
  }
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Puts a version of a policy in front of a rep by DM, or brings that DM up to date. */
    "policies.dm": { workspaceId: string; policyId: number; version: number; repId: string };
    /** The short notice in a team's channel that a policy was published or revised. */
    "policies.notice": { workspaceId: string; policyId: number; version: number; teamId: number };
  }
}

/** The publish and revise forms' block ids (each input's action id is "value"). */
export const POLICY_FIELD = {
  title: "title",
  body: "body",
  effective: "effective",
  teams: "teams",
} as const;

/** What a publish or revise form holds once read. */
export interface PolicyInput {
  title: string;
  body: string;
  effectiveOn: string | null;
  /** The teams chosen (null on a revision: the teams stay). */
  teamIds: number[] | null;
}

/** What the publish form offers: the teams this person may publish for, and today (the default date). */
export interface PublishForm {
  teams: { id: number; name: string }[];
  today: LocalDate;
}

/**
 * Fires `home.changed`, after the change committed, for everyone whose Home shows these policies: the reps
 * (what waits for them), the teams' supervisors (acknowledgement per policy) and executives (every team's).
 */
async function policyHomesChanged(
  deps: Deps,
  workspaceId: string,
  teams: readonly TeamWithMembers[],
  repIds: readonly string[],
): Promise<void> {
  const executives = await listGrants(deps.db, workspaceId, "executive");
  await homeChanged(deps, {
    workspaceId,
    userIds: [...repIds, ...teams.flatMap((t) => t.supervisorIds), ...executives.map((g) => g.userId)],
  });
}

/** The teams a person may publish for: every team for executives and admins, their own for supervisors. */
export async function publishForm(ctx: RequestContext): Promise<PublishForm> {
  const actor = await ctx.actor();
  const all = await listTeams(ctx.deps.db, ctx.workspaceId);
  const mine = actor.admin || actor.executive ? all : all.filter((t) => actor.supervises.includes(t.team.id));
  if (mine.length === 0) {
    await ensureAllowed(ctx.deps, actor, { type: "policy.publish", teamIds: [] });
    // An admin in a workspace with no team yet: nobody to publish for.
    throw error("policies.error.noTeams");
  }
  const zone = mine[0]?.team.timeZone ?? "UTC";
  return {
    teams: mine.map((t) => ({ id: t.team.id, name: t.team.name })),
    today: localDate(ctx.deps.clock.now(), zone),
  };
}

function checked(
  input: PolicyInput,
  today: LocalDate,
): { title: string; body: string; effectiveOn: LocalDate } {
  const problems = Object.entries(policyProblems(input, today));
  const first = problems[0];
  if (first) throw problemError(first[1], first[0]);
  return { title: input.title.trim(), body: input.body.trim(), effectiveOn: input.effectiveOn as LocalDate };
}

/** Asks every rep of the teams to acknowledge this version, and queues their DMs (in the transaction). */
async function askReps(
  deps: Deps,
  tx: Db,
  policy: Policy,
  teams: readonly TeamWithMembers[],
  at: Date,
): Promise<string[]> {
  const added = await addRecipients(
    tx,
    teams.flatMap((team) =>
      team.repIds.map((repId) => ({
        workspaceId: policy.workspaceId,
        policyId: policy.id,
        version: policy.version,
        repId,
        teamId: team.team.id,
        at,
      })),
    ),
  );
  for (const r of added) await showDm(deps, tx, r);
  return added.map((r) => r.repId);
}

/** Queues the serial job that posts or updates a rep's DM about a version of a policy. */
export async function showDm(
  deps: Pick<Deps, "jobs">,
  tx: Db,
  r: Pick<PolicyRecipient, "workspaceId" | "policyId" | "version" | "repId">,
): Promise<void> {
  await deps.jobs.send(
    "policies.dm",
    { workspaceId: r.workspaceId, policyId: r.policyId, version: r.version, repId: r.repId },
    { tx, key: `${r.policyId}:${r.repId}` },
  );
}

async function teamsOf(deps: Deps, workspaceId: string, teamIds: readonly number[]) {
  const found = await Promise.all(teamIds.map((id) => findTeam(deps.db, workspaceId, id)));
  return found.filter((t): t is TeamWithMembers => t !== null);
}

/**
 * Publishes a policy, once: who may (executives; supervisors for teams they lead), the fields, then in
 * one transaction the policy, its teams, every rep asked, the audit, the DMs and the channel notices. A
 * replayed submission answers as the first.
 */
export async function publish(ctx: RequestContext, input: PolicyInput): Promise<Policy> {
  const { deps } = ctx;
  if (ctx.requestId) {
    const earlier = await policyOfRequest(deps.db, ctx.workspaceId, ctx.requestId);
    if (earlier) return earlier;
  }
  const actor = await ctx.actor();
  const teamIds = [...new Set(input.teamIds ?? [])];
  const teams = await teamsOf(deps, ctx.workspaceId, teamIds);
  if (teams.length !== teamIds.length) throw error("policies.error.teamGone");
  await ensureAllowed(deps, actor, { type: "policy.publish", teamIds });
  const today = localDate(deps.clock.now(), teams[0]?.team.timeZone ?? "UTC");
  const text = checked({ ...input, teamIds }, today);
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const policy = await insertPolicy(tx, {
      ...text,
      workspaceId: ctx.workspaceId,
      teamIds,
      by: ctx.userId,
      requestId: ctx.requestId,
      at,
    });
    if (!policy) return null;
    const reps = await askReps(deps, tx, policy, teams, at);
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "policies.publish",
      subject: { type: "policy", id: policy.id },
      after: { ...text, version: 1, teamIds, reps: reps.length },
      at,
    });
    await sendNotices(deps, tx, policy, teamIds);
    return { policy, reps };
  });
  if (!done) {
    const again = ctx.requestId ? await policyOfRequest(deps.db, ctx.workspaceId, ctx.requestId) : null;
    if (!again) throw new Error("a policy was neither published nor found");
    return again;
  }
  await policyHomesChanged(deps, ctx.workspaceId, teams, done.reps);
  return done.policy;
}

async function sendNotices(deps: Deps, tx: Db, policy: Policy, teamIds: readonly number[]): Promise<void> {
  for (const teamId of teamIds) {
    await deps.jobs.send(
      "policies.notice",
      { workspaceId: policy.workspaceId, policyId: policy.id, version: policy.version, teamId },
      { tx },
    );
  }
}

/** A policy the person may change (publish for all its teams), or the refusal saying who may. */
export async function changeablePolicy(ctx: RequestContext, policyId: number): Promise<Policy> {
  const policy = await findPolicy(ctx.deps.db, ctx.workspaceId, policyId);
  if (!policy) throw error("policies.gone");
  await ensureAllowed(ctx.deps, await ctx.actor(), {
    type: "policy.publish",
    teamIds: await teamIdsOf(ctx.deps.db, policy.id),
  });
  return policy;
}

/**
 * A new version: everyone acknowledges again. Guarded on the version the form showed, so a double
 * submission or two editors at once make one version; the loser is told. The old DMs lose their button
 * and say a new version came; the new one goes to every rep of the policy's teams; audited; notices.
 */
export async function revise(
  ctx: RequestContext,
  policyId: number,
  fromVersion: number,
  input: PolicyInput,
): Promise<Policy> {
  const { deps } = ctx;
  const before = await changeablePolicy(ctx, policyId);
  if (before.status === "retired") throw error("policies.retired", { title: before.title });
  if (before.version !== fromVersion) {
    if (before.revisedBy === ctx.userId && before.version === fromVersion + 1) return before;
    throw error("policies.error.revisedMeanwhile", { version: before.version });
  }
  const teamIds = await teamIdsOf(deps.db, policyId);
  const teams = await teamsOf(deps, ctx.workspaceId, teamIds);
  const today = localDate(deps.clock.now(), teams[0]?.team.timeZone ?? "UTC");
  const text = checked({ ...input, teamIds: null }, today);
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const policy = await revisePolicy(tx, {
      ...text,
      workspaceId: ctx.workspaceId,
      id: policyId,
      fromVersion,
      by: ctx.userId,
      at,
    });
    if (!policy) return null;
    // The earlier version's DMs: their button goes, they point to the new one.
    const earlier = await recipientsOf(tx, policyId, fromVersion);
    for (const r of earlier) if (r.ts) await showDm(deps, tx, r);
    const reps = await askReps(deps, tx, policy, teams, at);
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "policies.revise",
      subject: { type: "policy", id: policy.id },
      before: {
        version: before.version,
        title: before.title,
        body: before.body,
        effectiveOn: before.effectiveOn,
      },
      after: { version: policy.version, ...text },
      at,
    });
    await sendNotices(deps, tx, policy, teamIds);
    return { policy, reps, earlier: earlier.map((r) => r.repId) };
  });
  if (!done) {
    const now = await findPolicy(deps.db, ctx.workspaceId, policyId);
    throw error("policies.error.revisedMeanwhile", { version: now?.version ?? fromVersion + 1 });
  }
  // The earlier version's reps who have left the teams since no longer owe it either.
  await policyHomesChanged(deps, ctx.workspaceId, teams, [...done.reps, ...done.earlier]);
  return done.policy;
}

/** Retires a policy: no more reminders, every DM's button goes. Once; audited. */
export async function retire(
  ctx: RequestContext,
  policyId: number,
): Promise<{ policy: Policy; already: boolean }> {
  const { deps } = ctx;
  const before = await changeablePolicy(ctx, policyId);
  if (before.status === "retired") return { policy: before, already: true };
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const policy = await retirePolicy(tx, { workspaceId: ctx.workspaceId, id: policyId, by: ctx.userId, at });
    if (!policy) return null;
    const asked = await recipientsOf(tx, policyId, policy.version);
    const shown = asked.filter((r) => r.ts);
    for (const r of shown) await showDm(deps, tx, r);
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "policies.retire",
      subject: { type: "policy", id: policy.id },
      before: { status: "active" },
      after: { status: "retired", version: policy.version },
      at,
    });
    // Everyone asked, DM or not yet: the policy leaves what waits for them.
    return { policy, reps: asked.map((r) => r.repId) };
  });
  if (!done) {
    const now = await findPolicy(deps.db, ctx.workspaceId, policyId);
    if (!now) throw error("policies.gone");
    return { policy: now, already: true };
  }
  const teams = await teamsOf(deps, ctx.workspaceId, await teamIdsOf(deps.db, policyId));
  await policyHomesChanged(deps, ctx.workspaceId, teams, done.reps);
  return { policy: done.policy, already: false };
}

/** What a click on "I have read and will follow this" came to. */
export type AcknowledgeResult =
  | { kind: "done"; policy: Policy }
  | { kind: "already"; policy: Policy; at: Date }
  | { kind: "replaced"; policy: Policy }
  | { kind: "retired"; policy: Policy };

/**
 * The rep acknowledges a version: only the rep it was sent to (anyone else is refused), only the current
 * version of an active policy, once (a guarded update: a double click or a replay finds it done). Stored
 * with the version, audited, the DM updated in place, Home told.
 */
export async function acknowledgePolicy(
  ctx: RequestContext,
  policyId: number,
  version: number,
): Promise<AcknowledgeResult> {
  const { deps } = ctx;
  const policy = await findPolicy(deps.db, ctx.workspaceId, policyId);
  if (!policy) throw error("policies.gone");
  const mine = await findRecipient(deps.db, { policyId, version, repId: ctx.userId });
  if (!mine) throw error("policies.refused.acknowledge");
  if (mine.acknowledgedAt) return { kind: "already", policy, at: mine.acknowledgedAt };
  if (policy.status === "retired") return { kind: "retired", policy };
  if (policy.version !== version) return { kind: "replaced", policy };
  const at = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    const row = await acknowledge(tx, {
      workspaceId: ctx.workspaceId,
      policyId,
      version,
      repId: ctx.userId,
      at,
    });
    if (!row) return null;
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId,
      actorId: ctx.userId,
      action: "policies.acknowledge",
      subject: { type: "policy", id: policyId },
      before: { version, acknowledgedAt: null },
      after: { version, acknowledgedAt: at.toISOString() },
      at,
    });
    await showDm(deps, tx, row);
    return row;
  });
  if (!done) {
    const now = await findRecipient(deps.db, { policyId, version, repId: ctx.userId });
    const fresh = (await findPolicy(deps.db, ctx.workspaceId, policyId)) ?? policy;
    if (now?.acknowledgedAt) return { kind: "already", policy: fresh, at: now.acknowledgedAt };
    return { kind: fresh.status === "retired" ? "retired" : "replaced", policy: fresh };
  }
  const team = done.teamId === null ? null : await findTeam(deps.db, ctx.workspaceId, done.teamId);
  await policyHomesChanged(deps, ctx.workspaceId, team ? [team] : [], [ctx.userId]);
  return { kind: "done", policy };
}

/**
 * Where one policy stands, as `policyStatus` gives it: a plain data shape for views, Home and reports.
 * Dates are the team's calendar dates; instants are Dates.
 */
export interface PolicyStanding {
  id: number;
  title: string;
  version: number;
  effectiveOn: LocalDate;
  status: "active" | "retired";
  publishedBy: string;
  /** The policy's teams (only those the reader asked for, when `teamIds` was given). */
  teams: { id: number; name: string }[];
  /** Per rep asked for the current version and still in one of the teams above, by team then rep id. */
  reps: RepStanding[];
}

export interface RepStanding {
  repId: string;
  teamId: number | null;
  /** When the rep acknowledged the current version; null while not. */
  acknowledgedAt: Date | null;
  /** Away today on approved leave (reminders wait). */
  onLeave: boolean;
  /** Reminders sent for the current version (0 to 2). */
  remindersSent: number;
  /** Not acknowledged, and the team's reminder days have passed since it was owed (or took effect). */
  overdue: boolean;
}

/**
 * Acknowledgement per policy and rep, for a workspace or some of its teams: every policy (active first,
 * then retired, newest first) with a team among `teamIds` (all teams when absent). No access check: the
 * caller (a view, Home, a report) has decided who may read it.
 */
export async function policyStatus(
  deps: Pick<Deps, "db" | "clock">,
  query: { workspaceId: string; teamIds?: readonly number[] },
): Promise<PolicyStanding[]> {
  const allTeams = await listTeams(deps.db, query.workspaceId);
  const byId = new Map(allTeams.map((t) => [t.team.id, t]));
  const wanted = query.teamIds ? new Set(query.teamIds) : null;
  const now = deps.clock.now();
  const leave = new Map<string, boolean>();
  const standings: PolicyStanding[] = [];
  for (const policy of await policiesOf(deps.db, query.workspaceId)) {
    const teamIds = (await teamIdsOf(deps.db, policy.id)).filter((id) => !wanted || wanted.has(id));
    if (teamIds.length === 0) continue;
    const reps: RepStanding[] = [];
    for (const r of await recipientsOf(deps.db, policy.id, policy.version)) {
      if (r.teamId === null || !teamIds.includes(r.teamId)) continue;
      const team = byId.get(r.teamId);
      // A rep who has left the team since is no longer its business (their acknowledgement stays stored).
      if (!team?.repIds.includes(r.repId)) continue;
      const zone = team?.team.timeZone ?? "UTC";
      const today = localDate(now, zone);
      const key = `${r.repId}:${today}`;
      if (!leave.has(key)) leave.set(key, await isOnLeave(deps.db, query.workspaceId, r.repId, today));
      const owedOn = localDate(r.owedAt, zone);
      const from = waitStart(owedOn, policy.effectiveOn as LocalDate);
      const overdue =
        policy.status === "active" &&
        !r.acknowledgedAt &&
        workingDaysAfter(workCalendarOf(team.team), from, today) >= team.team.policyReminderDays;
      reps.push({
        repId: r.repId,
        teamId: r.teamId,
        acknowledgedAt: r.acknowledgedAt,
        onLeave: leave.get(key) ?? false,
        remindersSent: r.remindersSent,
        overdue,
      });
    }
    reps.sort((a, b) => (a.teamId ?? 0) - (b.teamId ?? 0) || a.repId.localeCompare(b.repId));
    standings.push({
      id: policy.id,
      title: policy.title,
      version: policy.version,
      effectiveOn: policy.effectiveOn as LocalDate,
      status: policy.status,
      publishedBy: policy.publishedBy,
      teams: teamIds.map((id) => ({ id, name: byId.get(id)?.team.name ?? "" })),
      reps,
    });
  }
  return standings;
}

/** `/policy status` and `/policy list`: the standings a person may read, and the zone to show dates in. */
export async function statusFor(
  ctx: RequestContext,
  policyId: number | null,
): Promise<{ standings: PolicyStanding[]; zone: string }> {
  const { deps } = ctx;
  const actor = await ctx.actor();
  const all = await listTeams(deps.db, ctx.workspaceId);
  const readable =
    actor.admin || actor.executive ? all : all.filter((t) => actor.supervises.includes(t.team.id));
  const zone = readable[0]?.team.timeZone ?? "UTC";
  if (policyId !== null) {
    const policy = await findPolicy(deps.db, ctx.workspaceId, policyId);
    if (!policy) throw error("policies.gone");
    const teamIds = await teamIdsOf(deps.db, policyId);
    const mine = teamIds.filter((id) => readable.some((t) => t.team.id === id));
    if (mine.length === 0) {
      const first = all.find((t) => t.team.id === teamIds[0]);
      await ensureAllowed(
        deps,
        actor,
        { type: "policy.status", teamId: teamIds[0] ?? 0 },
        {
          ...(first ? { team: { name: first.team.name, supervisorIds: first.supervisorIds } } : {}),
        },
      );
    }
    const standings = await policyStatus(deps, { workspaceId: ctx.workspaceId, teamIds: mine });
    return { standings: standings.filter((s) => s.id === policyId), zone };
  }
  if (readable.length === 0) {
    const own = all.find((t) => t.repIds.includes(ctx.userId));
    await ensureAllowed(
      deps,
      actor,
      { type: "policy.status", teamId: own?.team.id ?? 0 },
      {
        ...(own ? { team: { name: own.team.name, supervisorIds: own.supervisorIds } } : {}),
      },
    );
  }
  const standings = await policyStatus(deps, {
    workspaceId: ctx.workspaceId,
    teamIds: readable.map((t) => t.team.id),
  });
  return { standings, zone };
}

/** A policy a rep has to acknowledge, with the button Home shows (the same as the DM's). */
export interface PendingPolicy {
  policyId: number;
  version: number;
  title: string;
  effectiveOn: LocalDate;
  owedAt: Date;
  remindersSent: number;
  /** The acknowledge button's action id and value: a click on Home works like one on the DM. */
  action: { actionId: string; value: string };
}

/** The action id of the acknowledge button (the DM's and Home's). */
export const ACKNOWLEDGE_ACTION = "policies.acknowledge";

export const acknowledgeValue = (policyId: number, version: number) => `${policyId}:${version}`;

/** What a rep has to acknowledge now: the current versions of active policies they have not acknowledged. */
export async function pendingPoliciesFor(
  deps: Pick<Deps, "db">,
  rep: { workspaceId: string; repId: string },
): Promise<PendingPolicy[]> {
  const rows = await pendingOf(deps.db, rep.workspaceId, rep.repId);
  return rows.map(({ policy, recipient }) => ({
    policyId: policy.id,
    version: policy.version,
    title: policy.title,
    effectiveOn: policy.effectiveOn as LocalDate,
    owedAt: recipient.owedAt,
    remindersSent: recipient.remindersSent,
    action: { actionId: ACKNOWLEDGE_ACTION, value: acknowledgeValue(policy.id, policy.version) },
  }));
}

/**
 * Reps who joined a policy's team after it was published (or were not asked for another reason) are
 * asked now: their DMs queued in the transaction that records them. Called by the sweep.
 */
export async function askNewcomers(deps: Deps, policy: Policy, team: TeamWithMembers): Promise<string[]> {
  const asked = new Set((await recipientsOf(deps.db, policy.id, policy.version)).map((r) => r.repId));
  const missing = team.repIds.filter((id) => !asked.has(id));
  if (missing.length === 0) return [];
  const at = deps.clock.now();
  const added = await deps.db.transaction((tx) =>
    askReps(deps, tx, policy, [{ ...team, repIds: missing }], at),
  );
  await policyHomesChanged(deps, policy.workspaceId, [team], added);
  return added;
}
