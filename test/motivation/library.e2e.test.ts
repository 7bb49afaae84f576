import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { motivationLines } from "../../src/features/motivation/schema.js";
import { teams } from "../../src/features/team/schema.js";
import { listAudit } from "../../src/platform/audit/index.js";
import type { Harness } from "../support/harness.js";
import { checkInAt, motivationCommand, plainSpaces, replyText, runSlot } from "../support/motivation.js";
import { startSalesFloor } from "../support/sales-floor.js";
import { makeTeam } from "../support/teams.js";

/**
 * A team's own motivation lines as its people meet them: Sara (Swedish Slack) adds, lists and removes
 * them; Alice (English Slack), a rep, may list but is refused the rest; garbage gets a clear private
 * answer; the posts open with each line of the library once before any comes again, the team's own
 * first, and a removed line leaves the rotation.
 */
let h: Harness;
let p: Harness["people"];
let teamId = 0;
let workspaceId = "";

// Monday 2 March 2026, 10:00 in Stockholm.
beforeAll(async () => {
  h = await startSalesFloor({ now: "2026-03-02T09:00:00Z" });
  p = h.people;
  const [north] = await h.database.db.select().from(teams).where(eq(teams.channelId, p.channels.north));
  teamId = north?.id ?? 0;
  workspaceId = north?.workspaceId ?? "";
});
afterAll(async () => {
  await h?.close();
});

const motivation = async (userId: string, text: string, channelId = p.channels.north) =>
  replyText(await motivationCommand(h, userId, text, channelId));

const activeLines = () =>
  h.database.db
    .select()
    .from(motivationLines)
    .where(eq(motivationLines.teamId, teamId))
    .orderBy(motivationLines.id);

describe("adding, listing and removing the team's own lines", () => {
  let first = 0;

  it("Alice, a rep, may not add or remove one, and is told who may; nothing is stored", async () => {
    const refusal = `The motivation lines of Sales North are added and removed by its supervisors (<@${p.sara}>) and admins. You can see them with \`/motivation list\`.`;
    expect(await motivation(p.alice, "add Go team!")).toBe(refusal);
    expect(await motivation(p.alice, "remove 1")).toBe(refusal);
    expect(await activeLines()).toEqual([]);
  });

  it("Sara's empty line and too long a line are refused with what to do", async () => {
    expect(await motivation(p.sara, "lägg till")).toBe(
      "Skriv raden efter `lägg till`, till exempel `/motivation lägg till Nu gör vi en grym vecka, {team}!`",
    );
    expect(await motivation(p.sara, "add    ")).toBe(
      "Skriv raden efter `lägg till`, till exempel `/motivation lägg till Nu gör vi en grym vecka, {team}!`",
    );
    expect(await motivation(p.sara, `add ${"x".repeat(301)}`)).toBe(
      "Raden har 301 tecken; en rad får ha högst 300. Korta den och lägg till den igen.",
    );
    expect(await activeLines()).toEqual([]);
  });

  it("Sara adds a line as she typed it: a mention is its name, <b> and & stay text; it is audited", async () => {
    const answer = await motivation(p.sara, `lägg till Kör hårt, {team}! Fråga <@${p.alice}|alice> <b> & co`);
    const [line] = await activeLines();
    first = line?.id ?? 0;
    expect(line).toMatchObject({ text: "Kör hårt, {team}! Fråga @alice <b> & co", addedBy: p.sara });
    expect(answer).toBe(
      `Tillagd som rad #${first}: Kör hårt, {team}! Fråga @alice &lt;b&gt; &amp; co\nDen inleder ett av teamets nästa inlägg: teamets egna rader kommer före de inbyggda som inte har använts än.`,
    );
    const audit = await listAudit(h.database.db, workspaceId, { action: "motivation.line.add" });
    expect(audit).toMatchObject([{ actorId: p.sara, subjectId: String(first) }]);
  });

  it("the same line again (any case) is pointed at the first, not added twice", async () => {
    expect(await motivation(p.sara, "add KÖR HÅRT, {team}!  Fråga @alice <b> & co")).toBe(
      `Den raden finns redan i biblioteket som #${first}; se alla med \`/motivation lista\`.`,
    );
    expect(await activeLines()).toHaveLength(1);
  });

  it("Alice lists them, in English, with who added each and the built-in ones; so does Erik, an executive", async () => {
    expect(await motivation(p.alice, "list")).toBe(
      [
        "*Motivation lines of Sales North*",
        `• *#${first}* Kör hårt, {team}! Fråga @alice &lt;b&gt; &amp; co _(added by <@${p.sara}>, Mar 2, 2026)_`,
        "Besides the team's own, 10 built-in lines rotate, in the team's language. `/motivation remove N` takes line N out of the rotation (supervisors and admins).",
      ].join("\n"),
    );
    expect(await motivation(p.erik, "lista")).toContain(`#${first}* Kör hårt`);
  });

  it("remove with no number, a word or a number not in the list gets a clear answer; nothing is removed", async () => {
    const usage =
      "Säg vilken rad som ska bort med dess nummer i `/motivation lista`, till exempel `/motivation ta bort 3`.";
    expect(await motivation(p.sara, "ta bort")).toBe(usage);
    expect(await motivation(p.sara, "remove abc")).toBe(usage);
    expect(await motivation(p.sara, "remove 1 2")).toBe(usage);
    expect(await motivation(p.sara, "remove 99999")).toBe(
      "Sales North har ingen rad #99999. Se numren med `/motivation lista`.",
    );
    expect((await activeLines())[0]?.removedAt).toBeNull();
  });

  it("Olle, who leads another team, is refused in Sales North's channel; Ada, an admin, may add there", async () => {
    expect(await motivation(p.olle, "add Hello from Olle")).toContain(
      "The motivation lines of Sales North are added and removed by its supervisors",
    );
    expect(await motivation(p.ada, "add Make it count, {team}.")).toContain("Added as line #");
    expect(await activeLines()).toHaveLength(2);
  });

  it("Sara removes a line once: the second time she is told it was already removed; both audited once", async () => {
    expect(await motivation(p.sara, `ta bort ${first}`)).toBe(
      `Rad #${first} är borta ur rotationen: Kör hårt, {team}! Fråga @alice &lt;b&gt; &amp; co`,
    );
    expect(await motivation(p.sara, `remove #${first}`)).toBe(`Rad #${first} var redan borttagen.`);
    const audit = await listAudit(h.database.db, workspaceId, { action: "motivation.line.remove" });
    expect(audit).toHaveLength(1);
    const listed = await motivation(p.alice, "list");
    expect(listed).not.toContain("Kör hårt");
    expect(listed).toContain("Make it count, {team}.");
  });

  it("help for nothing, for help, and for a word it does not know", async () => {
    const help = await motivation(p.alice, "");
    expect(help).toContain("*Motivation*");
    expect(help).toContain("`/motivation preview`");
    expect(await motivation(p.alice, "help")).toBe(help);
    expect(await motivation(p.alice, "dance")).toBe(
      `\`dance\` is not something \`/motivation\` does.\n\n${help}`,
    );
    expect(await motivation(p.sara, "hjälp")).toContain("`/motivation förhandsvisa`");
  });
});

describe("the rotation", () => {
  beforeAll(async () => {
    await h.reset();
    const team = await makeTeam(h, {
      name: "Sales North",
      channel: p.channels.north,
      supervisors: [p.sara],
      reps: [p.alice, p.bo],
    });
    teamId = team.id;
    await checkInAt(h, p.bo, "2026-03-02T09:00:00Z", 5_000);
  });

  const openers: string[] = [];
  const runDay = async (day: number) => {
    const before = h.fake.world.messagesIn(p.channels.north).length;
    await runSlot(h, workspaceId, teamId, `2026-03-${String(day).padStart(2, "0")}T07:30:00Z`);
    const posted = h.fake.world.messagesIn(p.channels.north).slice(before);
    expect(posted).toHaveLength(1);
    openers.push(plainSpaces(posted[0]?.text).split("\n")[0] ?? "");
  };

  it("uses every line once, the team's own first, before any comes again", async () => {
    await motivation(p.sara, "add Första egna raden, {team}!");
    await motivation(p.sara, "add Andra egna raden <!channel>");
    for (let day = 3; day <= 14; day++) await runDay(day);
    expect(openers).toEqual([
      "Första egna raden, Sales North!",
      "Andra egna raden @channel",
      "Nu kör vi, Sales North! :raised_hands:",
      "God morgon, Sales North: så här ligger vi till.",
      "Sales North, varje samtal räknas. Här är ställningen.",
      "Ny dag, nya affärer, Sales North! :briefcase:",
      "Håll farten uppe, Sales North!",
      "Sales North, se vad ni har byggt upp hittills.",
      "Dags för en snabb titt på siffrorna, Sales North.",
      "En push till, Sales North: siffrorna rör sig.",
      "Stolt över det här teamet. Här är varför, Sales North:",
      "Blicken mot målet, Sales North! :dart:",
    ]);
    expect(new Set(openers).size).toBe(12);
  });

  it("a removed line leaves the rotation; the next round starts with the rest", async () => {
    const [firstLine] = await activeLines();
    expect(await motivation(p.sara, `remove ${firstLine?.id}`)).toContain("är borta ur rotationen");
    await runDay(15);
    await runDay(16);
    expect(openers.slice(12)).toEqual([
      "Andra egna raden @channel",
      "Nu kör vi, Sales North! :raised_hands:",
    ]);
    expect(openers.filter((o) => o.startsWith("Första"))).toHaveLength(1);
  });
});
