import { z } from "zod";
import { rolesInWorkspace } from "../../platform/access/index.js";
import type { Deps } from "../../platform/deps.js";
import { problemsOf } from "../../platform/errors.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  escapeMrkdwn,
  type Reply,
  type Router,
} from "../../platform/slack/index.js";
import { localDate } from "../../platform/time/index.js";
import { findMeeting, MEETING_IDS } from "../meetings/index.js";
import { findTeam, teamsInWorkspace } from "../team/index.js";
import { parseReportCommand } from "./command.js";
import { registerReportJobs } from "./jobs.js";
import { type ReportMessages, reportMessages } from "./messages.js";
import { monthPeriod } from "./period.js";
import { REPORT_KINDS } from "./registry.js";
import { owe, type Recipient, resolveRequest } from "./service.js";
import { helpReply, periodName, REPORT_IDS, teamsName } from "./views.js";

const { error } = problemsOf<ReportMessages>();
const idValue = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  registerReportJobs(deps);

  router.command(
    REPORT_IDS.command,
    commandListener(deps, reportMessages, (request) => handleReportCommand(request)),
  );

  // The executive meeting's review DM: its supervisor sends this month's reports of the meeting's team to
  // the meeting's own channel, or (a meeting in a team channel or by DM) to the workspace's executives and
  // the team's supervisors by DM.
  router.action(
    MEETING_IDS.sendReports,
    actionListener(deps, reportMessages, async ({ ctx, value, t, body }) => {
      const id = idValue.safeParse(value);
      if (!id.success) throw error("reports.meeting.gone");
      const meeting = await findMeeting(ctx.deps.db, ctx.workspaceId, id.data);
      if (!meeting) throw error("reports.meeting.gone");
      const team = await findTeam(ctx.deps.db, ctx.workspaceId, meeting.teamId);
      if (!team) throw error("reports.meeting.gone");
      const actor = await ctx.actor();
      if (!actor.admin && !actor.executive && !actor.supervises.includes(team.team.id)) {
        throw error("reports.refused", { team: team.team.name });
      }
      const executives = (await rolesInWorkspace(ctx)).executives;
      // Never a team channel: reps read there, and the report counts escalations and coaching plans.
      const teamChannels = new Set((await teamsInWorkspace(ctx)).map((t) => t.team.channelId));
      const toChannel = meeting.channelId && !teamChannels.has(meeting.channelId) ? meeting.channelId : null;
      const recipients: Recipient[] = toChannel
        ? [{ kind: "channel", channelId: toChannel }]
        : [...new Set([...executives, ...team.supervisorIds])].map((userId) => ({ kind: "dm", userId }));
      const today = localDate(ctx.deps.clock.now(), team.team.timeZone);
      const period = monthPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
      const messageTs = (body as { message?: { ts?: string } }).message?.ts ?? "";
      const added = await owe(ctx, {
        requestKey: `meeting:${meeting.id}:${messageTs}`,
        kinds: REPORT_KINDS.map((k) => k.kind),
        teams: [team],
        period,
        recipients,
        intro: `meeting:${meeting.title}`,
      });
      const title = escapeMrkdwn(meeting.title);
      if (added === 0) return { text: t.t("reports.meeting.already", { title }) };
      const where = toChannel
        ? t.t("reports.meeting.toChannel", { channel: toChannel })
        : t.t("reports.meeting.toPeople", {
            users: recipients.map((r) => (r.kind === "dm" ? r.userId : r.channelId)),
          });
      return { text: t.t("reports.meeting.sending", { title, where }) };
    }),
  );
}

/** `/report …`: help, or the report asked for, owed to the asker's DM at once and made by the job engine. */
async function handleReportCommand(request: CommandRequest<ReportMessages>): Promise<Reply | undefined> {
  const { ctx, t } = request;
  const command = parseReportCommand(request.text);
  switch (command.kind) {
    case "help":
      return helpReply(t);
    case "unknown":
      return { text: t.t("reports.unknownKind", { word: command.word }) };
    case "report": {
      const resolved = await resolveRequest(ctx, command.rest);
      const added = await owe(ctx, {
        requestKey: `command:${ctx.requestId ?? ""}`,
        kinds: [command.report],
        teams: resolved.teams,
        period: resolved.period,
        recipients: [{ kind: "dm", userId: ctx.userId }],
      });
      if (added === 0) return { text: t.t("reports.already") };
      const teams = teamsName(t, resolved.teams);
      const kind = command.report.label(t);
      // A snapshot (the policy report) has no period: one written is said to be unused, not refused.
      if (command.report.timeframe === "now")
        return { text: t.t("reports.buildingNow", { kind, teams, ignored: resolved.periodText }) };
      return { text: t.t("reports.building", { kind, period: periodName(t, resolved.period), teams }) };
    }
  }
}
