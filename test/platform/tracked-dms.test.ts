import { describe, expect, it } from "vitest";
import type { SlackGateway } from "../../src/platform/slack/gateway.js";
import { showDms, type TrackedDm } from "../../src/platform/slack/index.js";

/** A gateway that only records posts and updates, as the DMs of one thing need. */
function recordingSlack() {
  const calls: string[] = [];
  let next = 1;
  const slack = {
    postMessage: async ({ channel, text }: { channel: string; text: string }) => {
      calls.push(`post ${channel}: ${text}`);
      return { channel: `D-${channel}`, ts: String(next++) };
    },
    updateMessage: async ({ channel, ts, text }: { channel: string; ts: string; text: string }) => {
      calls.push(`update ${channel}/${ts}: ${text}`);
    },
  } as unknown as SlackGateway;
  return { slack, calls };
}

describe("showing the DMs of one thing", () => {
  it("updates what was posted, posts what is owed once, and remembers it at once", async () => {
    const { slack, calls } = recordingSlack();
    const remembered: TrackedDm[] = [];
    const sent: TrackedDm[] = [{ userId: "sara", key: "handler", channelId: "D-sara", ts: "10" }];
    await showDms(slack, {
      sent,
      owed: [
        { userId: "sara", key: "handler" },
        { userId: "olle", key: "handler" },
        { userId: "erik", key: "raiser" },
      ],
      render: async (userId, key) => ({ text: `${key} for ${userId}` }),
      remember: async (dm) => {
        remembered.push(dm);
      },
    });
    expect(calls).toEqual([
      "update D-sara/10: handler for sara",
      "post olle: handler for olle",
      "post erik: raiser for erik",
    ]);
    expect(remembered).toEqual([
      { userId: "olle", key: "handler", channelId: "D-olle", ts: "1" },
      { userId: "erik", key: "raiser", channelId: "D-erik", ts: "2" },
    ]);
  });

  it("leaves alone what does not follow changes, and shows nothing that renders as nothing", async () => {
    const { slack, calls } = recordingSlack();
    await showDms(slack, {
      sent: [
        { userId: "alice", key: "progress:1", channelId: "D-alice", ts: "5" },
        { userId: "alice", key: "plan", channelId: "D-alice", ts: "4" },
      ],
      owed: [
        { userId: "alice", key: "progress:1" },
        { userId: "sara", key: "due:9" },
      ],
      render: async (userId, key) => (key === "due:9" ? null : { text: `${key} for ${userId}` }),
      remember: async () => {},
      follows: (key) => key === "plan",
    });
    expect(calls).toEqual(["update D-alice/4: plan for alice"]);
  });
});
