// The sandbox page: a Slack-like client for the simulated workspace. Everything a person does goes to the
// sandbox server as a small JSON action; the server turns it into the real Slack request to the app, and
// the workspace's changes come back as server-sent events.
import { renderBlocks } from "./blocks.js";
import { emojiPicture } from "./emoji.js";
import { personName, renderMrkdwn, renderPlain } from "./mrkdwn.js";
import { avatar, closePopover, confirmDialog, h, menu, toast } from "./widgets.js";

const state = {
  as: new URLSearchParams(location.search).get("as") || localStorage.getItem("sandbox.as") || "",
  data: null,
  people: new Map(),
  channels: new Map(),
  view: null,
  thread: null,
  seen: {},
  modal: { id: null, hash: null, fields: new Map(), errors: {}, banner: null },
  events: null,
  loading: null,
  queued: [],
  /** The person's own doings in flight (commands, clicks, submits), and until when their answers count as theirs. */
  acting: { pending: 0, until: 0 },
  /** The sandbox clock: how far it is from this browser's clock (ms), and how far ahead of real time. */
  clock: { skew: 0, offsetMs: 0 },
  /** The scheduled posts panel: open or not, what it shows, and whether a click of it is in flight. */
  scheduled: { open: false, data: null, busy: false },
};

const $ = (selector) => document.querySelector(selector);

// ------------------------------------------------------------------ words and formats

function t(key, params = {}) {
  const template = state.data?.strings?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Now on the sandbox clock, which a newcomer may have moved ahead of real time. */
function sandboxNow() {
  return new Date(Date.now() + state.clock.skew);
}

function setClock(clock) {
  if (!clock) return;
  state.clock = { skew: Date.parse(clock.now) - Date.now(), offsetMs: clock.offsetMs };
}

function me() {
  return state.people.get(state.data?.me);
}

function fmtCtx() {
  return {
    people: state.people,
    channels: state.channels,
    me: state.data?.me,
    tz: me()?.tz,
    locale: me()?.locale,
  };
}

const fmt = {
  mrkdwn: (text) => renderMrkdwn(text, fmtCtx()),
  plain: (text, emoji) => renderPlain(text, emoji),
};

function timeOf(ts) {
  const at = new Date(Number(ts) * 1000);
  return new Intl.DateTimeFormat(me()?.locale ?? "en-US", {
    hour: "numeric",
    minute: "2-digit",
    timeZone: me()?.tz,
  }).format(at);
}

function dayOf(ts) {
  const zone = me()?.tz;
  const key = (d) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(d);
  const at = new Date(Number(ts) * 1000);
  const today = sandboxNow();
  const yesterday = new Date(today.getTime() - 86_400_000);
  if (key(at) === key(today)) return { key: key(at), label: t("ui.today") };
  if (key(at) === key(yesterday)) return { key: key(at), label: t("ui.yesterday") };
  const label = new Intl.DateTimeFormat(me()?.locale ?? "en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: zone,
  }).format(at);
  return { key: key(at), label };
}

function nameOf(userId) {
  if (userId === state.data?.app.botUserId) return state.data.app.name;
  return personName(state.people.get(userId));
}

// ------------------------------------------------------------------ talking to the sandbox

/** What a person does that the app may answer: the app's messages that arrive meanwhile are theirs to see. */
const CAUSES = new Set(["command", "message", "action", "submit", "shortcut", "close", "run", "clock"]);
/** How long after an action its answers may still come (a response_url, a post after the ack). */
const ANSWER_WINDOW_MS = 3000;

function acting() {
  return state.acting.pending > 0 || Date.now() < state.acting.until;
}

/**
 * Sends one of the page's actions. A sandbox that cannot be reached answers `{ ok: false, error:
 * "unreachable" }`; failures are shown as a toast unless `quiet` (the caller shows them where they belong).
 */
async function post(action, body, { quiet = false } = {}) {
  const causes = CAUSES.has(action);
  if (causes) state.acting.pending += 1;
  try {
    let response;
    try {
      response = await fetch(`/api/${action}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ as: state.data?.me, ...body }),
      });
    } catch {
      if (!quiet) toast(t("ui.error.unreachable"), "error");
      return { ok: false, error: "unreachable", status: 0 };
    }
    const answer = await response.json().catch(() => ({ ok: false, error: `HTTP ${response.status}` }));
    if (response.status >= 400 && !quiet) {
      toast(t("ui.error.generic", { message: answer.message ?? answer.error ?? response.status }), "error");
    }
    return { ...answer, status: response.status };
  } finally {
    if (causes) {
      state.acting.pending -= 1;
      state.acting.until = Date.now() + ANSWER_WINDOW_MS;
    }
  }
}

async function load() {
  if (state.loading) return state.loading;
  state.loading = (async () => {
    const response = await fetch(`/api/workspace?as=${encodeURIComponent(state.as)}`);
    if (response.status === 404) {
      localStorage.removeItem("sandbox.as");
      state.as = "";
      setTimeout(start, 0);
      return;
    }
    const data = await response.json();
    state.data = data;
    setClock(data.clock);
    state.as = data.me;
    localStorage.setItem("sandbox.as", data.me);
    state.people = new Map(data.people.map((p) => [p.id, p]));
    state.channels = new Map(data.channels.map((c) => [c.id, c]));
    document.documentElement.lang = data.language;
    document.title = t("ui.title");
    const url = new URL(location.href);
    url.searchParams.set("as", data.me);
    history.replaceState(null, "", url);
    if (!state.view || (state.view.kind === "channel" && !state.channels.has(state.view.id))) {
      state.view = viewFromHash();
      // Opened straight onto the app's tab: Slack tells the app so, as when the tab is clicked.
      if (state.view.kind === "app" && state.view.tab !== "about") post("home", { tab: state.view.tab });
    }
    for (const id of Object.keys(data.messages)) state.seen[id] ??= latestTs(id);
    const queued = state.queued;
    state.queued = [];
    for (const event of queued) applyEvent(event, false);
  })().finally(() => {
    state.loading = null;
  });
  await state.loading;
  render();
  if (state.scheduled.open) refreshScheduled();
}

function connect() {
  state.events?.close();
  const source = new EventSource(`/api/events?as=${encodeURIComponent(state.as)}`);
  state.events = source;
  source.addEventListener("ready", () => {
    $("#offline").hidden = true;
    $("#resetting").hidden = true;
    load();
  });
  source.addEventListener("world", (message) => {
    const event = JSON.parse(message.data);
    if (state.loading) state.queued.push(event);
    else applyEvent(event, true);
  });
  source.addEventListener("reload", () => load());
  source.addEventListener("clock", (message) => {
    setClock(JSON.parse(message.data));
    if (!state.data) return;
    renderTopbar();
    if (state.scheduled.open) refreshScheduled();
  });
  source.addEventListener("resetting", () => {
    $("#resetting").hidden = false;
    state.view = null;
    state.thread = null;
    state.seen = {};
  });
  source.addEventListener("error", () => {
    if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    if ($("#resetting").hidden) $("#offline").hidden = false;
  });
}

// ------------------------------------------------------------------ the workspace's changes

function latestTs(channelId) {
  const list = state.data?.messages[channelId] ?? [];
  return list.length ? list[list.length - 1].ts : "0";
}

function upsert(list, item) {
  const i = list.findIndex((x) => x.ts === item.ts);
  if (i >= 0) list[i] = item;
  else {
    list.push(item);
    list.sort((a, b) => Number(a.ts) - Number(b.ts));
  }
}

function applyEvent(event, draw) {
  const data = state.data;
  if (!data) return;
  let modalChanged = false;
  switch (event.type) {
    case "message_posted":
    case "message_updated": {
      data.messages[event.channel] ??= [];
      upsert(data.messages[event.channel], event.message);
      break;
    }
    case "message_deleted":
      data.messages[event.channel] = (data.messages[event.channel] ?? []).filter((m) => m.ts !== event.ts);
      break;
    case "ephemeral_posted":
    case "ephemeral_updated":
      upsert(data.ephemerals, event.ephemeral);
      break;
    case "ephemeral_deleted":
      data.ephemerals = data.ephemerals.filter((e) => e.ts !== event.ephemeral.ts);
      break;
    case "view_opened":
      data.modals = [event.view];
      modalChanged = true;
      break;
    case "view_pushed":
      data.modals.push(event.view);
      modalChanged = true;
      break;
    case "view_updated": {
      const i = data.modals.findIndex((v) => v.id === event.view.id);
      if (i >= 0) data.modals[i] = event.view;
      if (data.home?.id === event.view.id) data.home = event.view;
      modalChanged = i >= 0;
      break;
    }
    case "view_closed":
      data.modals = data.modals.filter((v) => v.id !== event.viewId);
      modalChanged = true;
      break;
    case "home_published":
      data.home = event.view;
      break;
    case "notice_shown":
      data.notices.push(event.notice);
      if (event.notice.channel === null && draw) toast(event.notice.text, "error");
      break;
    default:
      return;
  }
  if (!draw) return;
  if (modalChanged) renderModal();
  else {
    renderSidebar();
    renderMain();
    renderThread();
  }
}

// ------------------------------------------------------------------ where we are

function viewFromHash() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith("app-")) return { kind: "app", tab: hash.slice(4) };
  if (hash && state.channels.has(hash)) return { kind: "channel", id: hash };
  const team =
    [...state.channels.values()].find((c) => c.name === "sales-north") ?? [...state.channels.values()][0];
  return { kind: "channel", id: team?.id };
}

function dmChannel() {
  return [...state.channels.values()].find((c) => c.kind === "im" && c.imUser === state.data?.me);
}

function currentChannelId() {
  if (!state.view) return undefined;
  if (state.view.kind === "channel") return state.view.id;
  if (state.view.kind === "app" && state.view.tab === "messages") return dmChannel()?.id;
  return undefined;
}

function go(view) {
  state.view = view;
  state.thread = null;
  closePopover();
  const hash = view.kind === "app" ? `app-${view.tab}` : view.id;
  history.replaceState(null, "", `${location.pathname}${location.search}#${hash}`);
  if (view.kind === "app" && view.tab !== "about") post("home", { tab: view.tab });
  render();
  $("#composer-input")?.focus();
}

// ------------------------------------------------------------------ drawing

function render() {
  if (!state.data) return;
  $("#offline").textContent = t("ui.error.offline");
  const resetting = $("#resetting");
  resetting.replaceChildren(h("div", { class: "spinner" }), h("div", { text: t("ui.reset.working") }));
  renderTopbar();
  renderSidebar();
  renderMain();
  renderThread();
  renderScheduled();
  renderModal();
}

function personaLabel(person) {
  return person?.persona ? t(`ui.persona.${person.persona}`) : "";
}

function renderTopbar() {
  const bar = $("#topbar");
  const person = me();
  const localTime = new Intl.DateTimeFormat(person.locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone: person.tz,
  }).format(sandboxNow());
  const scheduled = h("button", {
    class: `reset-button scheduled-button${state.scheduled.open ? " active" : ""}`,
    text: t("ui.scheduled.button"),
    attrs: {
      type: "button",
      "aria-pressed": String(state.scheduled.open),
      "data-testid": "scheduled-button",
    },
    on: { click: toggleScheduled },
  });
  const switcher = h(
    "button",
    {
      class: "acting-as",
      attrs: {
        type: "button",
        "aria-haspopup": "menu",
        title: t("ui.switchPerson"),
        "data-testid": "acting-as",
      },
      on: { click: (event) => openSwitcher(event.currentTarget) },
    },
    h("span", { class: "acting-label", text: t("ui.actingAs") }),
    avatar(person, 24),
    h("span", { class: "acting-name", text: person.realName }),
    h("span", { class: "acting-role", text: personaLabel(person) }),
    h("span", { class: "caret", text: "▾" }),
  );
  const blocker = state.data.resetBlocker;
  const reset = h("button", {
    class: "reset-button",
    text: t("ui.reset"),
    attrs: { type: "button", disabled: Boolean(blocker), title: blocker ?? t("ui.reset.text") },
    on: { click: resetDemo },
  });
  bar.replaceChildren(
    h(
      "div",
      { class: "topbar-center" },
      h("span", { class: "sandbox-pill", text: `${t("ui.sandbox")} · ${state.data.workspace.name}` }),
      h("span", { class: "local-time", text: t("ui.localTime", { time: localTime }) }),
    ),
    h("div", { class: "topbar-right" }, scheduled, switcher, reset),
  );
}

function openSwitcher(anchor) {
  const people = [...state.people.values()].filter((p) => !p.isBot && !p.deleted);
  menu(
    anchor,
    people.map((p) => ({
      icon: avatar(p, 28),
      html: `<span class="person-line"><b>${renderPlain(p.realName)}</b> <span class="muted">${renderPlain(personaLabel(p))}</span></span><span class="person-sub">${renderPlain(`${p.tz} · ${p.locale}`)}</span>`,
      hint: p.id === state.data.me ? "✓" : "",
      onSelect: () => switchTo(p.id),
    })),
    { title: t("ui.switchPerson"), alignRight: true, class: "switcher" },
  );
}

function switchTo(userId) {
  if (userId === state.data.me) return;
  state.as = userId;
  state.thread = null;
  state.seen = {};
  state.modal = { id: null, hash: null, fields: new Map(), errors: {}, banner: null };
  const url = new URL(location.href);
  url.searchParams.set("as", userId);
  history.replaceState(null, "", url);
  connect();
}

async function resetDemo() {
  const ok = await confirmDialog({
    title: t("ui.reset.title"),
    html: renderPlain(t("ui.reset.text")),
    confirm: t("ui.reset.confirm"),
    deny: t("ui.cancel"),
    danger: true,
  });
  if (!ok) return;
  $("#resetting").hidden = false;
  const answer = await post("reset", {});
  if (!answer.ok) $("#resetting").hidden = true;
}

function isUnread(channelId) {
  const seen = state.seen[channelId] ?? "0";
  return (state.data.messages[channelId] ?? []).some(
    (m) => Number(m.ts) > Number(seen) && m.user !== state.data.me && (!m.thread_ts || m.thread_ts === m.ts),
  );
}

function sidebarItem({ label, icon, active, unread, onClick, testId, badge }) {
  return h(
    "button",
    {
      class: `sidebar-item${active ? " active" : ""}${unread ? " unread" : ""}`,
      attrs: { type: "button", "data-testid": testId, "aria-current": active ? "page" : undefined },
      on: { click: onClick },
    },
    icon,
    h("span", { class: "sidebar-label", text: label }),
    badge ? h("span", { class: "app-badge", text: badge }) : null,
  );
}

function renderSidebar() {
  const sidebar = $("#sidebar");
  const data = state.data;
  const current = currentChannelId();
  if (current) state.seen[current] = latestTs(current);
  const channels = [...state.channels.values()]
    .filter((c) => c.kind === "channel")
    .sort((a, b) => a.name.localeCompare(b.name));
  const appPerson = { id: data.app.botUserId, realName: data.app.name };
  const dm = dmChannel();
  const onApp = (tab) => state.view?.kind === "app" && state.view.tab === tab;
  sidebar.replaceChildren(
    h(
      "div",
      { class: "workspace-name" },
      h("span", { text: data.workspace.name }),
      h("span", { class: "caret", text: "▾" }),
    ),
    h("div", { class: "sidebar-section", text: t("ui.sidebar.channels") }),
    ...channels.map((c) =>
      sidebarItem({
        label: c.name,
        icon: h("span", { class: "hash" }, c.isPrivate ? emojiPicture("🔒", "small") : "#"),
        active: state.view?.kind === "channel" && state.view.id === c.id,
        unread: isUnread(c.id),
        testId: `channel-${c.name}`,
        onClick: () => go({ kind: "channel", id: c.id }),
      }),
    ),
    h("div", { class: "sidebar-section", text: t("ui.sidebar.dms") }),
    sidebarItem({
      label: data.app.name,
      icon: avatar(appPerson, 20, data.app.color),
      active: onApp("messages"),
      unread: dm ? isUnread(dm.id) : false,
      testId: "app-dm",
      badge: t("ui.app.badge"),
      onClick: () => go({ kind: "app", tab: "messages" }),
    }),
    h("div", { class: "sidebar-section", text: t("ui.sidebar.apps") }),
    sidebarItem({
      label: data.app.name,
      icon: avatar(appPerson, 20, data.app.color),
      active: onApp("home") || onApp("about"),
      testId: "app-home",
      onClick: () => go({ kind: "app", tab: "home" }),
    }),
  );
}

/** Everything shown in a channel's timeline for me: messages, my ephemeral messages, Slack's notices. */
function timeline(channelId, threadTs) {
  const data = state.data;
  const inThread = (item) =>
    threadTs
      ? item.thread_ts === threadTs || item.ts === threadTs
      : !item.thread_ts || item.thread_ts === item.ts;
  const items = [
    ...(data.messages[channelId] ?? []).filter(inThread).map((m) => ({ kind: "message", ts: m.ts, m })),
    ...data.ephemerals
      .filter((e) => e.channel === channelId && (threadTs ? e.thread_ts === threadTs : !e.thread_ts))
      .map((e) => ({ kind: "ephemeral", ts: e.ts, m: e })),
    ...(threadTs
      ? []
      : data.notices
          .filter((n) => n.channel === channelId)
          .map((n) => ({ kind: "notice", ts: (n.at / 1000).toFixed(6), m: n }))),
  ];
  return items.sort((a, b) => Number(a.ts) - Number(b.ts));
}

function actionCtx(surface) {
  return {
    fmt,
    t,
    people: [...state.people.values()],
    channels: [...state.channels.values()],
    nameOf,
    confirm: (c) =>
      confirmDialog({
        title: c.title?.text ?? "",
        html: c.text?.type === "mrkdwn" ? fmt.mrkdwn(c.text.text) : renderPlain(c.text?.text ?? ""),
        confirm: c.confirm?.text ?? "OK",
        deny: c.deny?.text ?? t("ui.cancel"),
        danger: c.style === "danger",
      }),
    act: (payload) => post("action", { ...payload, ...surface }),
  };
}

function messageAuthor(item) {
  const m = item.m;
  if (item.kind === "notice")
    return {
      name: t("ui.slackbot"),
      person: { id: "USLACKBOT", realName: "Slackbot" },
      app: false,
      color: "#2eb67d",
    };
  if (item.kind === "ephemeral" || m.bot_id || m.user === state.data.app.botUserId) {
    const appPerson = { id: state.data.app.botUserId, realName: state.data.app.name };
    return { name: state.data.app.name, person: appPerson, app: true, color: state.data.app.color };
  }
  const person = state.people.get(m.user);
  return { name: person?.realName ?? m.user, person, app: false };
}

function messageBody(item, surface) {
  const m = item.m;
  if (item.kind === "notice") return h("div", { class: "message-text", html: fmt.mrkdwn(m.text) });
  const body =
    Array.isArray(m.blocks) && m.blocks.length > 0
      ? renderBlocks(m.blocks, actionCtx(surface))
      : m.text
        ? h("div", { class: "message-text", html: fmt.mrkdwn(m.text) })
        : null;
  if (!Array.isArray(m.files) || m.files.length === 0) return body ?? h("div", { class: "message-text" });
  return h("div", {}, ...(body ? [body] : []), ...m.files.map(fileCard));
}

/** A file shared in a message, as Slack shows it: an image inline, anything else as a card to download. */
function fileCard(file) {
  const url = `/files/${encodeURIComponent(file.id)}?as=${encodeURIComponent(state.data?.me ?? state.as)}`;
  if (String(file.mimetype ?? "").startsWith("image/")) {
    return h(
      "figure",
      { class: "file-image", attrs: { "data-testid": "file-image" } },
      h("figcaption", { text: file.title || file.name }),
      h(
        "a",
        { attrs: { href: url, target: "_blank", rel: "noopener" } },
        h("img", { class: "file-thumb", attrs: { src: url, alt: file.title || file.name } }),
      ),
    );
  }
  const kb = Math.max(1, Math.round((file.size ?? 0) / 1024));
  return h(
    "a",
    { class: "file-card", attrs: { href: url, download: file.name, "data-testid": "file-card" } },
    h("span", { class: "file-kind", text: (file.name.split(".").pop() ?? "").toUpperCase() }),
    h("span", { class: "file-name", text: file.title || file.name }),
    h("span", { class: "file-size", text: `${kb} kB` }),
  );
}

function renderMessage(item, previous, channelId, inThreadPane) {
  const m = item.m;
  const author = messageAuthor(item);
  const authorKey = `${item.kind === "notice" ? "slackbot" : author.person?.id}`;
  const prevAuthor = previous
    ? previous.kind === "notice"
      ? "slackbot"
      : messageAuthor(previous).person?.id
    : null;
  const compact =
    previous &&
    previous.kind === item.kind &&
    item.kind === "message" &&
    prevAuthor === authorKey &&
    Number(item.ts) - Number(previous.ts) < 300 &&
    !m.reply_count;
  const surface = { channel: channelId, messageTs: item.ts };
  const ephemeral = item.kind !== "message";
  const replies = !inThreadPane && m.reply_count ? m.reply_count : 0;
  const el = h(
    "div",
    {
      class: `message${ephemeral ? " ephemeral" : ""}${compact ? " compact" : ""}`,
      attrs: { "data-ts": item.ts, "data-kind": item.kind, "data-testid": "message" },
    },
    h(
      "div",
      { class: "gutter" },
      compact
        ? h("span", { class: "gutter-time", text: timeOf(item.ts) })
        : avatar(author.person, 36, author.color),
    ),
    h(
      "div",
      { class: "message-content" },
      ephemeral
        ? h(
            "div",
            { class: "ephemeral-note" },
            h("span", { class: "eye" }, emojiPicture("👁️", "small")),
            t("ui.onlyYou"),
          )
        : null,
      compact
        ? null
        : h(
            "div",
            { class: "message-meta" },
            h("span", { class: "author", text: author.name }),
            author.app ? h("span", { class: "app-badge", text: t("ui.app.badge") }) : null,
            h("time", {
              class: "message-time",
              text: timeOf(item.ts),
              attrs: { datetime: new Date(Number(item.ts) * 1000).toISOString() },
            }),
          ),
      messageBody(item, surface),
      m.edited && !m.bot_id ? h("span", { class: "edited", text: t("ui.edited") }) : null,
      replies
        ? h(
            "button",
            {
              class: "thread-summary",
              attrs: { type: "button" },
              on: { click: () => openThread(channelId, m.ts) },
            },
            ...(m.reply_users ?? []).slice(0, 3).map((u) => replierAvatar(u)),
            h("span", {
              class: "replies",
              text: replies === 1 ? t("ui.thread.one") : t("ui.thread.many", { count: replies }),
            }),
          )
        : null,
      item.kind === "ephemeral"
        ? h("button", {
            class: "dismiss",
            text: t("ui.dismiss"),
            attrs: { type: "button" },
            on: { click: () => post("dismiss", { ts: m.ts }) },
          })
        : null,
    ),
    item.kind === "message" ? messageActions(channelId, m, inThreadPane) : null,
  );
  return el;
}

function replierAvatar(userId) {
  const app = state.data.app;
  if (userId === app.botUserId) return avatar({ id: userId, realName: app.name }, 20, app.color);
  return avatar(state.people.get(userId) ?? { id: userId, realName: nameOf(userId) }, 20);
}

function messageActions(channelId, message, inThreadPane) {
  const more = h("button", {
    class: "hover-button",
    text: "⋯",
    attrs: {
      type: "button",
      title: t("ui.message.more"),
      "aria-label": t("ui.message.more"),
      "data-testid": "message-more",
    },
  });
  more.addEventListener("click", () => {
    const shortcuts = state.data.app.messageShortcuts.map((s) => ({
      label: s.name,
      hint: state.data.app.name,
      onSelect: () =>
        post("shortcut", { callbackId: s.callbackId, channel: channelId, messageTs: message.ts }),
    }));
    const items = [
      ...(inThreadPane
        ? []
        : [{ label: t("ui.message.reply"), onSelect: () => openThread(channelId, message.ts) }]),
      ...shortcuts,
    ];
    const list = menu(more, items, { title: t("ui.message.shortcuts"), alignRight: true });
    if (shortcuts.length === 0) {
      list
        .querySelector(".menu")
        ?.append(h("div", { class: "menu-empty", text: t("ui.message.noShortcuts") }));
    }
  });
  const reply = inThreadPane
    ? null
    : h(
        "button",
        {
          class: "hover-button",
          attrs: { type: "button", title: t("ui.message.reply"), "aria-label": t("ui.message.reply") },
          on: { click: () => openThread(channelId, message.ts) },
        },
        emojiPicture("💬", "small"),
      );
  return h("div", { class: "hover-actions" }, reply, more);
}

const itemKey = (item) => `${item.kind}:${item.ts}`;

/** Whether the person made this item come: their own message, an answer only they see, or the app's post
 * that arrived while something they did was under way. */
function causedByMe(item) {
  if (item.kind !== "message") return true;
  if (item.m.user === state.data.me && !item.m.bot_id) return true;
  return messageAuthor(item).app && acting();
}

/** What each message list has drawn, and which new messages the person has not scrolled to yet. */
const lists = new WeakMap();

function atBottom(container) {
  return container.scrollHeight - container.scrollTop - container.clientHeight < 40;
}

/** Scrolls so that `el` and what follows it show, its top first when it all does not fit. */
function reveal(container, el) {
  const top = el.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  container.scrollTop = Math.min(top - 8, container.scrollHeight - container.clientHeight);
}

/**
 * Draws a message list. It follows the newest messages while the person is at the bottom; when they are
 * scrolled up, what they caused (a command's answer, their own message) is scrolled into view, and what
 * others posted waits behind a "new messages" marker instead of moving the page.
 */
function renderTimeline(container, channelId, threadTs) {
  const place = `${channelId}/${threadTs ?? ""}`;
  const samePlace = container.dataset.channel === place;
  const wasAtBottom = atBottom(container);
  const keep = container.scrollTop;
  const items = timeline(channelId, threadTs);
  const before = samePlace ? lists.get(container) : undefined;
  const fresh = before ? items.filter((item) => !before.drawn.has(itemKey(item))) : [];
  const nodes = [];
  const elements = new Map();
  let day = null;
  let previous = null;
  for (const item of items) {
    const d = dayOf(item.ts);
    if (!threadTs && d.key !== day) {
      nodes.push(h("div", { class: "day-divider" }, h("span", { text: d.label })));
      day = d.key;
      previous = null;
    }
    const el = renderMessage(item, previous, channelId, Boolean(threadTs));
    elements.set(itemKey(item), el);
    nodes.push(el);
    previous = item;
  }
  const caused = fresh.find(causedByMe);
  let unseen = (before?.unseen ?? []).filter((key) => elements.has(key));
  if (!samePlace || caused || wasAtBottom) unseen = [];
  else unseen.push(...fresh.filter((item) => item.kind === "message").map(itemKey));
  const list = { drawn: new Set(elements.keys()), unseen };
  lists.set(container, list);

  const marker = unseen.length
    ? h(
        "div",
        { class: "new-messages" },
        h("button", {
          class: "new-messages-button",
          text: t(unseen.length === 1 ? "ui.messages.newOne" : "ui.messages.newMany", {
            count: unseen.length,
          }),
          attrs: { type: "button", "data-testid": "new-messages" },
          on: {
            click: () => {
              const first = elements.get(unseen[0]);
              list.unseen = [];
              marker.remove();
              if (first) reveal(container, first);
              else container.scrollTop = container.scrollHeight;
            },
          },
        }),
      )
    : null;
  container.replaceChildren(
    ...(threadTs ? [] : [channelIntro(channelId)]),
    ...nodes,
    ...(marker ? [marker] : []),
  );
  container.dataset.channel = place;
  if (!samePlace || (wasAtBottom && !caused)) container.scrollTop = container.scrollHeight;
  else if (caused) reveal(container, elements.get(itemKey(caused)));
  else container.scrollTop = keep;

  if (!container.dataset.watched) {
    container.dataset.watched = "true";
    // Reading down to the end is seeing the new messages.
    container.addEventListener("scroll", () => {
      const drawn = lists.get(container);
      if (!drawn?.unseen.length || !atBottom(container)) return;
      drawn.unseen = [];
      container.querySelector(".new-messages")?.remove();
    });
  }
}

function channelIntro(channelId) {
  const channel = state.channels.get(channelId);
  const app = state.data.app.name;
  const title = channel?.kind === "im" ? app : `#${channel?.name}`;
  const text =
    channel?.kind === "im" ? t("ui.dm.intro", { app }) : t("ui.channel.intro", { channel: channel?.name });
  return h(
    "div",
    { class: "channel-intro" },
    h("h2", { text: title }),
    h("p", { text }),
    channel?.purpose ? h("p", { class: "muted", text: channel.purpose }) : null,
    h(
      "div",
      { class: "tip", attrs: { "data-testid": "sandbox-tip" } },
      h("span", {}, emojiPicture("💡")),
      h("span", { text: t("ui.tip", { app }) }),
    ),
  );
}

function channelHeader(channel) {
  return h(
    "header",
    { class: "channel-header" },
    h("h1", {}, channel.isPrivate ? emojiPicture("🔒") : "#", ` ${channel.name}`),
    channel.topic ? h("span", { class: "topic", html: fmt.mrkdwn(channel.topic) }) : null,
    h("span", { class: "members", text: t("ui.channel.members", { count: channel.memberCount }) }),
  );
}

/** Draws the main pane; the message box survives redraws of the same place, so typing is never lost. */
function renderMain() {
  const main = $("#main");
  const view = state.view;
  if (!view) return;
  const dm = dmChannel();
  const channel = view.kind === "channel" ? state.channels.get(view.id) : view.tab === "messages" ? dm : null;
  const place = view.kind === "channel" ? `channel:${view.id}` : `app:${view.tab}:${dm?.id ?? ""}`;
  const key = `${state.data.me}/${place}`;
  const same = main.dataset.view === key;
  main.dataset.view = key;
  const header = view.kind === "channel" ? (channel ? channelHeader(channel) : null) : appHeader(view.tab);
  if (!header) return;
  if (channel) {
    if (same && $("#messages")) {
      main.querySelector(".channel-header")?.replaceWith(header);
      renderTimeline($("#messages"), channel.id);
      return;
    }
    const pane = h("div", { class: "messages", attrs: { id: "messages", "aria-live": "polite" } });
    main.replaceChildren(header, pane, composer(channel));
    renderTimeline(pane, channel.id);
    return;
  }
  main.replaceChildren(header, ...appTab(view.tab));
}

function appHeader(tab) {
  const app = state.data.app;
  const tabs = ["home", "messages", "about"].map((name) =>
    h("button", {
      class: `tab${tab === name ? " active" : ""}`,
      text: t(`ui.app.${name}`),
      attrs: {
        type: "button",
        role: "tab",
        "aria-selected": String(tab === name),
        "data-testid": `tab-${name}`,
      },
      on: { click: () => go({ kind: "app", tab: name }) },
    }),
  );
  return h(
    "header",
    { class: "channel-header app-header" },
    avatar({ id: app.botUserId, realName: app.name }, 28, app.color),
    h("h1", { text: app.name }),
    h("span", { class: "app-badge", text: t("ui.app.badge") }),
    h("nav", { class: "tabs", attrs: { role: "tablist" } }, tabs),
  );
}

function appTab(tab) {
  const app = state.data.app;
  if (tab === "about") {
    const shortcuts = [...app.globalShortcuts, ...app.messageShortcuts];
    return [
      h(
        "div",
        { class: "about" },
        h("p", { class: "about-lead", text: app.description }),
        app.longDescription ? h("p", { text: app.longDescription }) : null,
        h("h3", { text: t("ui.app.commands") }),
        h(
          "ul",
          { class: "about-list" },
          app.commands.map((c) =>
            h(
              "li",
              {},
              h("code", { text: `${c.command} ${c.usageHint}`.trim() }),
              h("div", { class: "muted", text: c.description }),
            ),
          ),
        ),
        h("h3", { text: t("ui.app.shortcuts") }),
        shortcuts.length === 0
          ? h("p", { class: "muted", text: t("ui.shortcuts.none") })
          : h(
              "ul",
              { class: "about-list" },
              shortcuts.map((s) =>
                h("li", {}, h("b", { text: s.name }), h("div", { class: "muted", text: s.description })),
              ),
            ),
        h("p", { class: "muted about-credits", text: t("ui.app.credits") }),
      ),
    ];
  }
  const home = state.data.home;
  if (!app.homeTab || !home) return [guidePanel()];
  // The Home the app published for this person (its buttons work), and the sandbox's guide below it.
  return [
    h(
      "div",
      { class: "home" },
      h(
        "div",
        { class: "home-view", attrs: { "data-testid": "home", "data-view-id": home.id } },
        renderBlocks(home.blocks, actionCtx({ viewId: home.id })),
      ),
      gettingStarted(),
    ),
  ];
}

/**
 * The sandbox's guide on the app's Home tab while the app publishes none: who the person is in the demo
 * and the first commands that work for them, each a click away from its channel's message box.
 */
function guidePanel() {
  const app = state.data.app;
  return h(
    "div",
    { class: "home", attrs: { "data-testid": "home" } },
    h("p", { class: "muted", text: t(app.homeTab ? "ui.app.noHome" : "ui.app.homeOff", { app: app.name }) }),
    gettingStarted(),
  );
}

/** Who the person is in the demo and the first commands that work for them, each a click from its channel. */
function gettingStarted() {
  const guide = state.data.guide ?? { you: "ui.start.you", steps: [] };
  return h(
    "section",
    { class: "getting-started", attrs: { "data-testid": "getting-started" } },
    h("h2", { text: t("ui.start.title") }),
    h("p", { class: "guide-you", text: t(guide.you, { name: personName(me()) }) }),
    guide.steps.length > 0
      ? [
          h("p", { class: "guide-try", text: t("ui.start.try") }),
          h("ul", { class: "first-steps" }, guide.steps.map(firstStep)),
          h("p", { class: "muted", text: t("ui.start.howTo") }),
        ]
      : null,
    h("p", { class: "muted", text: t("ui.start.more") }),
  );
}

function firstStep(step) {
  const channel = state.channels.get(step.channel);
  return h(
    "li",
    { class: "first-step", attrs: { "data-testid": "first-step" } },
    h(
      "button",
      {
        class: "first-step-command",
        attrs: { type: "button", "data-command": step.command },
        on: { click: () => tryCommand(step) },
      },
      h("code", { text: step.command }),
    ),
    channel ? h("span", { class: "muted", text: t("ui.start.in", { channel: channel.name }) }) : null,
    h("span", { class: "first-step-about", text: t(step.about) }),
  );
}

/** Opens the step's channel with its command in the message box, for the person to send. */
function tryCommand(step) {
  if (!state.channels.has(step.channel)) return;
  go({ kind: "channel", id: step.channel });
  const input = $("#composer-input");
  if (!input) return;
  input.value = step.command;
  input.dispatchEvent(new Event("input"));
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

// ------------------------------------------------------------------ the message box

function composer(channel, threadTs) {
  const app = state.data.app;
  const readOnly = channel.kind === "im" && app.messagesReadOnly;
  const placeholder = threadTs
    ? t("ui.thread.placeholder")
    : channel.kind === "im"
      ? t("ui.composer.dm", { name: app.name })
      : t("ui.composer.channel", { channel: channel.name });
  const input = h("textarea", {
    class: "composer-input",
    attrs: {
      id: threadTs ? "thread-input" : "composer-input",
      rows: 1,
      placeholder,
      "aria-label": placeholder,
      autocomplete: "off",
      spellcheck: "false",
    },
  });
  const hint = h("div", { class: "composer-hint", attrs: { "data-testid": "command-hint" } });
  const suggestions = h("div", { class: "suggestions", attrs: { role: "listbox", hidden: true } });
  const send = h("button", {
    class: "send",
    text: "➤",
    attrs: {
      type: "button",
      title: t("ui.composer.send"),
      "aria-label": t("ui.composer.send"),
      disabled: true,
    },
  });
  let choices = [];
  let active = 0;

  const showChoices = (list, heading) => {
    choices = list;
    active = 0;
    suggestions.hidden = list.length === 0;
    suggestions.replaceChildren(
      h("div", { class: "suggestions-title", text: heading }),
      ...list.map((c, i) =>
        h(
          "button",
          {
            class: `suggestion${i === active ? " active" : ""}`,
            attrs: { type: "button", role: "option", "data-value": c.insert },
            on: { mousedown: (event) => event.preventDefault(), click: () => choose(i) },
          },
          c.icon ?? null,
          h("span", { class: "suggestion-main", text: c.label }),
          c.hint ? h("span", { class: "suggestion-hint", text: c.hint }) : null,
          c.description ? h("span", { class: "suggestion-description", text: c.description }) : null,
          c.source ? h("span", { class: "suggestion-source", text: c.source }) : null,
        ),
      ),
    );
  };
  const highlight = () => {
    suggestions.querySelectorAll(".suggestion").forEach((el, i) => {
      el.classList.toggle("active", i === active);
    });
  };
  const choose = (i) => {
    const c = choices[i];
    if (!c) return;
    input.value = c.replace(input.value, input.selectionStart ?? input.value.length);
    input.focus();
    update();
  };
  const update = () => {
    const text = input.value;
    send.disabled = text.trim() === "";
    send.classList.toggle("ready", !send.disabled);
    input.style.height = "auto";
    input.style.height = `${Math.min(200, input.scrollHeight)}px`;
    const command = /^\/(\S*)$/.exec(text);
    if (command) {
      const typed = `/${command[1]}`.toLowerCase();
      showChoices(
        app.commands
          .filter((c) => c.command.startsWith(typed))
          .map((c) => ({
            label: c.command,
            hint: c.usageHint,
            description: c.description,
            source: app.name,
            insert: c.command,
            replace: () => `${c.command} `,
          })),
        t("ui.composer.commands"),
      );
    } else {
      const caret = input.selectionStart ?? text.length;
      const mention = /(^|\s)@([\w.-]*)$/.exec(text.slice(0, caret));
      if (mention) {
        const typed = mention[2].toLowerCase();
        showChoices(
          [...state.people.values()]
            .filter((p) => !p.deleted && !p.isBot)
            .filter((p) =>
              [p.name, p.realName, p.displayName].some((n) => n?.toLowerCase().startsWith(typed)),
            )
            .map((p) => ({
              icon: avatar(p, 20),
              label: p.realName,
              hint: `@${p.name}`,
              insert: `@${p.name}`,
              replace: (value, at) =>
                `${value.slice(0, at - mention[2].length - 1)}@${p.name} ${value.slice(at)}`,
            })),
          t("ui.composer.people"),
        );
      } else showChoices([], "");
    }
    const typedCommand = /^(\/\S+)\s/.exec(text);
    const known = typedCommand && app.commands.find((c) => c.command === typedCommand[1].toLowerCase());
    hint.replaceChildren(
      ...(known ? [h("b", { text: known.command }), " ", h("span", { text: known.usageHint })] : []),
    );
    hint.hidden = !known;
  };
  let error = null;
  const clearError = () => {
    error?.remove();
    error = null;
  };
  const showError = (text) => {
    clearError();
    error = h("div", {
      class: "composer-error",
      text,
      attrs: { role: "alert", "data-testid": "composer-error" },
    });
    // The message list above gets shorter: one that showed the newest messages still does.
    const list = wrap.parentElement?.querySelector(".messages");
    const following = list ? atBottom(list) : false;
    wrap.insertBefore(error, box);
    if (list && following) list.scrollTop = list.scrollHeight;
  };
  const submit = async () => {
    const text = input.value;
    if (text.trim() === "") return;
    if (readOnly && !text.startsWith("/")) {
      bar.querySelector(".composer-note")?.classList.add("flash");
      return;
    }
    clearError();
    input.value = "";
    update();
    const answer = text.startsWith("/")
      ? await post("command", { channel: channel.id, text }, { quiet: true })
      : await post(
          "message",
          { channel: channel.id, text, ...(threadTs ? { threadTs } : {}) },
          { quiet: true },
        );
    if (answer.ok || answer.status === 200) return;
    // Not sent: the text goes back in the box (unless the person has typed something new), with why.
    if (input.value === "") {
      input.value = text;
      update();
    }
    showError(
      answer.error === "unreachable" || answer.status >= 500
        ? t("ui.composer.notSent.offline")
        : t("ui.composer.notSent.error", { message: answer.message ?? answer.error }),
    );
  };
  input.addEventListener("input", () => {
    clearError();
    update();
  });
  input.addEventListener("click", update);
  input.addEventListener("keydown", (event) => {
    if (!suggestions.hidden && choices.length > 0) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : choices.length - 1)) % choices.length;
        highlight();
        return;
      }
      if (
        event.key === "Tab" ||
        (event.key === "Enter" && !event.shiftKey && choices[active] && !input.value.endsWith(" "))
      ) {
        const c = choices[active];
        if (c && (event.key === "Tab" || input.value.trim() !== c.insert)) {
          event.preventDefault();
          choose(active);
          return;
        }
      }
      if (event.key === "Escape") {
        showChoices([], "");
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  });
  send.addEventListener("click", submit);
  const shortcuts = h(
    "button",
    {
      class: "composer-tool",
      attrs: {
        type: "button",
        title: t("ui.shortcuts.button"),
        "aria-label": t("ui.shortcuts.button"),
        "data-testid": "shortcuts",
      },
    },
    emojiPicture("⚡", "small"),
  );
  shortcuts.addEventListener("click", () =>
    menu(
      shortcuts,
      app.globalShortcuts.map((s) => ({
        label: s.name,
        hint: app.name,
        onSelect: () => post("shortcut", { callbackId: s.callbackId }),
      })),
      { title: t("ui.shortcuts.title"), empty: t("ui.shortcuts.none"), above: true },
    ),
  );
  hint.hidden = true;
  const bar = h(
    "div",
    { class: "composer-bar" },
    threadTs ? null : shortcuts,
    readOnly ? h("span", { class: "composer-note", text: t("ui.composer.readOnly") }) : null,
    h("span", { class: "spacer" }),
    send,
  );
  const box = h("div", { class: "composer" }, hint, input, bar);
  const wrap = h("div", { class: "composer-wrap" }, suggestions, box);
  return wrap;
}

// ------------------------------------------------------------------ threads

function openThread(channelId, ts) {
  state.thread = { channel: channelId, ts };
  // The thread and the scheduled posts share the right-hand pane.
  state.scheduled.open = false;
  renderTopbar();
  renderScheduled();
  renderThread();
}

function renderThread() {
  const pane = $("#thread");
  const thread = state.thread;
  if (!thread || !state.channels.has(thread.channel)) {
    pane.hidden = true;
    pane.replaceChildren();
    delete pane.dataset.thread;
    return;
  }
  const channel = state.channels.get(thread.channel);
  pane.hidden = false;
  const key = `${state.data.me}/${thread.channel}/${thread.ts}`;
  if (pane.dataset.thread === key) {
    renderTimeline(pane.querySelector(".messages"), thread.channel, thread.ts);
    return;
  }
  pane.dataset.thread = key;
  const list = h("div", { class: "messages thread-messages" });
  pane.replaceChildren(
    h(
      "header",
      { class: "thread-header" },
      h("h2", { text: t("ui.thread.title") }),
      h("span", { class: "muted", text: channel.kind === "im" ? state.data.app.name : `#${channel.name}` }),
      h("button", {
        class: "close-x",
        text: "×",
        attrs: { type: "button", "aria-label": t("ui.close") },
        on: {
          click: () => {
            state.thread = null;
            renderThread();
          },
        },
      }),
    ),
    list,
    composer(channel, thread.ts),
  );
  renderTimeline(list, thread.channel, thread.ts);
}

// ------------------------------------------------------------------ scheduled posts and the sandbox clock

function toggleScheduled() {
  state.scheduled.open = !state.scheduled.open;
  if (state.scheduled.open) {
    state.thread = null;
    renderThread();
    refreshScheduled();
  }
  renderTopbar();
  renderScheduled();
}

/** Asks the sandbox for the teams' scheduled posts and the clock, and draws them. */
async function refreshScheduled() {
  try {
    const response = await fetch(`/api/scheduled?as=${encodeURIComponent(state.data?.me ?? "")}`);
    if (!response.ok) return;
    const data = await response.json();
    state.scheduled.data = data;
    setClock(data);
  } catch {
    return;
  }
  renderTopbar();
  renderScheduled();
}

/** A moment on the sandbox clock as the acting person reads it, in a team's zone. */
function momentIn(iso, zone, long = false) {
  return new Intl.DateTimeFormat(me()?.locale ?? "en-US", {
    weekday: long ? "long" : "short",
    day: "numeric",
    month: long ? "long" : "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: zone,
  }).format(new Date(iso));
}

function postLabel(post) {
  return t(`ui.scheduled.post.${post}`);
}

function postLine(team, item) {
  if (item.post === "meetings") {
    if (!item.next || !item.reminder) return t("ui.scheduled.noReminder");
    return t("ui.scheduled.reminder", {
      time: momentIn(item.next, team.timeZone),
      title: item.reminder.title,
      meeting: momentIn(item.reminder.meetingAt, team.timeZone),
    });
  }
  if (!item.enabled || !item.next) return t("ui.scheduled.off");
  return t("ui.scheduled.next", { time: momentIn(item.next, team.timeZone) });
}

function renderScheduled() {
  const pane = $("#scheduled");
  if (!state.data || !state.scheduled.open) {
    pane.hidden = true;
    pane.replaceChildren();
    return;
  }
  pane.hidden = false;
  const data = state.scheduled.data;
  const busy = state.scheduled.busy;
  const zone = data?.timeZone ?? me()?.tz;
  const moves = [
    ["hour", "ui.scheduled.move.hour"],
    ["day", "ui.scheduled.move.day"],
    ["monday", "ui.scheduled.move.monday"],
  ];
  const clock = h(
    "section",
    { class: "sandbox-clock", attrs: { "data-testid": "sandbox-clock" } },
    h("div", { class: "sandbox-clock-label", text: t("ui.scheduled.clock") }),
    h("div", {
      class: "sandbox-clock-time",
      text: t("ui.scheduled.clockIn", { time: momentIn(sandboxNow().toISOString(), zone, true), zone }),
      attrs: { "data-testid": "sandbox-time" },
    }),
    h("div", {
      class: "muted",
      text: state.clock.offsetMs > 0 ? t("ui.scheduled.ahead") : t("ui.scheduled.realTime"),
    }),
    h(
      "div",
      { class: "sandbox-clock-moves" },
      moves.map(([move, key]) =>
        h("button", {
          class: "bk-button",
          text: t(key),
          attrs: { type: "button", disabled: busy || !data, "data-testid": `clock-${move}` },
          on: { click: () => moveClock(move) },
        }),
      ),
    ),
    h("p", { class: "muted", text: t("ui.scheduled.moveHint") }),
  );
  const teams = (data?.teams ?? []).map((team) =>
    h(
      "section",
      { class: "scheduled-team", attrs: { "data-testid": "scheduled-team", "data-team": team.name } },
      h(
        "h3",
        {},
        team.name,
        " ",
        h("span", { class: "muted", text: `#${state.channels.get(team.channelId)?.name ?? ""}` }),
      ),
      h(
        "ul",
        { class: "scheduled-posts" },
        team.posts.map((item) =>
          h(
            "li",
            { class: "scheduled-post", attrs: { "data-post": item.post, "data-testid": "scheduled-post" } },
            h(
              "div",
              { class: "scheduled-post-about" },
              h("b", { text: postLabel(item.post) }),
              h("div", { class: "muted scheduled-next", text: postLine(team, item) }),
            ),
            h("button", {
              class: "bk-button primary",
              text: t("ui.scheduled.runNow"),
              attrs: {
                type: "button",
                disabled: busy || !item.available,
                title: !item.available
                  ? t("ui.scheduled.notAvailable", { post: postLabel(item.post) })
                  : item.post === "meetings"
                    ? t("ui.scheduled.runNow.meetings")
                    : null,
                "data-testid": `run-${item.post}`,
              },
              on: { click: () => runNow(team, item) },
            }),
          ),
        ),
      ),
    ),
  );
  pane.replaceChildren(
    h(
      "header",
      { class: "thread-header" },
      h("h2", { text: t("ui.scheduled.title") }),
      h("button", {
        class: "close-x",
        text: "×",
        attrs: { type: "button", "aria-label": t("ui.close") },
        on: { click: toggleScheduled },
      }),
    ),
    h(
      "div",
      { class: "scheduled-body" },
      clock,
      data && teams.length === 0 ? h("p", { class: "muted", text: t("ui.scheduled.noTeams") }) : null,
      teams,
    ),
  );
}

/** What a move of the clock did, in words: the new time and the posts that became due. */
function movedText(moved) {
  const zone = state.scheduled.data?.timeZone ?? me()?.tz;
  const time = momentIn(moved.to, zone, true);
  const posts = [...new Set(moved.ran.map((run) => postLabel(run.post)))];
  return posts.length > 0
    ? t("ui.scheduled.movedRan", { time, posts: posts.join(", ") })
    : t("ui.scheduled.moved", { time });
}

async function inFlight(work) {
  if (state.scheduled.busy) return;
  state.scheduled.busy = true;
  renderScheduled();
  try {
    await work();
  } finally {
    state.scheduled.busy = false;
    await refreshScheduled();
  }
}

/** Runs a team's post now, and shows its channel, where the post arrives. */
function runNow(team, item) {
  return inFlight(async () => {
    const answer = await post("run", { team: team.id, post: item.post });
    if (!answer.ok) return;
    if (answer.moved) toast(movedText(answer.moved));
    else if (answer.ran) {
      const channel = state.channels.get(team.channelId)?.name ?? "";
      toast(t("ui.scheduled.ran", { post: postLabel(item.post), team: team.name, channel }));
    } else toast(t("ui.scheduled.already", { post: postLabel(item.post) }));
    if (state.channels.has(team.channelId)) go({ kind: "channel", id: team.channelId });
  });
}

function moveClock(move) {
  return inFlight(async () => {
    const answer = await post("clock", { move, fromOffsetMs: state.scheduled.data?.offsetMs });
    if (answer.ok) toast(movedText(answer));
  });
}

// ------------------------------------------------------------------ modals

function modalValues() {
  const values = {};
  for (const [key, io] of state.modal.fields) {
    const [blockId, actionId] = key.split("\u0000");
    values[blockId] ??= {};
    values[blockId][actionId] = io.read();
  }
  return values;
}

function renderModal() {
  const host = $("#modal-host");
  const view = state.data?.modals.at(-1);
  if (!view) {
    state.modal = { id: null, hash: null, fields: new Map(), errors: {}, banner: null };
    host.replaceChildren();
    return;
  }
  if (state.modal.id === view.id && state.modal.hash === view.hash && host.firstChild) return;
  // A view updated in place keeps what the person typed in inputs that are still there (as Slack does).
  const keep =
    state.modal.id === view.id
      ? new Map([...state.modal.fields].map(([k, io]) => [k, io.read()]))
      : new Map();
  if (state.modal.id !== view.id) state.modal.errors = {};
  if (state.modal.hash !== view.hash) state.modal.banner = null;
  state.modal.id = view.id;
  state.modal.hash = view.hash;
  drawModal(view, keep);
}

function drawModal(view, keep) {
  const host = $("#modal-host");
  const fields = new Map();
  const ctx = {
    ...actionCtx({ viewId: view.id }),
    form: {
      errors: state.modal.errors,
      register: (blockId, actionId, io) => fields.set(`${blockId}\u0000${actionId}`, io),
    },
  };
  const body = renderBlocks(view.blocks, ctx);
  for (const [key, value] of keep) fields.get(key)?.write(value);
  state.modal.fields = fields;
  const titleId = `modal-title-${view.id}`;
  const close = () => post("close", { viewId: view.id });
  const submitButton = view.submit
    ? h("button", {
        class: "btn primary",
        html: fmt.plain(view.submit.text),
        attrs: { type: "button", disabled: view.submit_disabled === true, "data-testid": "modal-submit" },
        on: { click: () => submitModal(view, submitButton) },
      })
    : null;
  const dialog = h(
    "div",
    {
      class: "dialog modal",
      attrs: {
        role: "dialog",
        "aria-modal": "true",
        "aria-labelledby": titleId,
        "data-view-id": view.id,
        "data-callback-id": view.callback_id,
      },
    },
    h(
      "div",
      { class: "dialog-header" },
      h("h2", { html: fmt.plain(view.title?.text ?? ""), attrs: { id: titleId } }),
      h("button", {
        class: "close-x",
        text: "×",
        attrs: { type: "button", "aria-label": t("ui.close") },
        on: { click: close },
      }),
    ),
    state.modal.banner
      ? h("div", { class: "modal-banner", text: state.modal.banner, attrs: { role: "alert" } })
      : null,
    h("div", { class: "dialog-body" }, body),
    h(
      "div",
      { class: "dialog-footer" },
      h("button", {
        class: "btn",
        html: fmt.plain(view.close?.text ?? t("ui.cancel")),
        attrs: { type: "button", "data-testid": "modal-close" },
        on: { click: close },
      }),
      submitButton,
    ),
  );
  const overlay = h("div", { class: "overlay modal-overlay" }, dialog);
  overlay.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !document.querySelector(".popover")) close();
  });
  host.replaceChildren(overlay);
  const firstError = dialog.querySelector(".bk-input.has-error");
  if (firstError) {
    firstError.scrollIntoView({ block: "center" });
    firstError.querySelector("input, textarea, .select")?.focus();
  } else if (!host.contains(document.activeElement)) {
    dialog.querySelector("input, textarea, .select, button.bk-button")?.focus();
  }
}

async function submitModal(view, button) {
  button.disabled = true;
  const answer = await post("submit", { viewId: view.id, values: modalValues() });
  button.disabled = false;
  if (!answer.ok) return;
  const errors = answer.errors ?? answer.clientErrors;
  if (errors || answer.responseAction === "failed") {
    state.modal.errors = errors ?? {};
    state.modal.banner = answer.responseAction === "failed" ? t("ui.error.modalFailed") : null;
    const top = state.data.modals.at(-1);
    if (top?.id === view.id) {
      const keep = new Map([...state.modal.fields].map(([k, io]) => [k, io.read()]));
      drawModal(top, keep);
    }
  } else {
    state.modal.errors = {};
  }
}

// ------------------------------------------------------------------ start

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[data-channel]");
  if (!link) return;
  event.preventDefault();
  const id = link.getAttribute("data-channel");
  if (state.channels.has(id)) go({ kind: "channel", id });
});
window.addEventListener("hashchange", () => {
  const view = viewFromHash();
  if (JSON.stringify(view) !== JSON.stringify(state.view)) go(view);
});
setInterval(() => {
  if (!state.data) return;
  renderTopbar();
  renderScheduled();
}, 30_000);

/** Finds out who to be (the URL, the last choice, or the sandbox's default person), then listens. */
async function start() {
  let response = await fetch(`/api/workspace?as=${encodeURIComponent(state.as)}`);
  if (response.status === 404) response = await fetch("/api/workspace");
  const data = await response.json();
  state.as = data.me;
  connect();
}

start();
