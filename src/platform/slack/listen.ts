import type {
  AllMiddlewareArgs,
  BlockAction,
  Middleware,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { z } from "zod";
import type { Deps } from "../deps.js";
import {
  type Catalog,
  type Catalogs,
  type CommonMessages,
  createTranslator,
  intlLocaleFor,
  type Language,
  languageOf,
  type Translator,
} from "../i18n/index.js";
import { plain, section } from "./blocks.js";
import { errorRef, type Problem, SlackApiError, UserError } from "./errors.js";
import { mrkdwnToPlainText } from "./plain-text.js";

/** A private (default) or public answer to a slash command or an action. */
export interface Reply {
  text: string;
  blocks?: KnownBlock[];
  inChannel?: boolean;
}

/** What a modal submission answers: field errors, a new view, or nothing (close). */
export type ViewAnswer =
  | { errors: Record<string, string> }
  | { update: ModalView }
  | { push: ModalView }
  | { clear: true }
  | undefined;

type Messages = Catalog & CommonMessages;

/** The translator for a person: their Slack locale, else the fallback (e.g. the team's language). */
export async function translatorFor<C extends Messages>(
  deps: Pick<Deps, "users" | "log">,
  messages: Catalogs<C>,
  userId: string,
  fallback: Language = "en",
): Promise<Translator<C>> {
  let slackLocale: string | null = null;
  try {
    slackLocale = (await deps.users.get(userId))?.locale ?? null;
  } catch (error) {
    deps.log.warn(`could not read the locale of ${userId}; answering in ${fallback}`, error);
  }
  const language = languageOf(slackLocale) ?? fallback;
  return createTranslator(messages, language, intlLocaleFor(language, slackLocale));
}

/** Renders any failure for a person: their own mistake in words, ours as an apology with a reference. */
function describeFailure(
  deps: Pick<Deps, "log">,
  t: Translator<Messages>,
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

export interface CommandRequest<C extends Messages> {
  workspaceId: string;
  userId: string;
  channelId: string;
  text: string;
  triggerId: string;
  t: Translator<C>;
  /** Acknowledge at once without an answer (before opening a modal); a reply returned later goes by response_url. */
  ackEmpty(): Promise<void>;
}

/** Slack wants an ack within 3 s; past this we ack empty and send the answer by response_url. */
const COMMAND_ACK_DEADLINE_MS = 2000;

/**
 * Wraps a slash command handler: the answer goes in the ack itself when it is ready in time (one round
 * trip, no extra API call), otherwise by response_url; failures become a polite private message.
 */
export function commandListener<C extends Messages>(
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
      const speaker = t ?? createTranslator(messages, "en", intlLocaleFor("en"));
      void ackOnce({ text: speaker.raw("common.error.stillWorking") }).catch(() => {});
    }, COMMAND_ACK_DEADLINE_MS);
    t = await translatorFor(deps, messages, command.user_id);
    let reply: Reply | undefined;
    try {
      reply = await handler({
        workspaceId: context.teamId ?? command.team_id,
        userId: command.user_id,
        channelId: command.channel_id,
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

export interface ActionRequest<C extends Messages> {
  workspaceId: string;
  userId: string;
  channelId: string | undefined;
  triggerId: string;
  actionId: string;
  value: string | undefined;
  body: BlockAction;
  t: Translator<C>;
}

/**
 * Wraps a button or menu handler: acks at once, then runs it as tracked work (so shutdown waits for it);
 * a returned reply (or a failure) reaches the person privately where they clicked.
 */
export function actionListener<C extends Messages>(
  deps: Deps,
  messages: Catalogs<C>,
  handler: (request: ActionRequest<C>) => Promise<Reply | undefined>,
): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ body, action, ack, respond, context }) => {
    await ack();
    deps.tasks.run(`action ${action.action_id}`, () => act());
    async function act(): Promise<void> {
      const t = await translatorFor(deps, messages, body.user.id);
      let reply: Reply | undefined;
      try {
        reply = await handler({
          workspaceId: context.teamId ?? body.team?.id ?? body.user.team_id ?? "",
          userId: body.user.id,
          channelId: body.channel?.id,
          triggerId: body.trigger_id,
          actionId: action.action_id,
          value: "value" in action ? (action.value ?? undefined) : undefined,
          body,
          t,
        });
      } catch (error) {
        reply = { text: describeFailure(deps, t, error, `action ${action.action_id}`) };
      }
      if (!reply) return;
      if (body.response_url) {
        await respond({ ...toResponse(reply), replace_original: false });
      } else if (body.view) {
        await deps.slack.pushView(body.trigger_id, messageModal(t, reply.text));
      } else if (body.channel?.id) {
        await deps.slack.postEphemeral({ channel: body.channel.id, user: body.user.id, text: reply.text });
      }
    }
  };
}

export interface ViewRequest<C extends Messages> {
  workspaceId: string;
  userId: string;
  view: ViewSubmitAction["view"];
  t: Translator<C>;
}

/**
 * Wraps a modal submission: the handler's answer goes in the ack (errors on fields, update, push, clear).
 * A UserError about a field lands on that field; any other failure opens a small message view on top.
 */
export function viewListener<C extends Messages>(
  deps: Deps,
  messages: Catalogs<C>,
  handler: (request: ViewRequest<C>) => Promise<ViewAnswer>,
): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ body, view, ack, context }) => {
    const t = await translatorFor(deps, messages, body.user.id);
    let answer: ViewAnswer;
    try {
      answer = await handler({
        workspaceId: context.teamId ?? body.team?.id ?? body.user.team_id ?? "",
        userId: body.user.id,
        view,
        t,
      });
    } catch (error) {
      const text = describeFailure(deps, t, error, `view ${view.callback_id}`);
      answer =
        error instanceof UserError && error.field
          ? { errors: { [error.field]: text } }
          : { push: messageModal(t, text) };
    }
    if (!answer) await ack();
    else if ("errors" in answer)
      await ack({ response_action: "errors", errors: await plainErrors(deps, answer.errors) });
    else if ("update" in answer) await ack({ response_action: "update", view: answer.update });
    else if ("push" in answer) await ack({ response_action: "push", view: answer.push });
    else await ack({ response_action: "clear" });
  };
}

/** Field problems (from rules) in the person's words, keyed by block id, for `{ errors }`. */
export function fieldErrors(
  t: Translator<Messages>,
  problems: Record<string, Problem>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, t.raw(p.key, p.params)]));
}

/**
 * Reads a modal's private_metadata with its schema. Anything else (an old form after a deploy, a
 * tampered payload) is answered as an out-of-date form.
 */
export function readMetadata<S extends z.ZodType>(view: { private_metadata: string }, schema: S): z.infer<S> {
  let json: unknown = null;
  try {
    json = JSON.parse(view.private_metadata);
  } catch {
    // falls through to the schema, which refuses null
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new UserError("common.error.expiredForm");
  return parsed.data;
}

/** Modal field errors are shown as plain text: mentions become names, formatting marks go. */
async function plainErrors(
  deps: Pick<Deps, "users">,
  errors: Record<string, string>,
): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(errors).map(
      async ([field, text]) => [field, await mrkdwnToPlainText(text, deps.users)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** A one-message modal for refusals and failures that belong to no field. */
export function messageModal(t: Translator<Messages>, text: string): ModalView {
  return {
    type: "modal",
    title: plain(t.t("common.error.title"), 24),
    close: plain(t.t("common.button.close"), 24),
    blocks: [section(text)],
  };
}

export type { AllMiddlewareArgs };
