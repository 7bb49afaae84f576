import type { Button, KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import type { Translator } from "../../platform/i18n/index.js";
import {
  actions,
  button,
  context,
  escapeMrkdwn,
  header,
  input,
  LIMITS,
  linesToSections,
  modal,
  plain,
  type Reply,
  section,
} from "../../platform/slack/index.js";
import type { TeamWithMembers } from "../team/index.js";
import type { ProductMessages } from "./messages.js";
import { FIELD, fingerprint, KEY_POINTS_MAX, keyPointsOf, NAME_MAX } from "./rules.js";
import type { Product } from "./schema.js";
import type { SpotlightPreview } from "./service.js";

type T = Translator<ProductMessages>;

/** Slack ids of this feature: registered in listeners.ts, rendered here. */
export const PRODUCT_IDS = {
  command: "/product",
  addButton: "products.add",
  editButton: "products.edit",
  removeButton: "products.remove",
  saveView: "products.save",
} as const;

export { FIELD };
/** The action id of the one element in each input block of the modal. */
export const VALUE = "value";

/** What the modal carries between opening and submitting. */
export const formMetadata = z.object({
  teamId: z.number().int().positive(),
  productId: z.number().int().positive().nullable(),
  /** The product's fingerprint when the form opened; null for a new product. */
  opened: z.string().nullable(),
});
export type FormMetadata = z.infer<typeof formMetadata>;

/** Confirm dialog limits (title, text, buttons), as Slack checks them. */
const CONFIRM = { title: 100, text: 300, button: 30 } as const;

/** A product as people read it: name, tag, and its key selling points as bullets. */
export function productText(t: T, product: Product): string {
  const points = keyPointsOf(product);
  const body =
    points.length > 0
      ? points.map((point) => `• ${escapeMrkdwn(point)}`).join("\n")
      : t.t("product.item.noPoints");
  return `*${escapeMrkdwn(product.name)}*   \`#${product.tag}\`\n${body}`;
}

function removeButton(t: T, product: Product): Button {
  return {
    ...button(t.t("product.button.remove"), PRODUCT_IDS.removeButton, {
      value: String(product.id),
      style: "danger",
    }),
    confirm: {
      title: plain(t.t("product.confirm.title"), CONFIRM.title),
      text: plain(t.t("product.confirm.text", { name: product.name }), CONFIRM.text),
      confirm: plain(t.t("product.confirm.yes"), CONFIRM.button),
      deny: plain(t.t("product.confirm.no"), CONFIRM.button),
      style: "danger",
    },
  };
}

export interface ProductList {
  team: TeamWithMembers;
  products: Product[];
  /** Whether the person may change the list: Add, Edit and Remove buttons. */
  mayManage: boolean;
  /** False when the channel has no team and this is the person's own team. */
  boundHere: boolean;
}

/**
 * `/product`: the team's products with tags and key selling points; with buttons for those who may change
 * the list. A long list shows as many products in full as a message holds, and names the rest.
 */
export function productList(t: T, list: ProductList): Reply {
  const title = t.t("product.list.title", { team: list.team.team.name });
  const blocks: KnownBlock[] = [];
  if (!list.boundHere)
    blocks.push(context(t.t("product.list.notHere", { channel: list.team.team.channelId })));
  blocks.push(header(title));
  const footer: KnownBlock[] = [];
  if (list.mayManage) {
    footer.push(
      actions("products.list", [
        button(t.t("product.button.add"), PRODUCT_IDS.addButton, {
          value: String(list.team.team.id),
          style: "primary",
        }),
      ]),
    );
  }
  if (list.products.length === 0) {
    const howTo = t.t(list.mayManage ? "product.list.emptyHowTo" : "product.list.emptyAsk");
    blocks.push(section(`${t.t("product.list.empty")}\n${howTo}`));
    return { text: title, blocks: [...blocks, ...footer] };
  }
  footer.push(context(t.t("product.list.tagHint", { tag: list.products[0]?.tag ?? "widget-pro" })));

  const perProduct = list.mayManage ? 2 : 1;
  // One block stays free for the products that do not fit in full.
  const room = LIMITS.blocksPerMessage - blocks.length - footer.length - 1;
  const inFull =
    list.products.length * perProduct <= room + 1
      ? list.products
      : list.products.slice(0, Math.floor(room / perProduct));
  for (const product of inFull) {
    blocks.push(section(productText(t, product)));
    if (list.mayManage) {
      blocks.push(
        actions(`products.item.${product.id}`, [
          button(t.t("product.button.edit"), PRODUCT_IDS.editButton, { value: String(product.id) }),
          removeButton(t, product),
        ]),
      );
    }
  }
  const rest = list.products.slice(inFull.length);
  if (rest.length > 0) {
    const lines = rest.map((product) => `\`#${product.tag}\`  ${escapeMrkdwn(product.name)}`);
    blocks.push(
      ...linesToSections([t.t("product.list.others"), ...lines], 1, (count) =>
        t.t("product.list.more", { count }),
      ),
    );
  }
  return { text: title, blocks: [...blocks, ...footer] };
}

export function helpReply(t: T): Reply {
  return { text: t.t("product.help.fallback"), blocks: [section(t.t("product.help"))] };
}

/** The answer to `/product spotlight`: the next product in the team's spotlight and when, then the rest in turn. */
export function spotlightReply(t: T, preview: SpotlightPreview): Reply {
  const team = preview.team.team;
  const [first, ...after] = preview.upcoming;
  if (!first) return { text: t.t("product.spotlight.empty", { team: team.name }) };
  const name = escapeMrkdwn(first.name);
  const lines = [
    preview.next
      ? t.t("product.spotlight.next", {
          team: team.name,
          name,
          day: t.date(preview.next, team.timeZone, "weekdayDate"),
          time: t.date(preview.next, team.timeZone, "time"),
        })
      : t.t("product.spotlight.off", { team: team.name, name }),
  ];
  if (after.length > 0) {
    const names = after.slice(0, 20).map((product) => escapeMrkdwn(product.name));
    if (after.length > names.length)
      names.push(t.t("product.spotlight.more", { count: after.length - names.length }));
    lines.push(t.t("product.spotlight.after", { names: t.list(names) }));
  }
  lines.push(t.t("product.spotlight.how"));
  const text = lines.join("\n");
  return { text, blocks: [section(text)] };
}

/** The answer to `/product add <name> | ...`: what was added and the tag reps use. */
export function addedReply(t: T, product: Product, team: TeamWithMembers): Reply {
  const text = t.t("product.added", {
    name: escapeMrkdwn(product.name),
    tag: product.tag,
    team: team.team.name,
  });
  return { text, blocks: [section(text), section(productText(t, product))] };
}

export function removedReply(t: T, product: Product): Reply {
  return { text: t.t("product.removed", { name: escapeMrkdwn(product.name), tag: product.tag }) };
}

/** The product modal: a new product for the team, or a change to one. One builder for open and update. */
export function productModal(t: T, form: { team: TeamWithMembers; product: Product | null }): ModalView {
  const product = form.product;
  const metadata: FormMetadata = {
    teamId: form.team.team.id,
    productId: product?.id ?? null,
    opened: product ? fingerprint(product) : null,
  };
  return modal({
    callbackId: PRODUCT_IDS.saveView,
    title: t.t(product ? "product.modal.titleEdit" : "product.modal.titleNew"),
    submit: t.t(product ? "product.modal.save" : "product.modal.create"),
    close: t.t("product.modal.cancel"),
    metadata,
    blocks: [
      context(t.t("product.modal.team", { team: form.team.team.name })),
      input(
        FIELD.name,
        t.t("product.modal.name"),
        {
          type: "plain_text_input",
          max_length: NAME_MAX,
          placeholder: plain(t.t("product.modal.namePlaceholder"), LIMITS.placeholder),
          ...(product ? { initial_value: product.name } : {}),
        },
        { hint: t.t("product.modal.nameHint") },
      ),
      input(
        FIELD.keyPoints,
        t.t("product.modal.keyPoints"),
        {
          type: "plain_text_input",
          multiline: true,
          max_length: KEY_POINTS_MAX,
          placeholder: plain(t.t("product.modal.keyPointsPlaceholder"), LIMITS.placeholder),
          ...(product?.keyPoints ? { initial_value: product.keyPoints } : {}),
        },
        { hint: t.t("product.modal.keyPointsHint"), optional: true },
      ),
    ],
  });
}

/** What the modal turns into after a save: the product as it now is, and its tag. */
export function savedModal(
  t: T,
  product: Product,
  outcome: { created: boolean; previousTag: string | null },
): ModalView {
  const params = { name: escapeMrkdwn(product.name), tag: product.tag };
  const lines = [t.t(outcome.created ? "product.modal.created" : "product.modal.updated", params)];
  if (outcome.previousTag) {
    lines.push(t.t("product.modal.tagChanged", { from: outcome.previousTag, to: product.tag }));
  }
  return modal({
    title: t.t("product.modal.titleSaved"),
    close: t.t("common.button.close"),
    blocks: [section(lines.join("\n")), section(productText(t, product))],
  });
}
