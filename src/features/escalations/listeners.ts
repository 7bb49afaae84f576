import type { MessageShortcut, ViewSubmitAction } from "@slack/bolt";
import { z } from "zod";
import { contextFor, type RequestContext } from "../../platform/context.js";
import { type Deps, inWorkspace } from "../../platform/deps.js";
import { errorRef, problemsOf, UserError } from "../../platform/errors.js";
import {
  actionListener,
  messageModal,
  mrkdwnToPlainText,
  type Router,
  readMetadata,
  textValue,
  translatorFor,
  viewListener,
} from "../../platform/slack/index.js";
import { registerFollowUp } from "./follow-up.js";
import { registerEscalationJobs } from "./jobs.js";
import { type EscalationMessages, escalationMessages } from "./messages.js";
import { excerptOf } from "./rules.js";
import { ESCALATION_CATEGORIES, ESCALATION_URGENCIES } from "./schema.js";
import {
  acknowledge,
  ESCALATION_FIELD,
  type EscalationInput,
  ensureMayEscalate,
  raise,
  resolvable,
  resolve,
  type SourceMessage,
} from "./service.js";
import {
  ESCALATION_IDS,
  escalateModal,
  RESOLVE_FIELD,
  resolvedModal,
  resolveModal,
  sentModal,
} from "./views.js";

const { error, fieldError } = problemsOf<EscalationMessages>();
const escalationIdValue = z.coerce.number().int().positive();

const sourceSchema = z.object({
  channel: z.string().min(1),
  ts: z.string().min(1),
  permalink: z.string().url().nullable(),
  excerpt: z.string().nullable(),
});
const metadataSchema = z.object({ message: sourceSchema.optional() });

const selected = z.object({ value: z.string() }).nullish();
const formState = z.object({
  [ESCALATION_FIELD.rep]: z.object({ value: z.object({ selected_user: z.string().nullish() }) }),
  [ESCALATION_FIELD.category]: z.object({ value: z.object({ selected_option: selected }) }),
  [ESCALATION_FIELD.urgency]: z.object({ value: z.object({ selected_option: selected }) }),
});

export function register(router: Router, deps: Deps): void {
  registerEscalationJobs(deps);
  registerFollowUp(deps);

  // "Escalate to supervisor": the form, empty, from anywhere in Slack.
  router.globalShortcut(ESCALATION_IDS.shortcut, async ({ shortcut, ack, context }) => {
    await openForm(deps, ack, {
      workspaceId: context.teamId ?? shortcut.team?.id ?? "",
      userId: shortcut.user.id,
      triggerId: shortcut.trigger_id,
      prepare: async () => ({}),
    });
  });

  // "Escalate this message": the form with the message's author as the rep and the message linked.
  router.messageShortcut(ESCALATION_IDS.messageShortcut, async ({ shortcut, ack, context }) => {
    if (shortcut.type !== "message_action") return ack();
    await openForm(deps, ack, {
      workspaceId: context.teamId ?? shortcut.team?.id ?? "",
      userId: shortcut.user.id,
      triggerId: shortcut.trigger_id,
      prepare: (ctx) => fromMessage(ctx, shortcut),
    });
  });

  router.view(
    ESCALATION_IDS.submitView,
    viewListener(deps, escalationMessages, async ({ ctx, view, t }) => {
      const raised = await raise(ctx, readForm(view));
      return { update: sentModal(t, raised) };
    }),
  );

  router.action(
    ESCALATION_IDS.acknowledge,
    actionListener(deps, escalationMessages, async ({ ctx, value, t }) => {
      const id = escalationIdValue.safeParse(value);
      if (!id.success) throw error("escalations.gone");
      const escalation = await acknowledge(ctx, id.data);
      return { text: t.t("escalations.done.acknowledged", { by: escalation.raisedBy }) };
    }),
  );

  router.action(
    ESCALATION_IDS.resolve,
    actionListener(deps, escalationMessages, async ({ ctx, value, triggerId, t }) => {
      const id = escalationIdValue.safeParse(value);
      if (!id.success) throw error("escalations.gone");
      const escalation = await resolvable(ctx, id.data);
      await ctx.slack.openView(triggerId, resolveModal(t, escalation));
      return undefined;
    }),
  );

  router.view(
    ESCALATION_IDS.resolveView,
    viewListener(deps, escalationMessages, async ({ ctx, view, t }) => {
      const { id } = readMetadata(view, z.object({ id: z.number().int().positive() }));
      const note = textValue(view, RESOLVE_FIELD.note);
      if (!note) throw fieldError(RESOLVE_FIELD.note, "escalations.resolve.noteMissing");
      await resolve(ctx, id, note);
      return { update: resolvedModal(t) };
    }),
  );
}

/**
 * Acks the shortcut, then opens the form for an executive or admin; anyone else (and any failure) gets a
 * message modal in its place, saying who may escalate.
 */
async function openForm(
  deps: Deps,
  ack: () => Promise<void>,
  request: {
    workspaceId: string;
    userId: string;
    triggerId: string;
    prepare: (ctx: RequestContext) => Promise<{ repId?: string; message?: SourceMessage }>;
  },
): Promise<void> {
  await ack();
  const ctx = contextFor(deps, {
    workspaceId: request.workspaceId,
    userId: request.userId,
    requestId: request.triggerId,
  });
  const t = await translatorFor(inWorkspace(deps, ctx.workspaceId), escalationMessages, ctx.userId);
  try {
    await ensureMayEscalate(ctx);
    const from = await request.prepare(ctx);
    await ctx.slack.openView(request.triggerId, escalateModal(t, from));
  } catch (failure) {
    let text: string;
    if (failure instanceof UserError) text = t.raw(failure.key, failure.params);
    else {
      const ref = errorRef();
      deps.log.error(`escalation shortcut failed [ref ${ref}]`, failure);
      text = t.t("common.error.unexpected", { ref });
    }
    await ctx.slack.openView(request.triggerId, messageModal(t, text));
  }
}

/** The message a shortcut was used on: its author, channel, link and a plain excerpt (no link when gone). */
async function fromMessage(
  ctx: RequestContext,
  shortcut: MessageShortcut,
): Promise<{ repId?: string; message: SourceMessage }> {
  const channel = shortcut.channel.id;
  const ts = shortcut.message_ts;
  const permalink = await ctx.slack.permalink(channel, ts);
  const author = typeof shortcut.message.user === "string" ? shortcut.message.user : undefined;
  const excerpt =
    permalink && shortcut.message.text
      ? excerptOf(await mrkdwnToPlainText(shortcut.message.text, ctx.users))
      : null;
  return {
    ...(author ? { repId: author } : {}),
    message: { channel, ts, permalink, excerpt: excerpt || null },
  };
}

function readForm(view: ViewSubmitAction["view"]): EscalationInput {
  const state = formState.safeParse(view.state.values);
  if (!state.success) throw error("common.error.expiredForm");
  const { message } = readMetadata(view, metadataSchema);
  const s = state.data;
  const category = s[ESCALATION_FIELD.category].value.selected_option?.value ?? "";
  const urgency = s[ESCALATION_FIELD.urgency].value.selected_option?.value ?? "normal";
  return {
    repId: s[ESCALATION_FIELD.rep].value.selected_user ?? null,
    category: (ESCALATION_CATEGORIES as readonly string[]).includes(category)
      ? (category as EscalationInput["category"])
      : "other",
    urgency: (ESCALATION_URGENCIES as readonly string[]).includes(urgency)
      ? (urgency as EscalationInput["urgency"])
      : "normal",
    details: textValue(view, ESCALATION_FIELD.details),
    message: message ?? null,
  };
}
