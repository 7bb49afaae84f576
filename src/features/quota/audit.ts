import { recordAudit } from "../../platform/audit/index.js";
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";

declare module "../../platform/audit/audit.js" {
  interface AuditActions {
    "quota.checkin.undo": true;
    "quota.checkin.remove": true;
    "quota.checkin.correct": true;
    "quota.target.set": true;
    "quota.settings.update": true;
  }
}

declare module "../../platform/jobs/jobs.js" {
  interface JobTypes {
    /**
     * Tells a team's channel of the check-ins it has yet to hear of, in one post at Slack's pace (one
     * waiting per team: sending more while one waits adds nothing, the waiting one posts them all).
     */
    "quota.channel.flush": { workspaceId: string; teamId: number };
    "quota.channel.sweep": { slot: string };
    /** Makes a channel message about check-ins say what they are now (taken back, removed, corrected). */
    "quota.post.sync": { workspaceId: string; channelId: string; ts: string };
    /** Tells a rep by DM that the team could not be told of their sale: the channel refused the post. */
    "quota.post.failed": {
      workspaceId: string;
      checkinId: number;
      channelId: string;
      reason: "notInChannel" | "channelGone";
    };
    /** Tells a rep by DM that a supervisor set or cleared their target. */
    "quota.target.notice": {
      workspaceId: string;
      teamId: number;
      repId: string;
      by: string;
      periodKey: string;
      amountMinor: number;
    };
    /** Tells a rep by DM that a supervisor corrected or removed their check-in. */
    "quota.entry.notice": {
      workspaceId: string;
      checkinId: number;
      by: string;
      change: "removed" | "corrected";
      beforeMinor: number;
    };
  }
}

/** Audits a change to one check-in by the person asking, inside the transaction that makes it. */
export function auditCheckin(
  tx: Db,
  ctx: RequestContext,
  action: "quota.checkin.undo" | "quota.checkin.remove" | "quota.checkin.correct",
  checkinId: number,
  change: { before: unknown; after: unknown; at: Date },
): Promise<void> {
  return recordAudit(tx, {
    workspaceId: ctx.workspaceId,
    actorId: ctx.userId,
    action,
    subject: { type: "checkin", id: checkinId },
    ...change,
  });
}
