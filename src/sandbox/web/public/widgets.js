// Small DOM helpers and the widgets Slack's client has: menus, selects with search, confirm dialogs, toasts.

/** Creates an element. `props`: class, text, html (only ever our own escaped HTML), attrs, on, style. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.html !== undefined) el.innerHTML = props.html;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === undefined || value === null) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [name, handler] of Object.entries(props.on ?? {})) el.addEventListener(name, handler);
  for (const [name, value] of Object.entries(props.style ?? {})) el.style.setProperty(name, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Initials on a colour picked from the id, like a profile picture nobody uploaded. */
export function avatar(person, size = 36, color) {
  const name = person?.realName || person?.name || "?";
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();
  const palette = ["#e8912d", "#2bac76", "#1264a3", "#e01e5a", "#7c3085", "#36c5f0", "#9f6b00", "#3b7a57"];
  let hash = 0;
  for (const c of person?.id ?? name) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return h("span", {
    class: "avatar",
    text: initials,
    attrs: { "aria-hidden": "true" },
    style: {
      width: `${size}px`,
      height: `${size}px`,
      "font-size": `${Math.round(size * 0.4)}px`,
      background: color ?? palette[hash % palette.length],
    },
  });
}

let openPopover = null;

export function closePopover() {
  if (!openPopover) return;
  const { el, onClose } = openPopover;
  openPopover = null;
  el.remove();
  onClose?.();
}

document.addEventListener("mousedown", (event) => {
  if (openPopover && !openPopover.el.contains(event.target) && !openPopover.anchor.contains(event.target)) {
    closePopover();
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && openPopover) {
    event.stopPropagation();
    closePopover();
  }
});

/** Shows `content` in a floating panel under (or above) `anchor`. */
export function popover(anchor, content, options = {}) {
  closePopover();
  const el = h(
    "div",
    { class: `popover ${options.class ?? ""}`, attrs: { role: options.role ?? "menu" } },
    content,
  );
  document.body.append(el);
  const rect = anchor.getBoundingClientRect();
  const width = Math.max(options.minWidth ?? 0, options.matchWidth ? rect.width : 0);
  if (width) el.style.minWidth = `${width}px`;
  const below = window.innerHeight - rect.bottom;
  const height = el.offsetHeight;
  const top =
    options.above || (below < height + 8 && rect.top > below) ? rect.top - height - 4 : rect.bottom + 4;
  const left = Math.min(
    Math.max(8, options.alignRight ? rect.right - el.offsetWidth : rect.left),
    window.innerWidth - el.offsetWidth - 8,
  );
  el.style.top = `${Math.max(8, top)}px`;
  el.style.left = `${left}px`;
  openPopover = { el, anchor, onClose: options.onClose };
  return el;
}

/** A menu of items ({ label, hint, danger, disabled, onSelect }) under an anchor. */
export function menu(anchor, items, options = {}) {
  const list = h(
    "div",
    { class: "menu" },
    options.title ? h("div", { class: "menu-title", text: options.title }) : null,
    items.length === 0 && options.empty ? h("div", { class: "menu-empty", text: options.empty }) : null,
    items.map((item) =>
      h(
        "button",
        {
          class: `menu-item${item.danger ? " danger" : ""}`,
          attrs: { type: "button", role: "menuitem", disabled: item.disabled },
          on: {
            click: () => {
              closePopover();
              item.onSelect?.();
            },
          },
        },
        item.icon ?? null,
        h("span", { class: "menu-label", ...(item.html ? { html: item.html } : { text: item.label }) }),
        item.hint ? h("span", { class: "menu-hint", text: item.hint }) : null,
      ),
    ),
  );
  return popover(anchor, list, options);
}

/**
 * A Slack select: a field that opens a searchable list. `options`: [{ value, label, html?, search? }].
 * Single (value or null) or multi (array of values). Returns { el, get, set }.
 */
export function selectField(config) {
  const { options, multi = false, placeholder, t, onChange } = config;
  let value = multi ? [...(config.selected ?? [])] : (config.selected ?? null);
  const byValue = new Map(options.map((o) => [o.value, o]));
  const field = h("div", {
    class: `select${multi ? " multi" : ""}`,
    attrs: {
      tabindex: "0",
      role: "combobox",
      "aria-haspopup": "listbox",
      "aria-label": config.label ?? placeholder,
    },
  });

  const labelOf = (option) =>
    option.html
      ? h("span", { class: "option-label", html: option.html })
      : h("span", { class: "option-label", text: option.label });
  const draw = () => {
    field.replaceChildren();
    if (multi) {
      for (const v of value) {
        const option = byValue.get(v);
        field.append(
          h(
            "span",
            { class: "chip", attrs: { "data-value": v } },
            option?.icon ?? null,
            option ? labelOf(option) : v,
            h("button", {
              class: "chip-remove",
              text: "×",
              attrs: { type: "button", "aria-label": `Remove ${option?.label ?? v}` },
              on: {
                click: (event) => {
                  event.stopPropagation();
                  value = value.filter((x) => x !== v);
                  draw();
                  onChange?.(value);
                },
              },
            }),
          ),
        );
      }
      if (value.length === 0) field.append(h("span", { class: "placeholder", text: placeholder }));
    } else {
      const option = value === null ? null : byValue.get(value);
      field.append(
        option
          ? h("span", { class: "selected" }, option.icon ?? null, labelOf(option))
          : h("span", { class: "placeholder", text: placeholder }),
      );
    }
    field.append(h("span", { class: "caret", text: "▾", attrs: { "aria-hidden": "true" } }));
  };

  const open = () => {
    const search = h("input", {
      class: "select-search",
      attrs: { type: "text", placeholder: t("ui.select.search"), "aria-label": t("ui.select.search") },
    });
    const list = h("div", { class: "select-options", attrs: { role: "listbox" } });
    const fill = () => {
      const query = search.value.trim().toLowerCase();
      const shown = options.filter(
        (o) =>
          (!multi || !value.includes(o.value)) &&
          (query === "" || (o.search ?? o.label).toLowerCase().includes(query)),
      );
      list.replaceChildren(
        ...(shown.length === 0
          ? [h("div", { class: "menu-empty", text: t("ui.select.none") })]
          : shown.map((o) =>
              h(
                "button",
                {
                  class: `select-option${!multi && o.value === value ? " chosen" : ""}`,
                  attrs: { type: "button", role: "option", "data-value": o.value },
                  on: {
                    click: () => {
                      if (multi) value = [...value, o.value];
                      else value = o.value;
                      closePopover();
                      draw();
                      onChange?.(value);
                      field.focus();
                    },
                  },
                },
                o.icon ?? null,
                labelOf(o),
              ),
            )),
      );
    };
    search.addEventListener("input", fill);
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        list.querySelector("button.select-option")?.click();
      }
    });
    fill();
    popover(field, h("div", { class: "select-panel" }, options.length > 6 || multi ? search : null, list), {
      matchWidth: true,
      role: "dialog",
    });
    if (options.length > 6 || multi) search.focus();
  };
  field.addEventListener("click", open);
  field.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " " || event.key === "ArrowDown") {
      event.preventDefault();
      open();
    }
  });
  draw();
  return {
    el: field,
    get: () => (multi ? [...value] : value),
    set: (next) => {
      value = multi ? [...(next ?? [])] : (next ?? null);
      draw();
    },
  };
}

/** A dialog over everything; resolves true when confirmed. */
export function confirmDialog({ title, html, confirm, deny, danger = false }) {
  return new Promise((resolve) => {
    const finish = (answer) => {
      overlay.remove();
      document.removeEventListener("keydown", onKey, true);
      resolve(answer);
    };
    const onKey = (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        finish(false);
      }
    };
    const overlay = h(
      "div",
      { class: "overlay confirm-overlay" },
      h(
        "div",
        {
          class: "dialog confirm",
          attrs: { role: "alertdialog", "aria-modal": "true", "aria-label": title },
        },
        h("div", { class: "dialog-header" }, h("h2", { text: title })),
        h("div", { class: "dialog-body", html }),
        h(
          "div",
          { class: "dialog-footer" },
          h("button", {
            class: "btn",
            text: deny,
            attrs: { type: "button" },
            on: { click: () => finish(false) },
          }),
          h("button", {
            class: `btn ${danger ? "danger" : "primary"}`,
            text: confirm,
            attrs: { type: "button" },
            on: { click: () => finish(true) },
          }),
        ),
      ),
    );
    document.addEventListener("keydown", onKey, true);
    document.body.append(overlay);
    overlay.querySelector(".dialog-footer .btn:last-child")?.focus();
  });
}

/** A short message at the bottom of the screen. */
export function toast(text, kind = "info") {
  const el = h("div", { class: `toast ${kind}`, text, attrs: { role: "status" } });
  document.body.append(el);
  setTimeout(() => el.classList.add("leaving"), 4500);
  setTimeout(() => el.remove(), 5000);
}
