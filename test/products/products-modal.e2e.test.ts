import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { products } from "../../src/features/products/schema.js";
import { auditLog, listAudit } from "../../src/platform/audit/index.js";
import type { SlackView } from "../../src/sandbox/fake-slack/index.js";
import { type Harness, startHarness } from "../support/harness.js";
import { buttonsOf, visibleText } from "../support/slack-text.js";
import { makeTeam } from "../support/teams.js";

let h: Harness;
let p: Harness["people"];

beforeAll(async () => {
  h = await startHarness();
  p = h.people;
});
afterAll(async () => {
  await h?.close();
});

/**
 * Each group of tests starts over: Sales North (Sara; Alice and Bo) with Widget Pro on its product list,
 * and the products `more` adds, as Sara adds them with `/product add`.
 */
async function startOver(...more: string[]): Promise<void> {
  await h.reset();
  await makeTeam(h, {
    name: "Sales North",
    channel: p.channels.north,
    supervisors: [p.sara],
    reps: [p.alice, p.bo],
  });
  for (const product of ["Widget Pro | Installs in under an hour", ...more]) {
    await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/product",
      text: `add ${product}`,
    });
  }
}

/** Sara's list and a click on its Add button: the empty form. */
async function openAddForm(): Promise<SlackView> {
  const message = await list(p.sara);
  return opensModal(p.sara, () =>
    h.slack.clickButton({ userId: p.sara, actionId: "products.add", messageTs: message?.ts }),
  );
}

/** Does something that makes the app open a modal for a person (after its ack, as in Slack) and returns it. */
async function opensModal(userId: string, act: () => Promise<unknown>): Promise<SlackView> {
  const opened = h.fake.world.waitFor((e) => e.type === "view_opened" && e.userId === userId, 5000);
  await act();
  await opened;
  const view = h.fake.world.openViewsOf(userId).at(-1);
  if (!view) throw new Error(`no modal open for ${userId}`);
  return view;
}

/** The initial value of each input of a modal, by block id. */
function initialValues(view: SlackView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const block of view.blocks as { type: string; block_id: string; element: Record<string, unknown> }[]) {
    if (block.type === "input") out[block.block_id] = block.element.initial_value ?? null;
  }
  return out;
}

/** `/product` as a person in the team's channel: the private list. */
async function list(userId: string) {
  const shown = await h.slack.slashCommand({ userId, channelId: p.channels.north, command: "/product" });
  return shown.reply?.kind === "ephemeral" ? shown.reply.ephemeral : undefined;
}

async function productNamed(name: string) {
  const [row] = await h.database.db.select().from(products).where(eq(products.name, name));
  return row;
}

async function auditCount() {
  return (await h.database.db.select().from(auditLog)).length;
}

describe("adding a product with the modal", () => {
  beforeAll(() => startOver());

  it("opens an empty form from the supervisor's Add button", async () => {
    const message = await list(p.sara);
    expect(buttonsOf(message).at(-1)).toBe("products.add");
    const view = await opensModal(p.sara, () =>
      h.slack.clickButton({ userId: p.sara, actionId: "products.add", messageTs: message?.ts }),
    );
    const text = visibleText(view);
    expect(text).toContain("Ny produkt");
    expect(text).toContain("Produktlistan för *Sales North*");
    expect(text).toContain("Produktens namn");
    expect(text).toContain("Säljargument");
    expect(initialValues(view)).toEqual({ name: null, keyPoints: null });
  });

  it("shows a missing name on the name field, and stores nothing", async () => {
    await openAddForm();
    const stored = await h.database.db.select().from(products);
    const before = await auditCount();
    const blank = await h.slack.submitView({ userId: p.sara, values: { name: { value: "" } } });
    expect(blank.responseAction).toBe("not_sent");
    expect(blank.clientErrors).toEqual({ name: "Please complete this required field." });

    const spaces = await h.slack.submitView({
      userId: p.sara,
      values: { name: { value: "   " }, keyPoints: { value: "Fits in a pocket" } },
    });
    expect(spaces.responseAction).toBe("errors");
    expect(spaces.errors).toEqual({ name: "Produkten behöver ett namn." });
    expect(await h.database.db.select().from(products)).toEqual(stored);
    expect(await auditCount()).toBe(before);
  });

  it("shows a name whose tag is taken on the name field, in plain text", async () => {
    await openAddForm();
    const stored = await h.database.db.select().from(products);
    const taken = await h.slack.submitView({ userId: p.sara, values: { name: { value: "widget pro" } } });
    expect(taken.responseAction).toBe("errors");
    expect(taken.errors).toEqual({ name: "Widget Pro finns redan på listan, med taggen #widget-pro." });
    expect(await h.database.db.select().from(products)).toEqual(stored);
  });

  it("adds the product once the name is fixed, and turns the modal into the result", async () => {
    await openAddForm();
    const saved = await h.slack.submitView({
      userId: p.sara,
      values: {
        name: { value: "Gadget Max" },
        keyPoints: { value: "- Fits in a pocket\n\n- Battery lasts a week" },
      },
    });
    expect(saved.responseAction).toBe("update");
    const text = visibleText(saved.view);
    expect(text).toContain("Produkten är sparad");
    expect(text).toContain(
      "*Gadget Max* finns nu på listan. Säljarna taggar försäljningar med `#gadget-max`.",
    );
    expect(text).toContain("*Gadget Max*   `#gadget-max`\n• Fits in a pocket\n• Battery lasts a week");
    const row = await productNamed("Gadget Max");
    expect(row).toMatchObject({
      tag: "gadget-max",
      keyPoints: "Fits in a pocket\nBattery lasts a week",
      createdBy: p.sara,
      archivedAt: null,
    });
    const audit = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "products.product.add",
      subject: { type: "product", id: row?.id ?? 0 },
    });
    expect(audit.map((a) => a.actorId)).toEqual([p.sara]);
  });
});

describe("editing a product with the modal", () => {
  beforeAll(() => startOver("Gadget Max | Fits in a pocket | Battery lasts a week"));

  it("refuses a rep who asks for the form, privately, and opens nothing", async () => {
    const result = await h.slack.slashCommand({
      userId: p.alice,
      channelId: p.channels.north,
      command: "/product",
      text: "edit gadget-max",
    });
    expect(result.reply?.kind === "ephemeral" && result.reply.ephemeral.text).toBe(
      `Only the supervisors of Sales North (<@${p.sara}>) and admins can change its product list. Anyone in the team can read it with \`/product\`.`,
    );
    expect(h.fake.world.openViewsOf(p.alice)).toEqual([]);
  });

  it("opens from /product edit with the product filled in; a bad name is shown on its field, then the change is saved and audited", async () => {
    const view = await opensModal(p.sara, () =>
      h.slack.slashCommand({
        userId: p.sara,
        channelId: p.channels.north,
        command: "/product",
        text: "edit #Gadget-Max",
      }),
    );
    expect(visibleText(view)).toContain("Ändra produkt");
    expect(initialValues(view)).toEqual({
      name: "Gadget Max",
      keyPoints: "Fits in a pocket\nBattery lasts a week",
    });

    const bad = await h.slack.submitView({ userId: p.sara, values: { name: { value: "  " } } });
    expect(bad.errors).toEqual({ name: "Produkten behöver ett namn." });
    const clash = await h.slack.submitView({ userId: p.sara, values: { name: { value: "Widget-Pro" } } });
    expect(clash.errors).toEqual({
      name: "Widget Pro har redan taggen #widget-pro. Välj ett namn som ger en annan tagg.",
    });

    const good = await h.slack.submitView({
      userId: p.sara,
      values: {
        name: { value: "Gadget Mini" },
        keyPoints: { value: "Fits in a pocket\nBattery lasts two weeks" },
      },
    });
    expect(good.responseAction).toBe("update");
    const text = visibleText(good.view);
    expect(text).toContain("*Gadget Mini* är sparad. Taggen är `#gadget-mini`.");
    expect(text).toContain(
      "Taggen ändrades från `#gadget-max` till `#gadget-mini`; försäljningar som redan är taggade behåller produkten.",
    );
    const row = await productNamed("Gadget Mini");
    expect(row).toMatchObject({ tag: "gadget-mini", keyPoints: "Fits in a pocket\nBattery lasts two weeks" });
    const updates = await listAudit(h.database.db, h.fake.world.workspace.teamId, {
      action: "products.product.update",
    });
    expect(updates.map((u) => [u.actorId, u.subjectId, u.before, u.after])).toEqual([
      [
        p.sara,
        String(row?.id),
        { name: "Gadget Max", tag: "gadget-max", keyPoints: "Fits in a pocket\nBattery lasts a week" },
        { name: "Gadget Mini", tag: "gadget-mini", keyPoints: "Fits in a pocket\nBattery lasts two weeks" },
      ],
    ]);
  });
});

describe("editing a product from the list's Edit button", () => {
  beforeAll(() => startOver("Gadget Mini | Fits in a pocket | Battery lasts two weeks"));

  it("opens from the Edit button on the list, in the clicker's language", async () => {
    const message = await list(p.ada);
    const gadget = await productNamed("Gadget Mini");
    const view = await opensModal(p.ada, () =>
      h.slack.clickButton({
        userId: p.ada,
        actionId: "products.edit",
        messageTs: message?.ts,
        blockId: `products.item.${gadget?.id}`,
      }),
    );
    expect(visibleText(view)).toContain("Edit product");
    expect(initialValues(view)).toEqual({
      name: "Gadget Mini",
      keyPoints: "Fits in a pocket\nBattery lasts two weeks",
    });
  });
});

describe("two people editing one product", () => {
  beforeAll(() => startOver("Gadget Mini | Fits in a pocket | Battery lasts two weeks"));

  it("saves the same change once when two people submit it, and refuses a form left open meanwhile", async () => {
    // Ada and Sara open the form. Both make the same change.
    for (const userId of [p.ada, p.sara]) {
      await opensModal(userId, () =>
        h.slack.slashCommand({
          userId,
          channelId: p.channels.north,
          command: "/product",
          text: "edit gadget-mini",
        }),
      );
    }
    const change = { keyPoints: { value: "Fits in a pocket\nBattery lasts a month" } };
    const first = await h.slack.submitView({ userId: p.ada, values: change });
    expect(visibleText(first.view)).toContain("*Gadget Mini* is saved. Its tag is `#gadget-mini`.");
    const before = await auditCount();
    const second = await h.slack.submitView({ userId: p.sara, values: change });
    expect(second.responseAction).toBe("update");
    expect(visibleText(second.view)).toContain("*Gadget Mini* är sparad.");
    expect(await auditCount()).toBe(before);

    // Both open the form again; Ada changes the name, then Sara submits something else from her old form.
    for (const userId of [p.ada, p.sara]) {
      await opensModal(userId, () =>
        h.slack.slashCommand({
          userId,
          channelId: p.channels.north,
          command: "/product",
          text: "edit gadget-mini",
        }),
      );
    }
    await h.slack.submitView({ userId: p.ada, values: { name: { value: "Gadget Midi" } } });
    const stale = await h.slack.submitView({
      userId: p.sara,
      values: { keyPoints: { value: "Overwritten?" } },
    });
    expect(stale.responseAction).toBe("push");
    expect(visibleText(stale.view)).toContain("Formuläret är inaktuellt");
    expect(await productNamed("Gadget Midi")).toMatchObject({
      keyPoints: "Fits in a pocket\nBattery lasts a month",
    });
  });
});

describe("a product taken off the list meanwhile", () => {
  beforeAll(() => startOver("Gadget Midi | Fits in a pocket | Battery lasts a month"));

  it("tells someone clicking Edit on a product taken off the list meanwhile, and opens nothing", async () => {
    const message = await list(p.sara);
    const gadget = await productNamed("Gadget Midi");
    await h.slack.slashCommand({
      userId: p.sara,
      channelId: p.channels.north,
      command: "/product",
      text: "remove gadget-midi",
    });
    const answered = h.fake.world.waitFor(
      (e) =>
        e.type === "ephemeral_posted" && e.ephemeral.user === p.sara && e.ephemeral.source === "response_url",
      5000,
    );
    const openBefore = h.fake.world.openViewsOf(p.sara).length;
    await h.slack.clickButton({
      userId: p.sara,
      actionId: "products.edit",
      messageTs: message?.ts,
      blockId: `products.item.${gadget?.id}`,
    });
    const event = await answered;
    expect(event.type === "ephemeral_posted" && event.ephemeral.text).toBe(
      "*Gadget Midi* finns inte längre på listan, så det finns inget att ändra. Lägg till den igen med `/product add`.",
    );
    expect(h.fake.world.openViewsOf(p.sara)).toHaveLength(openBefore);
  });
});
