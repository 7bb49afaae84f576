import { eq } from "drizzle-orm";
import { approvalRequests } from "../../src/features/approvals/schema.js";
import type { Harness } from "./harness.js";
import { dmWith, openedBy } from "./sales-floor.js";

/** The leave form as a person fills it in: the type (vacation unless said), the days, half days, a note. */
export interface LeaveForm {
  type?: string;
  start: string;
  end: string;
  half?: string[];
  note?: string;
}

/** What Slack sends of the leave form when a person submits it so. */
export function leaveValues(form: LeaveForm): Record<string, Record<string, unknown>> {
  return {
    type: { value: form.type ?? "vacation" },
    start: { value: form.start },
    end: { value: form.end },
    halfDay: { value: form.half ?? [] },
    note: { value: form.note ?? "" },
  };
}

/** `/leave` as a person, in a channel, once the form it opens is shown to them. */
export function openLeaveForm(h: Harness, userId: string, channelId: string) {
  return openedBy(h, userId, () => h.slack.slashCommand({ userId, channelId, command: "/leave", text: "" }));
}

/**
 * Files leave through the form, as a person would, and waits for the DMs it causes: the id of the request
 * filed, or the errors the form showed (and the form closed again).
 */
export async function fileLeave(
  h: Harness,
  userId: string,
  channelId: string,
  form: LeaveForm,
): Promise<{ id: number; errors?: Record<string, string> }> {
  await openLeaveForm(h, userId, channelId);
  const result = await h.slack.submitView({ userId, values: leaveValues(form) });
  await h.settle();
  if (result.responseAction === "errors") {
    await h.slack.closeView({ userId });
    return { id: 0, errors: result.errors };
  }
  const rows = await h.database.db
    .select()
    .from(approvalRequests)
    .where(eq(approvalRequests.requesterId, userId));
  return { id: rows.at(-1)?.id ?? 0 };
}

/** A person's DM with the app: its channel and its messages, oldest first. */
export function dmOf(h: Harness, userId: string) {
  const channel = h.fake.world.dmChannelOf(userId);
  return { channel, messages: channel ? h.fake.world.messagesIn(channel) : [] };
}

/**
 * A rep's leave filed with the form and approved by their supervisor from the request's DM (found by a
 * piece of its text, such as the first day), as people do it. Returns the request's id.
 */
export async function approvedLeave(
  h: Harness,
  rep: string,
  supervisor: string,
  channelId: string,
  form: LeaveForm,
  needle: string,
): Promise<number> {
  const { id } = await fileLeave(h, rep, channelId, form);
  if (id <= 0) throw new Error("approvedLeave: the leave was not filed");
  const request = dmWith(h, supervisor, needle);
  await h.slack.clickButton({
    userId: supervisor,
    actionId: "approvals.approve",
    messageTs: request.ts,
    channelId: request.channel,
  });
  await h.settle();
  return id;
}
