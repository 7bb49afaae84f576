// Block Kit, drawn as Slack draws it: the layout blocks, the interactive elements (which report what a
// person did through ctx.act), and input blocks in modals (whose values ctx.form collects on submit).
import { avatar, h, menu, selectField } from "./widgets.js";

/** The HTML of a text object (mrkdwn or plain_text). */
function textHtml(ctx, text) {
  if (!text) return "";
  if (typeof text === "string") return ctx.fmt.mrkdwn(text);
  return text.type === "mrkdwn" ? ctx.fmt.mrkdwn(text.text) : ctx.fmt.plain(text.text, text.emoji !== false);
}

function plainText(text) {
  return typeof text === "string" ? text : (text?.text ?? "");
}

function optionsOf(element) {
  const out = [];
  for (const option of element.options ?? []) out.push(option);
  for (const group of element.option_groups ?? []) for (const option of group.options ?? []) out.push(option);
  return out;
}

function personOptions(ctx) {
  return ctx.people
    .filter((p) => !p.deleted)
    .map((p) => ({
      value: p.id,
      label: (p.isBot ? ctx.nameOf(p.id) : null) ?? (p.realName || p.name),
      search: `${p.realName} ${p.displayName} ${p.name}`,
      icon: avatar(p, 20),
    }));
}

function conversationOptions(ctx, element, channelsOnly) {
  const include = element.filter?.include ?? ["public", "private", "im", "mpim"];
  const kindOf = (c) => (c.kind === "channel" ? (c.isPrivate ? "private" : "public") : c.kind);
  return ctx.channels
    .filter((c) => (channelsOnly ? c.kind === "channel" && !c.isPrivate : include.includes(kindOf(c))))
    .filter((c) => !(element.filter?.exclude_bot_users && c.kind === "im"))
    .map((c) => {
      const label =
        c.kind === "im" ? (ctx.nameOf(c.imUser) ?? c.name) : `${c.isPrivate ? "🔒" : "#"} ${c.name}`;
      return { value: c.id, label, search: c.name };
    });
}

const SELECTS = {
  static_select: { kind: "option", multi: false },
  external_select: { kind: "option", multi: false },
  multi_static_select: { kind: "option", multi: true },
  multi_external_select: { kind: "option", multi: true },
  users_select: { kind: "user", multi: false, initial: "initial_user" },
  multi_users_select: { kind: "user", multi: true, initial: "initial_users" },
  conversations_select: { kind: "conversation", multi: false, initial: "initial_conversation" },
  multi_conversations_select: { kind: "conversation", multi: true, initial: "initial_conversations" },
  channels_select: { kind: "conversation", multi: false, initial: "initial_channel" },
  multi_channels_select: { kind: "conversation", multi: true, initial: "initial_channels" },
};

/**
 * One element. `where`: { blockId, input } — input elements hold their value until the modal is
 * submitted (unless the block dispatches actions); everything else tells the app at once.
 */
function renderElement(ctx, element, where) {
  const actionId = element.action_id;
  const blockId = where.blockId;
  const live = !where.input || where.dispatch;
  const act = (kind, value) => (live ? ctx.act({ kind, actionId, blockId, value }) : Promise.resolve());
  const register = (io) => {
    if (where.input && actionId) ctx.form?.register(blockId, actionId, io);
  };
  const type = element.type;
  const attrs = { "data-action-id": actionId, "data-type": type };

  if (type === "button" || type === "workflow_button") {
    const button = h("button", {
      class: `bk-button${element.style ? ` ${element.style}` : ""}`,
      html: textHtml(ctx, element.text),
      attrs: { ...attrs, type: "button", title: element.accessibility_label },
    });
    button.addEventListener("click", async () => {
      if (element.confirm && !(await ctx.confirm(element.confirm))) return;
      if (element.url) window.open(element.url, "_blank", "noopener,noreferrer");
      button.disabled = true;
      try {
        await ctx.act({ kind: "button", actionId, blockId });
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  const select = SELECTS[type];
  if (select) {
    let options;
    let selected;
    if (select.kind === "option") {
      options = optionsOf(element).map((o) => ({
        value: o.value,
        html: textHtml(ctx, o.text),
        label: plainText(o.text),
      }));
      selected = select.multi
        ? (element.initial_options ?? []).map((o) => o.value)
        : (element.initial_option?.value ?? null);
    } else {
      options =
        select.kind === "user"
          ? personOptions(ctx)
          : conversationOptions(ctx, element, type.includes("channels_select"));
      selected = element[select.initial] ?? (select.multi ? [] : null);
    }
    const field = selectField({
      options,
      multi: select.multi,
      selected,
      label: plainText(where.label) || plainText(element.placeholder),
      placeholder: plainText(element.placeholder) || ctx.t("ui.select.placeholder"),
      t: ctx.t,
      onChange: async (value) => {
        if (element.confirm && !(await ctx.confirm(element.confirm))) return;
        await act(select.kind, value);
      },
    });
    for (const [name, value] of Object.entries(attrs)) if (value) field.el.setAttribute(name, value);
    register({ read: field.get, write: field.set });
    return field.el;
  }

  if (type === "overflow") {
    const button = h("button", {
      class: "bk-overflow",
      text: "⋯",
      attrs: { ...attrs, type: "button", "aria-label": ctx.t("ui.message.more") },
    });
    button.addEventListener("click", () =>
      menu(
        button,
        optionsOf(element).map((o) => ({
          html: textHtml(ctx, o.text),
          onSelect: async () => {
            if (element.confirm && !(await ctx.confirm(element.confirm))) return;
            if (o.url) window.open(o.url, "_blank", "noopener,noreferrer");
            await ctx.act({ kind: "option", actionId, blockId, value: o.value });
          },
        })),
        { alignRight: true },
      ),
    );
    return button;
  }

  if (type === "datepicker" || type === "timepicker" || type === "datetimepicker") {
    const input = h("input", {
      class: "bk-input-text bk-date",
      attrs: {
        ...attrs,
        type: type === "datepicker" ? "date" : type === "timepicker" ? "time" : "datetime-local",
        "aria-label":
          plainText(where.label) || plainText(element.placeholder) || ctx.t("ui.date.placeholder"),
      },
    });
    const toInput = (v) => {
      if (v === null || v === undefined || v === "") return "";
      if (type !== "datetimepicker") return String(v);
      const d = new Date(Number(v) * 1000);
      const pad = (n) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    const read = () => {
      if (input.value === "") return null;
      return type === "datetimepicker" ? Math.floor(new Date(input.value).getTime() / 1000) : input.value;
    };
    input.value = toInput(element.initial_date ?? element.initial_time ?? element.initial_date_time);
    input.addEventListener("change", async () => {
      if (element.confirm && !(await ctx.confirm(element.confirm))) return;
      await act(type === "timepicker" ? "time" : "date", read());
    });
    register({ read, write: (v) => (input.value = toInput(v)) });
    return input;
  }

  if (type === "checkboxes" || type === "radio_buttons") {
    const name = `${blockId}-${actionId}-${Math.random().toString(36).slice(2)}`;
    const initial = new Set(
      type === "checkboxes"
        ? (element.initial_options ?? []).map((o) => o.value)
        : [element.initial_option?.value].filter(Boolean),
    );
    const group = h("div", {
      class: `bk-choices ${type}`,
      attrs: { ...attrs, role: type === "checkboxes" ? "group" : "radiogroup" },
    });
    const inputs = optionsOf(element).map((o) => {
      const input = h("input", {
        attrs: {
          type: type === "checkboxes" ? "checkbox" : "radio",
          name,
          value: o.value,
          checked: initial.has(o.value),
        },
      });
      group.append(
        h(
          "label",
          { class: "bk-choice" },
          input,
          h(
            "span",
            {},
            h("span", { class: "bk-choice-text", html: textHtml(ctx, o.text) }),
            o.description
              ? h("span", { class: "bk-choice-description", html: textHtml(ctx, o.description) })
              : null,
          ),
        ),
      );
      return input;
    });
    const read = () =>
      type === "checkboxes"
        ? inputs.filter((i) => i.checked).map((i) => i.value)
        : (inputs.find((i) => i.checked)?.value ?? null);
    const write = (v) => {
      const wanted = new Set(Array.isArray(v) ? v : [v]);
      for (const i of inputs) i.checked = wanted.has(i.value);
    };
    group.addEventListener("change", () => act("option", read()));
    register({ read, write });
    return group;
  }

  if (
    ["plain_text_input", "number_input", "email_text_input", "url_text_input", "rich_text_input"].includes(
      type,
    )
  ) {
    const multiline = element.multiline === true || type === "rich_text_input";
    const input = h(multiline ? "textarea" : "input", {
      class: "bk-input-text",
      attrs: {
        ...attrs,
        ...(multiline ? { rows: 4 } : { type: type === "email_text_input" ? "email" : "text" }),
        inputmode: type === "number_input" ? "decimal" : undefined,
        placeholder: plainText(element.placeholder) || undefined,
        "aria-label": plainText(where.label) || plainText(element.placeholder),
      },
    });
    const initial = element.initial_value;
    input.value = initial === undefined || initial === null ? "" : typeof initial === "string" ? initial : "";
    const read = () => (input.value === "" ? null : input.value);
    if (where.dispatch) {
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !multiline) {
          event.preventDefault();
          act("text", input.value);
        }
      });
    }
    register({ read, write: (v) => (input.value = v ?? "") });
    return input;
  }

  if (type === "image") {
    return h("img", {
      class: "bk-element-image",
      attrs: { src: element.image_url ?? "", alt: element.alt_text ?? "", title: element.alt_text },
    });
  }

  return h("span", { class: "bk-unsupported", text: ctx.t("ui.unsupported") });
}

function renderRichText(ctx, block) {
  const inline = (elements) =>
    (elements ?? []).map((el) => {
      const s = el.style ?? {};
      let node;
      switch (el.type) {
        case "text":
          node = h("span", { text: el.text });
          break;
        case "link": {
          const safe = /^(https?:|mailto:)/i.test(el.url ?? "") ? el.url : undefined;
          node = h("a", {
            text: el.text ?? el.url ?? "",
            attrs: { href: safe, target: "_blank", rel: "noopener noreferrer" },
          });
          break;
        }
        case "user":
          node = h("span", { html: ctx.fmt.mrkdwn(`<@${el.user_id}>`) });
          break;
        case "channel":
          node = h("span", { html: ctx.fmt.mrkdwn(`<#${el.channel_id}>`) });
          break;
        case "emoji":
          node = h("span", { html: ctx.fmt.plain(`:${el.name}:`) });
          break;
        case "broadcast":
          node = h("span", { html: ctx.fmt.mrkdwn(`<!${el.range}>`) });
          break;
        default:
          node = h("span", { text: el.text ?? "" });
      }
      if (s.code) node = h("code", {}, node);
      if (s.bold) node = h("b", {}, node);
      if (s.italic) node = h("i", {}, node);
      if (s.strike) node = h("s", {}, node);
      return node;
    });
  const part = (el) => {
    switch (el.type) {
      case "rich_text_section":
        return h("div", { class: "rt-section" }, inline(el.elements));
      case "rich_text_list":
        return h(
          el.style === "ordered" ? "ol" : "ul",
          { class: `rt-list indent-${el.indent ?? 0}` },
          (el.elements ?? []).map((item) => h("li", {}, inline(item.elements))),
        );
      case "rich_text_quote":
        return h("blockquote", {}, inline(el.elements));
      case "rich_text_preformatted":
        return h("pre", { class: "code-block" }, inline(el.elements));
      default:
        return null;
    }
  };
  return h("div", { class: "bk-rich-text" }, (block.elements ?? []).map(part));
}

function renderBlock(ctx, block) {
  const blockId = block.block_id;
  const attrs = { "data-block-id": blockId, "data-block-type": block.type };
  switch (block.type) {
    case "header":
      return h("div", { class: "bk-header", html: textHtml(ctx, block.text), attrs });
    case "divider":
      return h("hr", { class: "bk-divider", attrs });
    case "section": {
      const main = h(
        "div",
        { class: "bk-section-main" },
        block.text ? h("div", { class: "bk-text", html: textHtml(ctx, block.text) }) : null,
        block.fields?.length
          ? h(
              "div",
              { class: "bk-fields" },
              block.fields.map((f) => h("div", { class: "bk-field", html: textHtml(ctx, f) })),
            )
          : null,
      );
      const accessory = block.accessory
        ? h(
            "div",
            { class: `bk-accessory${block.accessory.type === "image" ? " image" : ""}` },
            renderElement(ctx, block.accessory, { blockId }),
          )
        : null;
      return h("div", { class: "bk-section", attrs }, main, accessory);
    }
    case "context":
      return h(
        "div",
        { class: "bk-context", attrs },
        (block.elements ?? []).map((el) =>
          el.type === "image"
            ? h("img", {
                class: "bk-context-image",
                attrs: { src: el.image_url ?? "", alt: el.alt_text ?? "" },
              })
            : h("span", { class: "bk-context-text", html: textHtml(ctx, el) }),
        ),
      );
    case "actions":
      return h(
        "div",
        { class: "bk-actions", attrs },
        (block.elements ?? []).map((el) => renderElement(ctx, el, { blockId })),
      );
    case "image":
      return h(
        "figure",
        { class: "bk-image", attrs },
        block.title ? h("figcaption", { html: textHtml(ctx, block.title) }) : null,
        h("img", { attrs: { src: block.image_url ?? "", alt: block.alt_text ?? "", loading: "lazy" } }),
      );
    case "input": {
      const error = ctx.form?.errors?.[blockId];
      const labelId = `label-${blockId}-${Math.random().toString(36).slice(2, 8)}`;
      const element = renderElement(ctx, block.element ?? {}, {
        blockId,
        input: true,
        dispatch: block.dispatch_action === true,
        label: block.label,
      });
      element.setAttribute?.("aria-labelledby", labelId);
      if (error) element.classList?.add("has-error");
      return h(
        "div",
        { class: `bk-input${error ? " has-error" : ""}`, attrs },
        h(
          "label",
          { class: "bk-label", attrs: { id: labelId } },
          h("span", { html: textHtml(ctx, block.label) }),
          block.optional ? h("span", { class: "bk-optional", text: ` ${ctx.t("ui.modal.optional")}` }) : null,
        ),
        element,
        error ? h("div", { class: "bk-error", text: error, attrs: { role: "alert" } }) : null,
        block.hint ? h("div", { class: "bk-hint", html: textHtml(ctx, block.hint) }) : null,
      );
    }
    case "rich_text":
      return renderRichText(ctx, block);
    default:
      return h("div", { class: "bk-unsupported", text: ctx.t("ui.unsupported"), attrs });
  }
}

/** Draws a list of blocks. */
export function renderBlocks(blocks, ctx) {
  return h(
    "div",
    { class: "blocks" },
    (blocks ?? []).map((block) => renderBlock(ctx, block)),
  );
}
