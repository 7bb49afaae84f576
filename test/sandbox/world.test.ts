import { describe, expect, it } from "vitest";
import { tzOffsetSeconds, World, type WorldEvent } from "../../src/sandbox/fake-slack/index.js";

describe("World", () => {
  it("hands out deterministic ids from counters", () => {
    const make = () => {
      const w = new World();
      const anna = w.addUser({ name: "anna" });
      const bo = w.addUser({ name: "bo" });
      const sales = w.addChannel({ name: "sales", members: [anna.id, bo.id] });
      const [dm] = w.openDm(anna.id);
      return [anna.id, bo.id, sales.id, dm];
    };
    expect(make()).toEqual(["U00000001", "U00000002", "C00000001", "D00000001"]);
    expect(make()).toEqual(make());
  });

  it("knows the workspace, its bot user and the defaults", () => {
    const w = new World();
    expect(w.workspace).toMatchObject({ teamId: "T0SANDBOX", botUserId: "U0BOT0001", appId: "A0SANDBOX" });
    expect(w.workspace.botId).toMatch(/^B/);
    expect(w.user("U0BOT0001")?.isBot).toBe(true);
  });

  it("makes monotonic, unique message timestamps within one second", () => {
    let clock = 1_700_000_000_500;
    const w = new World({ now: () => clock });
    const ch = w.addChannel({ name: "general" });
    const a = w.postMessage({ channel: ch.id, text: "a", source: "chat.postMessage" });
    const b = w.postMessage({ channel: ch.id, text: "b", source: "chat.postMessage" });
    clock -= 2000; // a clock going backwards must not break ordering
    const c = w.postMessage({ channel: ch.id, text: "c", source: "chat.postMessage" });
    expect([a.ts, b.ts, c.ts]).toEqual(["1700000000.000100", "1700000000.000200", "1700000000.000300"]);
    expect(w.messagesIn(ch.id).map((m) => m.text)).toEqual(["a", "b", "c"]);
  });

  it("computes tz offsets through Intl (summer and winter time)", () => {
    const summer = Date.UTC(2024, 6, 1, 12);
    const winter = Date.UTC(2024, 0, 15, 12);
    expect(tzOffsetSeconds("Europe/Stockholm", summer)).toBe(7200);
    expect(tzOffsetSeconds("Europe/Stockholm", winter)).toBe(3600);
    expect(tzOffsetSeconds("America/New_York", winter)).toBe(-18000);
    expect(tzOffsetSeconds("Asia/Kolkata", winter)).toBe(19800);
    const w = new World({ now: () => summer });
    const u = w.addUser({ name: "sven", tz: "Europe/Stockholm", locale: "sv-SE" });
    expect(w.tzInfo(u)).toEqual({ offset: 7200, label: "Central European Summer Time" });
    expect(() => w.addUser({ name: "bad", tz: "Mars/Olympus" })).toThrow();
  });

  it("announces changes as JSON-serialisable events, and stops after unsubscribe", () => {
    const w = new World();
    const events: WorldEvent[] = [];
    const stop = w.subscribe((e) => events.push(e));
    const u = w.addUser({ name: "anna" });
    const ch = w.addChannel({ name: "sales", members: [u.id] });
    w.postMessage({ channel: ch.id, text: "hi", blocks: [{ type: "divider" }], source: "chat.postMessage" });
    w.postEphemeral({ channel: ch.id, user: u.id, text: "psst", source: "chat.postEphemeral" });
    const view = w.openModal(u.id, { type: "modal", title: { type: "plain_text", text: "T" }, blocks: [] });
    w.closeModal(u.id, view.id);
    w.publishHome(u.id, { type: "home", blocks: [{ type: "divider" }] });
    stop();
    w.deleteUser(u.id);
    expect(events.map((e) => e.type)).toEqual([
      "user_added",
      "channel_added",
      "message_posted",
      "ephemeral_posted",
      "view_opened",
      "view_closed",
      "home_published",
    ]);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it("keeps a modal stack of at most 3 and closes from the top", () => {
    const w = new World();
    const u = w.addUser({ name: "anna" });
    const v = (n: number) => ({ type: "modal", title: { type: "plain_text", text: `V${n}` }, blocks: [] });
    const root = w.openModal(u.id, v(1));
    const second = w.pushModal(u.id, v(2));
    w.pushModal(u.id, v(3));
    expect(() => w.pushModal(u.id, v(4))).toThrow("push_limit_reached");
    expect(second.root_view_id).toBe(root.id);
    expect(second.previous_view_id).toBe(root.id);
    expect(w.closeModal(u.id, second.id)).toHaveLength(2);
    expect(w.openViewsOf(u.id).map((x) => x.id)).toEqual([root.id]);
  });

  it("expires trigger ids after 3 s and accepts each once", () => {
    let clock = 1_000_000;
    const w = new World({ now: () => clock });
    const u = w.addUser({ name: "anna" });
    const t1 = w.issueTrigger(u.id);
    expect(t1).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    expect(w.consumeTrigger(t1).ok).toBe(true);
    expect(w.consumeTrigger(t1)).toEqual({ ok: false, error: "exchanged_trigger_id" });
    const t2 = w.issueTrigger(u.id);
    clock += 3001;
    expect(w.consumeTrigger(t2)).toEqual({ ok: false, error: "expired_trigger_id" });
    expect(w.consumeTrigger("1.2.3")).toEqual({ ok: false, error: "invalid_trigger_id" });
  });

  it("deactivates users and archives channels without forgetting them", () => {
    const w = new World();
    const u = w.addUser({ name: "anna" });
    const ch = w.addChannel({ name: "old" });
    w.deleteUser(u.id);
    w.archiveChannel(ch.id);
    expect(w.user(u.id)?.deleted).toBe(true);
    expect(w.channel(ch.id)?.isArchived).toBe(true);
  });
});
