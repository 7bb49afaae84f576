import { eq } from "drizzle-orm";
import { teamMembers, teams } from "../src/features/team/schema.js";
import type { Db } from "../src/platform/db/index.js";

/** A team like a real one: a channel, a supervisor and twelve reps, in workspace T0BENCH. */
export async function seedBenchTeam(db: Db): Promise<void> {
  const now = new Date();
  await db.delete(teams).where(eq(teams.workspaceId, "T0BENCH"));
  const [team] = await db
    .insert(teams)
    .values({
      workspaceId: "T0BENCH",
      name: "Bench Sales",
      channelId: "C0BENCH",
      timeZone: "Europe/Stockholm",
      locale: "en",
      currency: "SEK",
      holidayCountry: "SE",
      workWeek: [1, 2, 3, 4, 5],
      quotaPeriod: "month",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!team) throw new Error("seed failed");
  const people = [
    { userId: "U0BENCHSUP", role: "supervisor" as const },
    { userId: "U0BENCHREP", role: "rep" as const },
    ...Array.from({ length: 11 }, (_, i) => ({
      userId: `U0BENCHR${String(i).padStart(2, "0")}`,
      role: "rep" as const,
    })),
  ];
  await db.insert(teamMembers).values(
    people.map((p) => ({
      workspaceId: "T0BENCH",
      teamId: team.id,
      ...p,
      addedBy: "U0BENCHSUP",
      addedAt: now,
    })),
  );
}
