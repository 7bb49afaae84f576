import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findProduct, listProducts, resolveProductTag } from "../../src/features/products/index.js";
import { products } from "../../src/features/products/schema.js";
import { auditLog, listAudit } from "../../src/platform/audit/index.js";
import type { ShownReply } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];
let northId: number;
let southId: number;

beforeAll(async () => {
  h = await startHarness();
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/**
 * Each group of tests starts over: Sales North (Sara; Alice and Bo) and Sales South (Olle; Cecilia), and
 * no products; or, `withProducts`, Sales North's two products as Sara and Ada add them.
 */
async function startOver(withProducts = false): Promise<void> {
  await h.reset();
  const north = await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
  });
  const south = await makeTeam(h, {
    name: "Sales South",
    channel: p.channels.south,
    supervisors: [p.olle],
    reps: [p.cecilia],
  });
  northId = north.id;
  southId = south.id;
  if (withProducts) {
    await product(
      p.sara,
      p.channels.north,
      "add Widget Pro | Installs in under an hour | Five-year warranty",
    );
    await product(p.ada, p.channels.north, "add Ärlig Kaffe | Roasted in Gävle every week");
  }
}

/** Runs `/product <text>` as a person in a channel and returns what they were shown privately. */
async function product(userId: string, channelId: string, text = "") {
  const result = await h.slack.slashCommand({ userId, channelId, command: "/product", text });
  expect(result.error, `Slack showed an error for /product ${text}`).toBeUndefined();
  expect(result.status).toBe(200);
  const reply = result.reply;
  if (reply && reply.kind !== "ephemeral") throw new Error(`expected a private answer, got ${reply.kind}`);
  const message = messageOf(reply);
  return { ...result, shown: visibleText(message), message };
}

function messageOf(reply: ShownReply | undefined) {
  return reply?.kind === "ephemeral" ? reply.ephemeral : undefined;
}

/** Clicks a button in a private message and returns the private answer the app sends back for it. */
async function click(userId: string, actionId: string, messageTs: string | undefined, blockId?: string) {
  const answered = h.fake.world.waitFor(
    (e) =>
      e.type === "ephemeral_posted" && e.ephemeral.user === userId && e.ephemeral.source === "response_url",
    5000,
  );
  const result = await h.slack.clickButton({ userId, actionId, messageTs, ...(blockId ? { blockId } : {}) });
  expect(result.error).toBeUndefined();
  const event = await answered;
  if (event.type !== "ephemeral_posted") throw new Error("no answer");
  return event.ephemeral.text;
}

async function countRows() {
  const db = h.database.db;
  return {
    products: (await db.select().from(products)).length,
    audit: (await db.select().from(auditLog)).length,
  };
}

async function productNamed(name: string) {
  const [row] = await h.database.db.select().from(products).where(eq(products.name, name));
  return row;
}

describe("an empty product list", () => {
  beforeAll(() => startOver());

  it("tells the supervisor how to add a product, with an Add button", async () => {
    const { shown, message } = await product(p.sara, p.channels.north);
    expect(shown).toContain("Produkter i Sales North");
    expect(shown).toContain(
      "Inga produkter på listan än.\nLägg till den första med knappen, eller skriv `/product add Widget Pro | Installeras på en timme | Fem års garanti`.",
    );
    expect(buttonsOf(message)).toEqual(["products.add"]);
  });

  it("tells a rep who adds products, without buttons", async () => {
    const { shown, message } = await product(p.alice, p.channels.north, "list");
    expect(shown).toContain("Products of Sales North");
    expect(shown).toContain(
      "No products on the list yet.\nThe team's supervisors add products with `/product add`.",
    );
    expect(buttonsOf(message)).toEqual([]);
  });

  it("asks someone in no team to run it in their team's channel", async () => {
    const { shown } = await product(p.erik, p.channels.general);
    expect(shown).toBe(
      "Den här kanalen har inget team, och du är inte med i något. Kör `/product` i ditt teams kanal.",
    );
  });
});

describe("adding products by text", () => {
  beforeAll(() => startOver());

  it("adds a product for the supervisor, shows its tag, stores it and audits it", async () => {
    const { shown } = await product(
      p.sara,
      p.channels.north,
      "add Widget Pro | Installs in under an hour | Five-year warranty",
    );
    expect(shown).toContain(
      "Lade till *Widget Pro* bland produkterna i Sales North. Säljarna taggar försäljningar med `#widget-pro`.",
    );
    expect(shown).toContain(
      "*Widget Pro*   `#widget-pro`\n• Installs in under an hour\n• Five-year warranty",
    );
    const row = await productNamed("Widget Pro");
    expect(row).toMatchObject({
      workspaceId: h.fake.world.workspace.teamId,
      teamId: northId,
      tag: "widget-pro",
      keyPoints: "Installs in under an hour\nFive-year warranty",
      archivedAt: null,
      createdBy: p.sara,
    });
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "products.product.add",
      subject: { type: "product", id: row?.id ?? 0 },
    });
    expect(audit.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [
        p.sara,
        null,
        {
          teamId: northId,
          name: "Widget Pro",
          tag: "widget-pro",
          keyPoints: "Installs in under an hour\nFive-year warranty",
          archivedAt: null,
        },
      ],
    ]);
  });

  it("lets an admin add one in English, keeping Swedish letters in the tag", async () => {
    const { shown } = await product(p.ada, p.channels.north, "add Ärlig Kaffe | Roasted in Gävle every week");
    expect(shown).toContain(
      "Added *Ärlig Kaffe* to the products of Sales North. Reps tag sales with `#ärlig-kaffe`.",
    );
    expect(await productNamed("Ärlig Kaffe")).toMatchObject({ tag: "ärlig-kaffe", createdBy: p.ada });
  });
});

describe("adding products to a list that has some", () => {
  beforeAll(() => startOver(true));

  it("says a product is already there when the name comes again, and stores nothing twice", async () => {
    const before = await countRows();
    expect((await product(p.ada, p.channels.north, "add widget pro | Something else")).shown).toBe(
      "*Widget Pro* is already on the list, with the tag `#widget-pro`.",
    );
    expect((await product(p.sara, p.channels.north, "add Widget Pro")).shown).toBe(
      "*Widget Pro* finns redan på listan, med taggen `#widget-pro`.",
    );
    expect((await product(p.ada, p.channels.north, "add Widget-Pro!")).shown).toBe(
      "*Widget Pro* already has the tag `#widget-pro`. Pick a name that gives another tag.",
    );
    expect(await countRows()).toEqual(before);
  });

  it("asks for a name when it is missing, too long, or has no letters", async () => {
    const before = await countRows();
    expect((await product(p.ada, p.channels.north, "add | Fast | Cheap")).shown).toBe(
      "Give the product a name: `/product add Widget Pro | Installs in an hour | Five-year warranty`.",
    );
    expect((await product(p.ada, p.channels.north, `add ${"Long".repeat(21)}`)).shown).toBe(
      "Keep the name to 80 characters or fewer.",
    );
    expect((await product(p.sara, p.channels.north, "add !!! | Loud")).shown).toBe(
      "Namnet behöver minst en bokstav eller siffra, så att säljarna kan tagga det.",
    );
    expect(await countRows()).toEqual(before);
  });

  it("refuses a rep, privately, saying who may, and stores nothing", async () => {
    const before = await countRows();
    const { shown, reply } = await product(p.alice, p.channels.north, "add Gadget | Shiny");
    expect(reply?.kind).toBe("ephemeral");
    expect(shown).toBe(
      `Only the supervisors of Sales North (<@${p.sara}>) and admins can change its product list. Anyone in the team can read it with \`/product\`.`,
    );
    const swedish = await product(p.bo, p.channels.north, "remove widget-pro");
    expect(swedish.shown).toBe(
      `Bara handledarna för Sales North (<@${p.sara}>) och administratörer kan ändra teamets produktlista. Alla i teamet kan läsa den med \`/product\`.`,
    );
    expect(await countRows()).toEqual(before);
    expect(h.fake.world.messagesIn(p.channels.north)).toEqual([]);
  });

  it("refuses the supervisor of another team in this team's channel", async () => {
    const before = await countRows();
    expect((await product(p.olle, p.channels.north, "add Gadget")).shown).toContain(
      "Only the supervisors of Sales North",
    );
    expect(await countRows()).toEqual(before);
  });
});

describe("the list", () => {
  beforeAll(() => startOver(true));

  it("shows the supervisor every product with its tag and key points, with Edit, Remove and Add", async () => {
    const { shown, message } = await product(p.sara, p.channels.north);
    expect(shown).toContain("Produkter i Sales North");
    expect(shown).toContain(
      "*Widget Pro*   `#widget-pro`\n• Installs in under an hour\n• Five-year warranty",
    );
    expect(shown).toContain("*Ärlig Kaffe*   `#ärlig-kaffe`\n• Roasted in Gävle every week");
    // Swedish order: å, ä and ö come after z.
    expect(shown.indexOf("Widget Pro")).toBeLessThan(shown.indexOf("Ärlig Kaffe"));
    expect(shown).toContain(
      "Koppla en försäljning till en produkt med dess tagg: `/quota 12500 Acme #widget-pro`.",
    );
    expect(buttonsOf(message)).toEqual([
      "products.edit",
      "products.remove",
      "products.edit",
      "products.remove",
      "products.add",
    ]);
  });

  it("shows a rep their team's list from another channel, saying so, without buttons", async () => {
    const { shown, message } = await product(p.alice, p.channels.general);
    expect(shown).toContain(
      `This channel has no team; here are your team's products. Its channel is <#${p.channels.north}>.`,
    );
    expect(shown).toContain("*Widget Pro*   `#widget-pro`");
    expect(buttonsOf(message)).toEqual([]);
  });

  it("shows each team its own list", async () => {
    const { shown } = await product(p.cecilia, p.channels.south);
    expect(shown).toContain("Produkter i Sales South");
    expect(shown).toContain("Inga produkter på listan än.");
    expect(shown).not.toContain("Widget Pro");
  });

  it("lists the commands in help", async () => {
    expect((await product(p.alice, p.channels.north, "help")).shown).toContain(
      "• `/product remove [tag or name]`: take a product off the list (sales already tagged keep it)",
    );
    expect((await product(p.bo, p.channels.north, "hjälp")).shown).toContain(
      "*`/product`* visar teamets produkter: deras taggar och säljargument.",
    );
  });
});

describe("naming a product that is not on the list", () => {
  beforeAll(() => startOver(true));

  it("says so in edit and remove, with the known tags, and changes nothing", async () => {
    const before = await countRows();
    expect((await product(p.sara, p.channels.north, "edit gizmo")).shown).toBe(
      'Det finns ingen produkt "gizmo" på listan för Sales North. Produkter: `#widget-pro`, `#ärlig-kaffe`.',
    );
    expect((await product(p.ada, p.channels.north, "remove #gizmo-max")).shown).toBe(
      'There is no product "#gizmo-max" on the list of Sales North. Products: `#widget-pro`, `#ärlig-kaffe`.',
    );
    expect((await product(p.olle, p.channels.south, "remove widget-pro")).shown).toBe(
      'There is no product "widget-pro" on the list of Sales South; the list is empty.',
    );
    expect((await product(p.ada, p.channels.north, "remove")).shown).toBe(
      "Say which product: `/product remove [tag or name]`, for example `/product remove widget-pro`.",
    );
    expect((await product(p.ada, p.channels.north, "frobnicate")).shown).toBe(
      'I don\'t know "/product frobnicate". `/product help` lists what I can do.',
    );
    expect(h.fake.world.openViewsOf(p.sara)).toEqual([]);
    expect(await countRows()).toEqual(before);
  });
});

describe("resolveProductTag, for check-ins", () => {
  beforeAll(() => startOver(true));

  it("finds a product by its tag in every form, case-insensitively, only in its own team", async () => {
    const db = h.database.db;
    const widget = await productNamed("Widget Pro");
    const kaffe = await productNamed("Ärlig Kaffe");
    for (const text of [
      "#widget-pro",
      "widget-pro",
      "#WIDGET-PRO",
      "Widget-Pro",
      `<#${p.channels.north}|widget-pro>`,
    ]) {
      expect((await resolveProductTag(db, northId, text))?.id, text).toBe(widget?.id);
    }
    expect((await resolveProductTag(db, northId, "#ärlig-kaffe"))?.id).toBe(kaffe?.id);
    expect((await resolveProductTag(db, northId, "#ÄRLIG-KAFFE"))?.id).toBe(kaffe?.id);
    expect(await resolveProductTag(db, northId, "#widgets")).toBeNull();
    expect(await resolveProductTag(db, northId, "#")).toBeNull();
    expect(await resolveProductTag(db, southId, "#widget-pro")).toBeNull();
  });

  it("lists the team's products and finds one by id", async () => {
    const list = await listProducts(h.database.db, northId);
    expect(list.map((row) => row.tag)).toEqual(["widget-pro", "ärlig-kaffe"]);
    expect((await findProduct(h.database.db, list[0]?.id ?? 0))?.name).toBe("Widget Pro");
    expect(await findProduct(h.database.db, 999_999)).toBeNull();
  });
});

describe("removing a product", () => {
  beforeAll(() => startOver(true));

  it("archives it from the Remove button, audits it, and says so; a second click finds it gone", async () => {
    const widget = await productNamed("Widget Pro");
    const { message } = await product(p.sara, p.channels.north);
    const blockId = `products.item.${widget?.id}`;
    const blocks = (message?.blocks ?? []) as {
      block_id?: string;
      elements?: { action_id: string; confirm?: { text: { text: string } } }[];
    }[];
    const confirm = blocks
      .find((b) => b.block_id === blockId)
      ?.elements?.find((e) => e.action_id === "products.remove")?.confirm;
    expect(confirm?.text.text).toBe(
      "Widget Pro tas bort från listan: säljarna kan inte längre tagga försäljningar med den. Försäljningar som redan är taggade behåller den.",
    );

    const answer = await click(p.sara, "products.remove", message?.ts, blockId);
    expect(answer).toBe(
      "Tog bort *Widget Pro* (`#widget-pro`) från produktlistan. Försäljningar som redan är taggade med den behåller den.",
    );
    const archived = await findProduct(h.database.db, widget?.id ?? 0);
    expect(archived?.archivedAt?.toISOString()).toBe(h.clock.now().toISOString());
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "products.product.remove",
      subject: { type: "product", id: widget?.id ?? 0 },
    });
    expect(audit.map((a) => [a.actorId, a.subjectId])).toEqual([[p.sara, String(widget?.id)]]);
    expect(audit[0]?.before).toMatchObject({ name: "Widget Pro", archivedAt: null });
    expect(audit[0]?.after).toMatchObject({ name: "Widget Pro", archivedAt: h.clock.now().toISOString() });

    const before = await countRows();
    expect(await click(p.sara, "products.remove", message?.ts, blockId)).toBe(
      "*Widget Pro* är redan borttagen från listan.",
    );
    expect(await countRows()).toEqual(before);
    expect(await resolveProductTag(h.database.db, northId, "#widget-pro")).toBeNull();
    expect((await product(p.alice, p.channels.north)).shown).not.toContain("Widget Pro");
  });

  it("gives one effect to a double click", async () => {
    await product(p.sara, p.channels.north, "add Gizmo | Small");
    const gizmo = await productNamed("Gizmo");
    const { message } = await product(p.sara, p.channels.north);
    const blockId = `products.item.${gizmo?.id}`;
    const answers: string[] = [];
    const seen = h.fake.world.subscribe((e) => {
      if (e.type === "ephemeral_posted" && e.ephemeral.source === "response_url")
        answers.push(e.ephemeral.text);
    });
    await Promise.all([
      h.slack.clickButton({ userId: p.sara, actionId: "products.remove", messageTs: message?.ts, blockId }),
      h.slack.clickButton({ userId: p.sara, actionId: "products.remove", messageTs: message?.ts, blockId }),
    ]);
    await expect.poll(() => answers.length).toBe(2);
    seen();
    expect(answers.sort()).toEqual([
      "*Gizmo* är redan borttagen från listan.",
      "Tog bort *Gizmo* (`#gizmo`) från produktlistan. Försäljningar som redan är taggade med den behåller den.",
    ]);
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "products.product.remove",
      subject: { type: "product", id: gizmo?.id ?? 0 },
    });
    expect(audit).toHaveLength(1);
  });

  it("removes by text, and a name an archived product had makes a new product", async () => {
    expect((await product(p.ada, p.channels.north, "remove Ärlig Kaffe")).shown).toBe(
      "Took *Ärlig Kaffe* (`#ärlig-kaffe`) off the product list. Sales already tagged with it keep it.",
    );
    expect((await product(p.ada, p.channels.north, "remove ärlig-kaffe")).shown).toContain(
      'There is no product "ärlig-kaffe" on the list of Sales North',
    );
    const old = await productNamed("Ärlig Kaffe");
    const { shown } = await product(p.sara, p.channels.north, "add Ärlig Kaffe | Now with oat milk");
    expect(shown).toContain("Lade till *Ärlig Kaffe*");
    const all = await h.database.db
      .select()
      .from(products)
      .where(eq(products.tag, "ärlig-kaffe"))
      .orderBy(products.id);
    expect(all.map((row) => [row.id === old?.id, row.keyPoints, row.archivedAt === null])).toEqual([
      [true, "Roasted in Gävle every week", false],
      [false, "Now with oat milk", true],
    ]);
    expect((await resolveProductTag(h.database.db, northId, "#ärlig-kaffe"))?.keyPoints).toBe(
      "Now with oat milk",
    );
  });
});
