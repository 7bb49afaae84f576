import type { ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import type { Deps } from "../../platform/deps.js";
import {
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  type Reply,
  type Router,
  readMetadata,
  UserError,
  viewListener,
} from "../../platform/slack/index.js";
import { loadActor } from "../team/index.js";
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
  VALUE,
} from "./views.js";

/** A button's value: the id of a product or a team. */
const idValue = z.coerce.number().int().positive();

export function register(router: Router, deps: Deps): void {
  router.command(
    PRODUCT_IDS.command,
    commandListener(deps, productMessages, (request) => handleProductCommand(deps, request)),
  );

  router.action(
    PRODUCT_IDS.addButton,
    actionListener(deps, productMessages, async (request) => {
      const teamId = idValue.safeParse(request.value);
      if (!teamId.success) throw new UserError("product.team.gone");
      const actor = await loadActor(deps, request.workspaceId, request.userId);
      const team = await teamForAdd(deps, actor, teamId.data);
      await deps.slack.openView(request.triggerId, productModal(request.t, { team, product: null }));
      return undefined;
    }),
  );

  router.action(
    PRODUCT_IDS.editButton,
    actionListener(deps, productMessages, async (request) => {
      const productId = idValue.safeParse(request.value);
      if (!productId.success) throw new UserError("product.gone");
      const actor = await loadActor(deps, request.workspaceId, request.userId);
      const form = await productForEdit(deps, actor, productId.data);
      await deps.slack.openView(request.triggerId, productModal(request.t, form));
      return undefined;
    }),
  );

  router.action(
    PRODUCT_IDS.removeButton,
    actionListener(deps, productMessages, async (request) => {
      const productId = idValue.safeParse(request.value);
      if (!productId.success) throw new UserError("product.gone");
      const actor = await loadActor(deps, request.workspaceId, request.userId);
      return removedReply(request.t, await removeProduct(deps, actor, productId.data));
    }),
  );

  router.view(
    PRODUCT_IDS.saveView,
    viewListener(deps, productMessages, async ({ workspaceId, userId, view, t }) => {
      const form = readForm(view);
      const actor = await loadActor(deps, workspaceId, userId);
      const result = await saveForm(deps, actor, form);
      if (!result.ok) {
        return {
          errors: fieldErrors(t, result.errors),
        };
      }
      return { update: savedModal(t, result.product, result) };
    }),
  );
}

async function handleProductCommand(
  deps: Deps,
  request: CommandRequest<ProductMessages>,
): Promise<Reply | undefined> {
  const { t, workspaceId, userId, channelId } = request;
  const command = parseProductCommand(request.text);
  switch (command.kind) {
    case "list":
      return productList(t, await listing(deps, workspaceId, userId, channelId));
    case "help":
      return helpReply(t);
    case "addForm": {
      const { team, actor } = await productTeam(deps, workspaceId, userId, channelId);
      ensureMayManage(actor, team);
      await request.ackEmpty();
      await deps.slack.openView(request.triggerId, productModal(t, { team, product: null }));
      return undefined;
    }
    case "add": {
      const { team, actor } = await productTeam(deps, workspaceId, userId, channelId);
      const product = await addProduct(deps, actor, team, command);
      return addedReply(t, product, team);
    }
    case "edit": {
      const { team, actor } = await productTeam(deps, workspaceId, userId, channelId);
      ensureMayManage(actor, team);
      const product = await productByReference(deps, team, command.reference);
      await request.ackEmpty();
      await deps.slack.openView(request.triggerId, productModal(t, { team, product }));
      return undefined;
    }
    case "remove": {
      const { team, actor } = await productTeam(deps, workspaceId, userId, channelId);
      ensureMayManage(actor, team);
      const product = await productByReference(deps, team, command.reference);
      return removedReply(t, await removeProduct(deps, actor, product.id));
    }
    case "invalid":
      throw new UserError(command.problem.key, command.problem.params);
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
  if (!state.success) throw new UserError("common.error.expiredForm");
  return {
    ...metadata,
    name: state.data.name?.value.value ?? "",
    keyPoints: state.data.keyPoints?.value.value ?? "",
  };
}
