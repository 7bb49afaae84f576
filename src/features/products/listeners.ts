import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import { problemError, problemsOf } from "../../platform/errors.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  type Reply,
  type Router,
  readMetadata,
  viewListener,
} from "../../platform/slack/index.js";
import { parseProductCommand } from "./command.js";
import { type ProductForm, saveForm } from "./form.js";
import { type ProductMessages, productMessages } from "./messages.js";
import {
  addProduct,
  ensureMayManage,
  listing,
  productByReference,
  productForEdit,
  productTeam,
  removeProduct,
  spotlightPreview,
  teamForAdd,
} from "./service.js";
import {
  addedReply,
  FIELD,
  formMetadata,
  helpReply,
  PRODUCT_IDS,
  productList,
  productModal,
  removedReply,
  savedModal,
  spotlightReply,
  VALUE,
} from "./views.js";

const { error } = problemsOf<ProductMessages>();

/** A button's value: the id of a product or a team. */
const idValue = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  router.command(
    PRODUCT_IDS.command,
    commandListener(deps, productMessages, (request) => handleProductCommand(request)),
  );

  router.action(
    PRODUCT_IDS.addButton,
    actionListener(deps, productMessages, async ({ ctx, value, triggerId, t }) => {
      const teamId = idValue.safeParse(value);
      if (!teamId.success) throw error("product.team.gone");
      const team = await teamForAdd(ctx, teamId.data);
      await ctx.slack.openView(triggerId, productModal(t, { team, product: null }));
      return undefined;
    }),
  );

  router.action(
    PRODUCT_IDS.editButton,
    actionListener(deps, productMessages, async ({ ctx, value, triggerId, t }) => {
      const productId = idValue.safeParse(value);
      if (!productId.success) throw error("product.gone");
      const form = await productForEdit(ctx, productId.data);
      await ctx.slack.openView(triggerId, productModal(t, form));
      return undefined;
    }),
  );

  router.action(
    PRODUCT_IDS.removeButton,
    actionListener(deps, productMessages, async ({ ctx, value, t }) => {
      const productId = idValue.safeParse(value);
      if (!productId.success) throw error("product.gone");
      return removedReply(t, await removeProduct(ctx, productId.data));
    }),
  );

  router.view(
    PRODUCT_IDS.saveView,
    viewListener(deps, productMessages, async ({ ctx, view, t }) => {
      const result = await saveForm(ctx, readForm(view));
      if (!result.ok) return { errors: fieldErrors(t, result.errors) };
      return { update: savedModal(t, result.product, result) };
    }),
  );
}

async function handleProductCommand(request: CommandRequest<ProductMessages>): Promise<Reply | undefined> {
  const { t, ctx } = request;
  const command = parseProductCommand(request.text);
  switch (command.kind) {
    case "list":
      return productList(t, await listing(ctx));
    case "help":
      return helpReply(t);
    case "spotlight":
      return spotlightReply(t, await spotlightPreview(ctx));
    case "addForm": {
      const { team, actor } = await productTeam(ctx);
      ensureMayManage(actor, team);
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, productModal(t, { team, product: null }));
      return undefined;
    }
    case "add": {
      const { team } = await productTeam(ctx);
      const product = await addProduct(ctx, team, command);
      return addedReply(t, product, team);
    }
    case "edit": {
      const { team, actor } = await productTeam(ctx);
      ensureMayManage(actor, team);
      const product = await productByReference(ctx, team, command.reference);
      await request.ackEmpty();
      await ctx.slack.openView(request.triggerId, productModal(t, { team, product }));
      return undefined;
    }
    case "remove": {
      const { team, actor } = await productTeam(ctx);
      ensureMayManage(actor, team);
      const product = await productByReference(ctx, team, command.reference);
      return removedReply(t, await removeProduct(ctx, product.id));
    }
    case "invalid":
      throw problemError(command.problem);
  }
}

const field = <S extends z.ZodType>(element: S) => z.object({ [VALUE]: element }).optional();

/** The modal's state as Slack sends it: an empty text input is null. */
const formState = z.object({
  [FIELD.name]: field(z.object({ value: z.string().nullish() })),
  [FIELD.keyPoints]: field(z.object({ value: z.string().nullish() })),
});

function readForm(view: ViewSubmitAction["view"]): ProductForm {
  const metadata = readMetadata(view, formMetadata);
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  return {
    ...metadata,
    name: state.data.name?.value.value ?? "",
    keyPoints: state.data.keyPoints?.value.value ?? "",
  };
}
