import type {
  BlockAction,
  Middleware,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { AccessMessages } from "../access/messages.js";
import { contextFor, type RequestContext } from "../context.js";
import { type Deps, inWorkspace } from "../deps.js";
import { errorRef, UserError } from "../errors.js";
import type { Catalog, Catalogs, CommonMessages, Translator } from "../i18n/index.js";
import { SlackApiError } from "./errors.js";
import { messageModal, restoreForm, savingModal } from "./forms.js";
import { mrkdwnToPlainText } from "./plain-text.js";
import { translatorFor, translatorIn } from "./translate.js";
import type { UserDirectory } from "./users.js";

/** A private (default) or public answer to a slash command or an action. */
export interface Reply {
  text: string;
  blocks?: KnownBlock[];
  inChannel?: boolean;
  /** From a button: this answer takes the place of the message the button was on (stale buttons go). */
  replaceOriginal?: boolean;
}

/** What a modal submission answers: field errors, a new view, or nothing (close). */
export type ViewAnswer =
  | { errors: Record<string, string> }
  | { update: ModalView }
  | { push: ModalView }
  | { clear: true }
  | undefined;

/** Every feature's catalog has the common messages and access's refusals, which the wrappers render. */
export type ListenerMessages = Catalog & CommonMessages & AccessMessages;

/** Renders any failure for a person: their own mistake in words, ours as an apology with a reference. */
function describeFailure(
  deps: Pick<Deps, "log">,
  t: Translator<ListenerMessages>,
  error: unknown,
  where: string,
): string {
  if (error instanceof UserError) return t.raw(error.key, error.params);
  if (error instanceof SlackApiError && error.transient) {
    deps.log.warn(`${where}: Slack unavailable`, error);
    return t.t("common.error.slackUnavailable");
  }
  const ref = errorRef();
  deps.log.error(`${where} failed [ref ${ref}]`, error);
  return t.t("common.error.unexpected", { ref });
}

function toResponse(reply: Reply): RespondArguments {
  return {
    response_type: reply.inChannel ? "in_channel" : "ephemeral",
    text: reply.text,
    ...(reply.blocks ? { blocks: reply.blocks } : {}),
  };
}

/** Resolves after `ms`, or never when `ms` is not finite; the timer does not hold the process open. */
function after(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

export interface CommandRequest<C extends ListenerMessages> {
  ctx: RequestContext;
  text: string;
  triggerId: string;
  t: Translator<C>;
  /** Acknowledge at once without an answer (before opening a modal); a reply returned later goes by response_url. */
  ackEmpty(): Promise<void>;
}

/**
 * Wraps a slash command handler: the answer goes in the ack itself when it is ready in time (one round
 * trip, no extra API call), otherwise by response_url; failures become a polite private message.
 */
export function commandListener<C extends ListenerMessages>(
  deps: Deps,
  messages: Catalogs<C>,
  handler: (request: CommandRequest<C>) => Promise<Reply | undefined>,
): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond, context }) => {
    let acked = false;
    const ackOnce = async (reply?: Reply): Promise<boolean> => {
      if (acked) return false;
      acked = true;
      await ack(reply ? toResponse(reply) : undefined);
      return true;
    };
    let t: Translator<C> | undefined;
    // Slack gives up after 3 s: past the deadline, say we are on it; the answer follows by response_url.
    const deadline = setTimeout(() => {
      const speaker: Translator<ListenerMessages> = t ?? translatorIn(messages, "en");
      void ackOnce({ text: speaker.t("common.error.stillWorking") }).catch(() => {});
    }, deps.ackDeadlineMs);
    const ctx = contextFor(deps, {
      workspaceId: context.teamId ?? command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      requestId: command.trigger_id,
    });
    t = await translatorFor(inWorkspace(deps, ctx.workspaceId), messages, command.user_id);
    let reply: Reply | undefined;
    try {
      reply = await handler({
        ctx,
        text: command.text ?? "",
        triggerId: command.trigger_id,
        t,
        ackEmpty: async () => {
          await ackOnce();
        },
      });
    } catch (error) {
      reply = { text: describeFailure(deps, t, error, `command ${command.command}`) };
    } finally {
      clearTimeout(deadline);
    }
    if (!reply) {
      await ackOnce();
      return;
    }
    if (!(await ackOnce(reply))) await respond(toResponse(reply));
  };
}

export interface ActionRequest<C extends ListenerMessages> {
  ctx: RequestContext;
  triggerId: string;
  actionId: string;
  value: string | undefined;
  body: BlockAction;
  t: Translator<C>;
}

/**
 * Wraps a button or menu handler: acks at once, then runs it as tracked work (so shutdown waits for it);
 * a returned reply (or a failure) reaches the person privately where they clicked, in place of the
 * message clicked when the reply says so.
 */
export function actionListener<C extends ListenerMessages>(
  deps: Deps,
  messages: Catalogs<C>,
  handler: (request: ActionRequest<C>) => Promise<Reply | undefined>,
): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ body, action, ack, respond, context }) => {
    await ack();
    deps.tasks.run(`action ${action.action_id}`, () => act());
    async function act(): Promise<void> {
      const ctx = contextFor(deps, {
        workspaceId: context.teamId ?? body.team?.id ?? body.user.team_id ?? "",
        userId: body.user.id,
        channelId: body.channel?.id ?? null,
        requestId: body.trigger_id,
      });
      const t = await translatorFor(inWorkspace(deps, ctx.workspaceId), messages, body.user.id);
      let reply: Reply | undefined;
      // A view opened or pushed to answer is titled as what it says: a failure, or what was done.
      const speaker: Translator<ListenerMessages> = t;
      let title = speaker.t("common.done.title");
      try {
        reply = await handler({
          ctx,
          triggerId: body.trigger_id,
          actionId: action.action_id,
          value: "value" in action ? (action.value ?? undefined) : undefined,
          body,
          t,
        });
      } catch (error) {
        reply = { text: describeFailure(deps, t, error, `action ${action.action_id}`) };
        title = speaker.t("common.error.title");
      }
      if (!reply) return;
      if (body.response_url) {
        await respond({ ...toResponse(reply), replace_original: Boolean(reply.replaceOriginal) });
      } else if (body.view?.type === "home") {
        // A button on the Home tab: no modal to push onto, so the answer opens one.
        await ctx.slack.openView(body.trigger_id, messageModal(t, reply.text, title));
      } else if (body.view) {
        await ctx.slack.pushView(body.trigger_id, messageModal(t, reply.text, title));
      } else if (body.channel?.id) {
        await ctx.slack.postEphemeral({ channel: body.channel.id, user: body.user.id, text: reply.text });
      }
    }
  };
}

export interface ViewRequest<C extends ListenerMessages> {
  ctx: RequestContext;
  view: ViewSubmitAction["view"];
  t: Translator<C>;
}

/**
 * Wraps a modal submission: the handler's answer goes in the ack (errors on fields, update, push, clear).
 * A UserError about a field lands on that field; any other failure opens a small message view on top.
 * A save that waits on a slow Slack past the deadline gets a "saving…" view at once, then the real answer
 * by views.update: the saved view, or the form again with its problems.
 */
export function viewListener<C extends ListenerMessages>(
  deps: Deps,
  messages: Catalogs<C>,
  handler: (request: ViewRequest<C>) => Promise<ViewAnswer>,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ body, view, ack, context }) => {
    let t: Translator<C> | undefined;
    const ctx = contextFor(deps, {
      workspaceId: context.teamId ?? body.team?.id ?? body.user.team_id ?? "",
      userId: body.user.id,
      channelId: null,
      requestId: body.trigger_id,
    });
    const work = (async (): Promise<{ answer: ViewAnswer; t: Translator<C> }> => {
      t = await translatorFor(inWorkspace(deps, ctx.workspaceId), messages, body.user.id);
      const speaker = t;
      try {
        const answer = await handler({ ctx, view, t: speaker });
        if (answer && "errors" in answer)
          return { answer: { errors: await plainErrors(ctx.users, answer.errors) }, t: speaker };
        return { answer, t: speaker };
      } catch (error) {
        const text = describeFailure(deps, speaker, error, `view ${view.callback_id}`);
        const answer: ViewAnswer =
          error instanceof UserError && error.field
            ? { errors: await plainErrors(ctx.users, { [error.field]: text }) }
            : { push: messageModal(speaker, text) };
        return { answer, t: speaker };
      }
    })();
    const first = await Promise.race([work, after(deps.ackDeadlineMs).then(() => null)]);
    if (first) {
      await ackWith(ack, first.answer);
      return;
    }
    await ack({ response_action: "update", view: savingModal(t ?? translatorIn(messages, "en")) });
    deps.tasks.run(`view ${view.callback_id} after saving`, async () => {
      const { answer, t: speaker } = await work;
      await ctx.slack.updateView(view.id, lateView(speaker, view, answer));
    });
  };
}

async function ackWith(
  ack: SlackViewMiddlewareArgs<ViewSubmitAction>["ack"],
  answer: ViewAnswer,
): Promise<void> {
  if (!answer) await ack();
  else if ("errors" in answer) await ack({ response_action: "errors", errors: answer.errors });
  else if ("update" in answer) await ack({ response_action: "update", view: answer.update });
  else if ("push" in answer) await ack({ response_action: "push", view: answer.push });
  else await ack({ response_action: "clear" });
}

/** The view that replaces "saving…" once a late answer is ready. */
function lateView(
  t: Translator<ListenerMessages>,
  view: ViewSubmitAction["view"],
  answer: ViewAnswer,
): ModalView {
  if (!answer || "clear" in answer)
    return messageModal(t, t.t("common.saved.text"), t.t("common.saved.title"));
  if ("errors" in answer) return restoreForm(t, view, answer.errors);
  return "update" in answer ? answer.update : answer.push;
}

/** Modal field errors are shown as plain text: mentions become names, formatting marks go. */
async function plainErrors(
  users: UserDirectory,
  errors: Record<string, string>,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(errors).map(
      async ([field, text]) => [field, await mrkdwnToPlainText(text, users)] as const,
    ),
  );
  return Object.fromEntries(entries);
}
