import { knownAdmins, listGrants } from "../../platform/access/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Language } from "../../platform/i18n/index.js";
import type { LocalDate } from "../../platform/time/index.js";
import { type ApprovalRequest, describeApproval, pendingApprovals } from "../approvals/index.js";
import { type CoachingPlan, type CoachingReview, reviewsDue } from "../coaching/index.js";
import { type Escalation, escalationsInHand } from "../escalations/index.js";
import { balancesOf, isOnLeave, type Leave, leaveOf, type TypeBalance } from "../leave/index.js";
import {
  type PendingPolicy,
  type PolicyStanding,
  pendingPoliciesFor,
  policyStatus,
} from "../policies/index.js";
import { type Progress, repProgress, type TeamStanding, teamStanding } from "../quota/index.js";
import { unansweredStandups } from "../standup/index.js";
import { findTeam, type Team, type TeamWithMembers, teamsInWorkspace, teamToday } from "../team/index.js";
import { activeWarningsOf, type Warning } from "../warnings/index.js";
import { homeUsers } from "./store.js";

/** How many of a kind a Home shows before it counts the rest and says where to see them. */
export const HOME_LIMITS = {
  leave: 5,
  pending: 5,
  warnings: 5,
  standups: 3,
  approvals: 5,
  leaderboard: 10,
  escalations: 10,
  reviews: 10,
  teams: 30,
  editButtons: 20,
  people: 40,
  policies: 5,
  overdueNamed: 5,
} as const;

/** A request waiting for a decision, described by its kind in the reader's language. */
export interface PendingItem {
  request: ApprovalRequest;
  summary: string;
}

/**
 * Where one active policy stands in a team (or the workspace): how many of the reps asked for its current
 * version have acknowledged it, and who is overdue.
 */
export interface PolicyGlance {
  title: string;
  done: number;
  total: number;
  overdue: string[];
}

/** The active policies' acknowledgement, a few of them, and how many more there are. */
export interface PolicyGlances {
  shown: PolicyGlance[];
  more: number;
}

export interface RepHome {
  team: Team;
  progress: Progress;
  today: LocalDate;
  leave: Leave[];
  balances: TypeBalance[];
  pending: PendingItem[];
  warnings: Warning[];
  standups: { id: number; day: LocalDate; cutoffAt: Date }[];
  /** Policies to acknowledge, each shown with the DM's own button (a click on Home works like one there). */
  policies: PendingPolicy[];
}

export interface SupervisorHome {
  team: TeamWithMembers;
  standing: TeamStanding;
  approvals: PendingItem[];
  approvalsMore: number;
  escalations: Escalation[];
  reviews: { review: CoachingReview; plan: CoachingPlan }[];
  policies: PolicyGlances;
}

export interface TeamGlance {
  team: Team;
  progress: Progress;
  openEscalations: number;
}

export interface ExecutiveHome {
  /** Every team at a glance: for executives (an admin who is not one sees only the requests below). */
  teams: TeamGlance[] | null;
  /** Teams left out of the glance (a Home has room for so many). */
  teamsMore: number;
  /** Supervisors' own requests (they go to executives and admins). */
  approvals: PendingItem[];
  approvalsMore: number;
  /** Every team's active policies (for executives; null for an admin who is not one). */
  policies: PolicyGlances | null;
}

export interface AdminHome {
  teams: TeamWithMembers[];
  withoutTeam: string[];
}

/** Everything one person's Home shows, per role they hold (several roles, several parts). */
export interface HomeData {
  userId: string;
  now: Date;
  timeZone: string;
  rep: RepHome | null;
  supervisor: SupervisorHome[];
  executive: ExecutiveHome | null;
  admin: AdminHome | null;
}

async function describe(
  ctx: RequestContext,
  requests: ApprovalRequest[],
  language: Language,
  locale: string,
): Promise<PendingItem[]> {
  return Promise.all(
    requests.map(async (request) => ({
      request,
      summary: (await describeApproval(ctx.deps, request, language, locale, false)).summary,
    })),
  );
}

/** What a rep has to acknowledge under policies: the current versions of active policies, not yet acknowledged. */
function policiesToAcknowledge(ctx: RequestContext): Promise<PendingPolicy[]> {
  return pendingPoliciesFor(ctx.deps, { workspaceId: ctx.workspaceId, repId: ctx.userId });
}

/** The active policies of some teams (all when `teamIds` is absent), counted per policy. */
async function policyGlances(ctx: RequestContext, teamIds?: readonly number[]): Promise<PolicyGlances> {
  const standings: PolicyStanding[] = await policyStatus(ctx.deps, {
    workspaceId: ctx.workspaceId,
    ...(teamIds ? { teamIds } : {}),
  });
  const active = standings.filter((s) => s.status === "active");
  return {
    shown: active.slice(0, HOME_LIMITS.policies).map((s) => ({
      title: s.title,
      done: s.reps.filter((r) => r.acknowledgedAt !== null).length,
      total: s.reps.length,
      overdue: s.reps.filter((r) => r.overdue).map((r) => r.repId),
    })),
    more: Math.max(0, active.length - HOME_LIMITS.policies),
  };
}

async function repHome(
  ctx: RequestContext,
  teamId: number,
  language: Language,
  locale: string,
): Promise<RepHome | null> {
  const { deps } = ctx;
  const found = await findTeam(deps.db, ctx.workspaceId, teamId);
  if (!found) return null;
  const team = found.team;
  const today = teamToday(team, deps.clock);
  const [progress, leave, balances, pendingRows, warnings, standups, away, policies] = await Promise.all([
    repProgress(deps, team, ctx.userId, deps.clock.now()),
    leaveOf(deps.db, ctx.workspaceId, ctx.userId, today),
    balancesOf(deps, found, ctx.userId, today),
    pendingApprovals(deps.db, ctx.workspaceId, { requesterId: ctx.userId }, HOME_LIMITS.pending),
    activeWarningsOf(deps.db, ctx.workspaceId, ctx.userId, today),
    unansweredStandups(deps.db, ctx.workspaceId, team.id, ctx.userId),
    isOnLeave(deps.db, ctx.workspaceId, ctx.userId, today),
    policiesToAcknowledge(ctx),
  ]);
  return {
    team,
    progress,
    today,
    leave,
    balances,
    pending: await describe(ctx, pendingRows, language, locale),
    warnings: warnings.filter((w) => w.acknowledgedAt === null),
    // Someone on leave today is not asked (the standup skips them).
    standups: (away ? [] : standups).map((s) => ({ id: s.id, day: s.day, cutoffAt: s.cutoffAt })),
    policies,
  };
}

async function supervisorHome(
  ctx: RequestContext,
  team: TeamWithMembers,
  language: Language,
  locale: string,
): Promise<SupervisorHome> {
  const { deps } = ctx;
  const today = teamToday(team.team, deps.clock);
  const [standing, approvals, escalations, reviews, policies] = await Promise.all([
    teamStanding(deps, team.team, team.repIds, deps.clock.now()),
    pendingApprovals(deps.db, ctx.workspaceId, { teamIds: [team.team.id], route: "supervisors" }),
    escalationsInHand(deps.db, ctx.workspaceId, [team.team.id], HOME_LIMITS.escalations + 1),
    reviewsDue(deps.db, ctx.workspaceId, team.repIds, today),
    policyGlances(ctx, [team.team.id]),
  ]);
  // Nobody decides their own request.
  const theirs = approvals.filter((r) => r.requesterId !== ctx.userId);
  return {
    team,
    standing,
    approvals: await describe(ctx, theirs.slice(0, HOME_LIMITS.approvals), language, locale),
    approvalsMore: Math.max(0, theirs.length - HOME_LIMITS.approvals),
    escalations,
    reviews,
    policies,
  };
}

async function executiveHome(
  ctx: RequestContext,
  teams: TeamWithMembers[] | null,
  language: Language,
  locale: string,
): Promise<ExecutiveHome> {
  const { deps } = ctx;
  const now = deps.clock.now();
  const shown = teams?.slice(0, HOME_LIMITS.teams) ?? [];
  const [escalations, approvals, glances, policies] = await Promise.all([
    teams ? escalationsInHand(deps.db, ctx.workspaceId, null, 10_000) : [],
    pendingApprovals(deps.db, ctx.workspaceId, { route: "executives" }),
    Promise.all(shown.map((t) => teamStanding(deps, t.team, t.repIds, now))),
    teams ? policyGlances(ctx) : null,
  ]);
  const theirs = approvals.filter((r) => r.requesterId !== ctx.userId);
  return {
    teams:
      teams &&
      shown.map((t, i) => ({
        team: t.team,
        progress: (glances[i] as TeamStanding).team,
        openEscalations: escalations.filter((e) => e.teamId === t.team.id).length,
      })),
    teamsMore: (teams?.length ?? 0) - shown.length,
    approvals: await describe(ctx, theirs.slice(0, HOME_LIMITS.approvals), language, locale),
    approvalsMore: Math.max(0, theirs.length - HOME_LIMITS.approvals),
    policies,
  };
}

async function adminHome(ctx: RequestContext, teams: TeamWithMembers[]): Promise<AdminHome> {
  const { deps } = ctx;
  const [seen, executives, admins] = await Promise.all([
    homeUsers(deps.db, ctx.workspaceId),
    listGrants(deps.db, ctx.workspaceId),
    knownAdmins(deps, ctx.workspaceId),
  ]);
  const placed = new Set([
    ...teams.flatMap((t) => [...t.supervisorIds, ...t.repIds]),
    ...executives.map((g) => g.userId),
    ...admins,
  ]);
  return { teams, withoutTeam: seen.filter((userId) => !placed.has(userId)) };
}

/** Gathers a person's Home: the part of each role they hold. */
export async function homeData(ctx: RequestContext, language: Language, locale: string): Promise<HomeData> {
  const actor = await ctx.actor();
  const needsAll = actor.executive || actor.admin;
  const teams = needsAll ? await teamsInWorkspace(ctx) : [];
  const led = needsAll
    ? teams.filter((t) => actor.supervises.includes(t.team.id))
    : (await Promise.all(actor.supervises.map((id) => findTeam(ctx.deps.db, ctx.workspaceId, id)))).filter(
        (t): t is TeamWithMembers => t !== null,
      );
  const [rep, supervisor, executive, admin] = await Promise.all([
    actor.repOf === null ? null : repHome(ctx, actor.repOf, language, locale),
    Promise.all(led.map((team) => supervisorHome(ctx, team, language, locale))),
    actor.executive || actor.admin
      ? executiveHome(ctx, actor.executive ? teams : null, language, locale)
      : null,
    actor.admin ? adminHome(ctx, teams) : null,
  ]);
  const timeZone = rep?.team.timeZone ?? led[0]?.team.timeZone ?? teams[0]?.team.timeZone ?? "UTC";
  return { userId: ctx.userId, now: ctx.deps.clock.now(), timeZone, rep, supervisor, executive, admin };
}
