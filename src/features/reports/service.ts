import type { RequestContext } from "../../platform/context.js";
import { problemsOf } from "../../platform/errors.js";
import { localDate } from "../../platform/time/index.js";
import { type TeamWithMembers, teamsInWorkspace } from "../team/index.js";
import { chooseTeams } from "./command.js";
import type { AnyReportKind } from "./kinds.js";
import type { ReportMessages } from "./messages.js";
import { parsePeriod, type ReportPeriod } from "./period.js";
import { insertDelivery } from "./store.js";

const { error } = problemsOf<ReportMessages>();

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /** Makes a report and delivers it (message, chart, CSV) to the recipient of a delivery row. */
    "reports.deliver": { workspaceId: string; deliveryId: number };
  }
}

/** What a report request resolved to: the teams the reader may see that it is about, and the period. */
export interface ResolvedRequest {
  teams: TeamWithMembers[];
  period: ReportPeriod;
  /** Every team the reader may see (`all`, or nothing said outside a team channel). */
  all: boolean;
  /** The period as written ("" when none was: this month). */
  periodText: string;
}

/**
 * Reads who and when a report is about, for this reader: supervisors see their own teams, executives and
 * admins every team; a rep (or anyone else) is refused. `all` is every team the reader may see; a team
 * named or a channel is that team (refused when the reader may not see it); nothing said is the team of
 * the channel asked in, else every team the reader may see. The period is this month by default.
 */
export async function resolveRequest(ctx: RequestContext, rest: string): Promise<ResolvedRequest> {
  const actor = await ctx.actor();
  const everyone = actor.admin || actor.executive;
  if (!everyone && actor.supervises.length === 0) throw error("reports.refused", { team: "" });
  const teams = await teamsInWorkspace(ctx);
  if (teams.length === 0) throw error("reports.noTeams");
  const visible = (t: TeamWithMembers) => everyone || actor.supervises.includes(t.team.id);
  const choice = chooseTeams(
    rest,
    teams.map((t) => ({ id: t.team.id, name: t.team.name })),
  );
  let chosen: TeamWithMembers[];
  let all = false;
  const one = (team: TeamWithMembers | undefined, said: string): TeamWithMembers[] => {
    if (!team) throw error("reports.unknownTeam", { text: said });
    if (!visible(team)) throw error("reports.refused", { team: team.team.name });
    return [team];
  };
  switch (choice.kind) {
    case "all":
      chosen = teams.filter(visible);
      all = true;
      break;
    case "channel":
      chosen = one(
        teams.find((t) => t.team.channelId === choice.channelId),
        rest.slice(0, rest.length - choice.rest.length).trim(),
      );
      break;
    case "named":
      chosen = one(
        teams.find((t) => t.team.id === choice.teamId),
        "",
      );
      break;
    case "here": {
      const here = teams.find((t) => t.team.channelId === ctx.channelId);
      if (here) chosen = one(here, "");
      else {
        chosen = teams.filter(visible);
        all = true;
      }
    }
  }
  const first = chosen[0];
  if (!first) throw error("reports.refused", { team: "" });
  const today = localDate(ctx.deps.clock.now(), first.team.timeZone);
  const period = parsePeriod(choice.rest, today);
  if (!period) throw error("reports.badPeriod", { text: choice.rest.trim() });
  return { teams: chosen, period, all, periodText: choice.rest.trim() };
}

/** One recipient of a report: a person (by DM) or a channel. */
export type Recipient = { kind: "dm"; userId: string } | { kind: "channel"; channelId: string };

/**
 * Owes reports to recipients: a delivery row each and its job, in one transaction (both or neither). The
 * same request (a replay, a double click) owes nothing twice: returns how many were new.
 */
export async function owe(
  ctx: Pick<RequestContext, "deps" | "workspaceId" | "userId">,
  request: {
    requestKey: string;
    kinds: readonly AnyReportKind[];
    teams: readonly TeamWithMembers[];
    period: ReportPeriod;
    recipients: readonly Recipient[];
    intro?: string;
  },
): Promise<number> {
  const { deps } = ctx;
  return deps.db.transaction(async (tx) => {
    let added = 0;
    for (const recipient of request.recipients)
      for (const kind of request.kinds) {
        const row = await insertDelivery(tx, {
          workspaceId: ctx.workspaceId,
          requestKey: request.requestKey,
          recipientKind: recipient.kind,
          recipient: recipient.kind === "dm" ? recipient.userId : recipient.channelId,
          kind: kind.name,
          teamIds: request.teams.map((t) => t.team.id),
          periodKey: request.period.key,
          periodStart: request.period.start,
          periodEnd: request.period.end,
          requestedBy: ctx.userId,
          intro: request.intro ?? "",
          createdAt: deps.clock.now(),
        });
        if (!row) continue;
        added += 1;
        await deps.jobs.send("reports.deliver", { workspaceId: ctx.workspaceId, deliveryId: row.id }, { tx });
      }
    return added;
  });
}
