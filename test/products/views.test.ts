import { describe, expect, it } from "vitest";
import { productMessages } from "../../src/features/products/messages.js";
import { KEY_POINTS_MAX, NAME_MAX } from "../../src/features/products/rules.js";
import type { Product } from "../../src/features/products/schema.js";
import {
  addedReply,
  helpReply,
  productList,
  productModal,
  removedReply,
  savedModal,
} from "../../src/features/products/views.js";
import type { TeamWithMembers } from "../../src/features/team/index.js";
import { createTranslator } from "../../src/platform/i18n/index.js";
import { validateMessageBlocks, validateView } from "../../src/sandbox/fake-slack/index.js";
import { blockKitSchema, itChecksTheSchema } from "../support/block-kit.js";
import { registeredSurfaces } from "../support/registered.js";
import { actionIds, buttonsOf, visibleText } from "../support/slack-text.js";

const schema = blockKitSchema;
const en = createTranslator(productMessages, "en", "en-US");
const sv = createTranslator(productMessages, "sv", "sv-SE");

const team: TeamWithMembers = {
  team: {
    id: 7,
    workspaceId: "T1",
    name: "Sales North",
    channelId: "C123",
    timeZone: "Europe/Stockholm",
    locale: "sv",
    currency: "SEK",
    holidayCountry: "SE",
    workWeek: [1, 2, 3, 4, 5],
    quotaPeriod: "month",
    escalationHours: 24,
    policyReminderDays: 3,
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  },
  supervisorIds: ["U0SUP1"],
  repIds: ["U0REP1"],
};

function product(id: number, overrides: Partial<Product> = {}): Product {
  return {
    id,
    workspaceId: "T1",
    teamId: 7,
    name: `Product ${id}`,
    tag: `product-${id}`,
    keyPoints: "Installs in an hour\nFive-year warranty",
    archivedAt: null,
    createdBy: "U0SUP1",
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

/** The longest product a person can make: a full name and every key point character used. */
const biggest = product(99, {
  name: "W&".repeat(NAME_MAX / 2),
  tag: "w".repeat(NAME_MAX),
  keyPoints: Array.from({ length: 15 }, () => `${"<&>".repeat(33)}`)
    .join("\n")
    .slice(0, KEY_POINTS_MAX),
});

const many = (count: number) => Array.from({ length: count }, (_, i) => product(i + 1));

const registered = registeredSurfaces();

describe("product views pass Slack's Block Kit checks", () => {
  itChecksTheSchema("the product views");

  const messages = {
    "empty list, supervisor": productList(sv, { team, products: [], mayManage: true, boundHere: true }),
    "empty list, rep elsewhere": productList(en, { team, products: [], mayManage: false, boundHere: false }),
    "3 products, supervisor": productList(en, { team, products: many(3), mayManage: true, boundHere: true }),
    "60 products, supervisor": productList(sv, {
      team,
      products: many(60),
      mayManage: true,
      boundHere: false,
    }),
    "300 products, rep": productList(en, { team, products: many(300), mayManage: false, boundHere: true }),
    "the biggest product": productList(en, { team, products: [biggest], mayManage: true, boundHere: true }),
    help: helpReply(sv),
    added: addedReply(en, biggest, team),
    removed: removedReply(sv, biggest),
  };
  for (const [name, message] of Object.entries(messages)) {
    it(`message: ${name}`, () => {
      expect(message.text.length).toBeGreaterThan(0);
      expect(validateMessageBlocks(message.blocks ?? [], { schema })).toEqual([]);
      for (const id of actionIds(message.blocks)) expect(registered.actions.has(id), id).toBe(true);
    });
  }

  const views = {
    "new product": productModal(en, { team, product: null }),
    "edit the biggest product": productModal(sv, { team, product: biggest }),
    "saved, tag changed": savedModal(sv, biggest, { created: false, previousTag: "old-tag" }),
    "saved, new": savedModal(en, product(1), { created: true, previousTag: null }),
  };
  for (const [name, view] of Object.entries(views)) {
    it(`modal: ${name}`, () => {
      expect(validateView(view, { schema })).toEqual([]);
      if (view.callback_id) expect(registered.views.has(view.callback_id)).toBe(true);
      for (const id of actionIds(view.blocks)) expect(registered.actions.has(id), id).toBe(true);
    });
  }

  it("registers the command, every button and the modal", () => {
    expect(registered.commands.has("/product")).toBe(true);
    for (const id of ["products.add", "products.edit", "products.remove"])
      expect(registered.actions.has(id)).toBe(true);
    expect(registered.views.has("products.save")).toBe(true);
  });

  it("can fail: an over-long header is caught by the same checks", () => {
    const broken = [{ type: "header", text: { type: "plain_text", text: "x".repeat(151) } }];
    expect(validateMessageBlocks(broken, { schema })).not.toEqual([]);
  });
});

describe("the product list", () => {
  it("shows a long list in full as far as a message holds, then names the rest, keeping the Add button", () => {
    const reply = productList(en, { team, products: many(60), mayManage: true, boundHere: true });
    const blocks = reply.blocks ?? [];
    expect(blocks.length).toBeLessThanOrEqual(50);
    const buttons = buttonsOf(reply);
    expect(buttons.at(-1)).toBe("products.add");
    const editable = buttons.filter((id) => id === "products.edit").length;
    expect(editable).toBeGreaterThan(15);
    const text = visibleText(reply);
    expect(text).toContain("*More products* (change one with `/product edit [tag]`)");
    expect(text).toContain("`#product-60`  Product 60");
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Product ${i}`);
  });

  it("shows a rep every product in full when they fit, without buttons", () => {
    const reply = productList(sv, { team, products: many(40), mayManage: false, boundHere: true });
    expect(buttonsOf(reply)).toEqual([]);
    const text = visibleText(reply);
    expect(text.match(/• Installs in an hour/g)).toHaveLength(40);
    expect(text).not.toContain("Fler produkter");
  });

  it("escapes what people typed, so a name or key point cannot ping or link", () => {
    const reply = productList(en, {
      team,
      products: [product(1, { name: "Salt & Peppar", keyPoints: "<!channel> look" })],
      mayManage: false,
      boundHere: true,
    });
    const text = visibleText(reply);
    expect(text).toContain("*Salt &amp; Peppar*");
    expect(text).toContain("• &lt;!channel&gt; look");
    expect(text).not.toContain("<!channel>");
  });

  it("says a product has no key points yet", () => {
    const reply = productList(sv, {
      team,
      products: [product(1, { keyPoints: "" })],
      mayManage: false,
      boundHere: true,
    });
    expect(visibleText(reply)).toContain("*Product 1*   `#product-1`\n_Inga säljargument än._");
  });

  it("asks before removing, naming the product", () => {
    const reply = productList(en, { team, products: [product(1)], mayManage: true, boundHere: true });
    const remove = (
      reply.blocks as { elements?: { action_id: string; confirm?: Record<string, { text: string }> }[] }[]
    )
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === "products.remove");
    expect(remove?.confirm?.title?.text).toBe("Remove this product?");
    expect(remove?.confirm?.text?.text).toContain("Product 1 goes off the list");
    expect(remove?.confirm?.confirm?.text).toBe("Remove");
    expect(remove?.confirm?.deny?.text).toBe("Keep it");
  });
});
