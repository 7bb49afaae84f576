import { and, eq } from "drizzle-orm";
import { teamMembers, teams } from "../../src/features/team/schema.js";
import type { Harness } from "./harness.js";
import { visibleText } from "./slack-text.js";

export interface TeamSpec {
  name: string;
  /** The team's channel (one the app is in). */
  channel: string;
  /** Its supervisors; the first one's Slack profile gives the team its defaults (zone, language, money). */
  supervisors: string[];
  reps?: string[];
  /** Settings as `/team set <key> <value>` takes them, e.g. `{ language: "en", period: "quarter" }`. */
  settings?: Record<string, string>;
  /** The admin who does it all; default Ada, the workspace admin. */
  by?: string;
}

export interface MadeTeam {
  id: number;
  name: string;
  channelId: string;
}

/**
 * A team made the way people make one, through the app: an admin's `/team create` in the team's channel,
 * then `/team add` and `/team set`, as signed slash commands. Stops with the app's answer when a step did
 * not do what it should; waits for the notices the app sends after answering.
 */
export async function makeTeam(h: Harness, spec: TeamSpec): Promise<MadeTeam> {
  const admin = spec.by ?? h.people.ada;
  const mentions = (ids: readonly string[]) => ids.map((id) => `<@${id}>`).join(" ");
  const team = async (text: string): Promise<string> => {
    const result = await h.slack.slashCommand({
      userId: admin,
      channelId: spec.channel,
      command: "/team",
      text,
    });
    if (result.error) throw new Error(`/team ${text}: Slack showed ${result.error}`);
    const reply = result.reply;
    if (reply?.kind === "ephemeral") return visibleText(reply.ephemeral);
    if (reply?.kind === "message") return visibleText(reply.message);
    return "";
  };

  const created = await team(`create ${spec.name} ${mentions(spec.supervisors)}`);
  const [row] = await h.database.db.select().from(teams).where(eq(teams.channelId, spec.channel));
  if (row?.name !== spec.name) throw new Error(`makeTeam: /team create ${spec.name} answered "${created}"`);

  if (spec.reps && spec.reps.length > 0) {
    const added = await team(`add ${mentions(spec.reps)}`);
    const reps = await h.database.db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, row.id), eq(teamMembers.role, "rep")));
    const missing = spec.reps.filter((id) => !reps.some((r) => r.userId === id));
    if (missing.length > 0) throw new Error(`makeTeam: /team add answered "${added}"`);
  }

  for (const [key, value] of Object.entries(spec.settings ?? {})) {
    const answer = await team(`set ${key} ${value}`);
    // A setting taken is confirmed as "<team>: <setting> is now <value>."
    if (!answer.startsWith(`${spec.name}: `))
      throw new Error(`makeTeam: /team set ${key} answered "${answer}"`);
  }
  await h.settle();
  return { id: row.id, name: row.name, channelId: row.channelId };
}
