import { describe, expect, it } from "vitest";
import { World } from "../../src/sandbox/fake-slack/index.js";

function populated(): { world: World; ids: Record<string, string> } {
  const world = new World();
  const anna = world.addUser({ name: "anna", tz: "Europe/Stockholm", locale: "sv-SE" }).id;
  const bo = world.addUser({ name: "bo" }).id;
  const sales = world.addChannel({ name: "sales", members: [anna, bo] }).id;
  const [dm] = world.openDm(anna);
  const parent = world.postMessage({ channel: sales, text: "parent", source: "chat.postMessage" });
  world.postUserMessage(bo, sales, "reply", parent.ts);
  world.updateMessage(sales, parent.ts, { text: "parent, edited" });
  world.postMessage({ channel: dm, text: "hello anna", source: "chat.postMessage" });
  world.postEphemeral({ channel: sales, user: anna, text: "just for anna", source: "ack" });
  const gone = world.postEphemeral({ channel: sales, user: bo, text: "dismissed", source: "ack" });
  world.deleteEphemeral(bo, gone.ts);
  world.publishHome(anna, {
    type: "home",
    blocks: [{ type: "section", text: { type: "mrkdwn", text: "hi" } }],
  });
  world.openModal(bo, { type: "modal", title: { type: "plain_text", text: "Open" }, blocks: [] });
  world.showNotice({ user: bo, channel: sales, text: "oops", error: "dispatch_failed" });
  world.addUsergroup({ handle: "sellers", users: [anna, bo] });
  const upload = world.startUpload({ filename: "report.csv", length: 3 });
  world.receiveUpload(upload.uploadId, new Uint8Array([97, 44, 98]));
  world.completeUpload(upload.fileId, { user: anna });
  return { world, ids: { anna, bo, sales, dm } };
}

describe("World snapshots", () => {
  it("bring back what people see after a restart: people, channels, threads, ephemerals, Home tabs, files", () => {
    const { world, ids } = populated();
    const snapshot = JSON.parse(JSON.stringify(world.snapshot()));
    const restored = new World();
    restored.restore(snapshot);

    expect(restored.allUsers()).toEqual(world.allUsers());
    expect(restored.allChannels()).toEqual(world.allChannels());
    expect(restored.messagesIn(ids.sales as string)).toEqual(world.messagesIn(ids.sales as string));
    expect(restored.messagesIn(ids.sales as string)[0]).toMatchObject({
      text: "parent, edited",
      reply_count: 1,
    });
    expect(restored.dmChannelOf(ids.anna as string)).toBe(ids.dm);
    expect(restored.ephemeralsFor(ids.anna as string).map((e) => e.text)).toEqual(["just for anna"]);
    expect(restored.ephemeralsFor(ids.bo as string)).toEqual([]);
    expect(restored.homeOf(ids.anna as string)).toEqual(world.homeOf(ids.anna as string));
    expect(restored.usergroupByHandle("sellers")?.users).toEqual([ids.anna, ids.bo]);
    expect(Array.from(restored.allFiles()[0]?.bytes ?? [])).toEqual([97, 44, 98]);
  });

  it("forget what Slack forgets: open modals and notices", () => {
    const { world, ids } = populated();
    const restored = new World();
    restored.restore(world.snapshot());
    expect(restored.openViewsOf(ids.bo as string)).toEqual([]);
    expect(restored.noticesFor(ids.bo as string)).toEqual([]);
  });

  it("go on counting where they left off, so new ids and timestamps never collide", () => {
    const { world } = populated();
    const restored = new World();
    restored.restore(world.snapshot());
    const nextHere = world.addUser({ name: "cilla" }).id;
    const nextThere = restored.addUser({ name: "cilla" }).id;
    expect(nextThere).toBe(nextHere);
    const [dmHere] = world.openDm(nextHere);
    const [dmThere] = restored.openDm(nextThere);
    expect(dmThere).toBe(dmHere);
    const lastTs = world.messagesIn(world.channelByName("sales")?.id ?? "").at(-1)?.ts ?? "0";
    const next = restored.postMessage({ channel: dmThere, text: "later", source: "chat.postMessage" });
    expect(Number(next.ts)).toBeGreaterThan(Number(lastTs));
  });

  it("belong to one workspace", () => {
    const { world } = populated();
    const other = new World({ workspace: { teamId: "T0OTHER" } });
    expect(() => other.restore(world.snapshot())).toThrow(/workspace T0SANDBOX, not T0OTHER/);
  });
});
