// Slack's mrkdwn, rendered to HTML safely: every piece of the app's text is HTML-escaped before any markup
// is added, links keep only http(s) and mailto targets, and names come from the workspace, escaped too.
import { emojify, pictures } from "./emoji.js";

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Slack escapes &, < and > in message text; undo that before escaping for HTML. */
function decodeSlack(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * plain_text objects: escaped, with `:shortcodes:` as emoji unless `emoji: false`; emoji characters are
 * drawn as pictures either way, as Slack does.
 */
export function renderPlain(text, emoji = true) {
  const escaped = escapeHtml(String(text ?? ""));
  return pictures(emoji ? emojify(escaped) : escaped);
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

export function personName(person) {
  if (!person) return null;
  return person.displayName || person.realName || person.name;
}

const DATE_TOKENS = {
  date_num: { year: "numeric", month: "2-digit", day: "2-digit" },
  date: { year: "numeric", month: "long", day: "numeric" },
  date_short: { year: "numeric", month: "short", day: "numeric" },
  date_long: { weekday: "long", year: "numeric", month: "long", day: "numeric" },
  date_pretty: { year: "numeric", month: "long", day: "numeric" },
  date_short_pretty: { year: "numeric", month: "short", day: "numeric" },
  date_long_pretty: { weekday: "long", year: "numeric", month: "long", day: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
  time_secs: { hour: "numeric", minute: "2-digit", second: "2-digit" },
};

function formatSlackDate(seconds, format, ctx) {
  const at = new Date(Number(seconds) * 1000);
  if (Number.isNaN(at.getTime())) return null;
  return format.replace(/\{(\w+)\}/g, (whole, token) => {
    const options = DATE_TOKENS[token];
    if (!options) return whole;
    return new Intl.DateTimeFormat(ctx.locale, { ...options, timeZone: ctx.tz }).format(at);
  });
}

/** The HTML of one `<...>` reference: a mention, channel, special mention, date or link. */
function renderReference(body, ctx) {
  const bar = body.indexOf("|");
  const target = bar >= 0 ? body.slice(0, bar) : body;
  const label = bar >= 0 ? decodeSlack(body.slice(bar + 1)) : null;
  if (target.startsWith("@")) {
    const id = target.slice(1);
    const name = personName(ctx.people.get(id)) ?? label ?? id;
    const me = id === ctx.me ? " mention-me" : "";
    return `<span class="mention${me}" data-user="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    const channel = ctx.channels.get(id);
    const name = channel?.name ?? label ?? id;
    return `<a class="channel-link" href="#${escapeHtml(id)}" data-channel="${escapeHtml(id)}">#${escapeHtml(name)}</a>`;
  }
  if (target.startsWith("!")) {
    const special = target.slice(1);
    if (["here", "channel", "everyone"].includes(special)) {
      return `<span class="mention mention-me">@${special}</span>`;
    }
    if (special.startsWith("subteam^")) {
      return `<span class="mention">${escapeHtml(label ?? `@${special.slice(8)}`)}</span>`;
    }
    if (special.startsWith("date^")) {
      const [, seconds, format = "{date}", link] = special.split("^");
      const text = formatSlackDate(seconds, decodeSlack(format), ctx) ?? label ?? "";
      const url = link ? safeUrl(decodeSlack(link)) : null;
      return url
        ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>`
        : escapeHtml(text);
    }
    return escapeHtml(label ?? `@${special}`);
  }
  const url = safeUrl(decodeSlack(target));
  const text = escapeHtml(label ?? decodeSlack(target));
  return url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text;
}

const OPEN = "(^|[\\s([{\"'“‘;\\-\\uE001])";
const CLOSE = "(?=$|[\\s)\\]}\"'”’.,;:!?\\-\\uE000])";

function style(text, marker, tag) {
  const m = `\\${marker}`;
  const pattern = new RegExp(`${OPEN}${m}(?=[^\\s${m}])([^${m}\\n]*?[^\\s${m}])${m}${CLOSE}`, "g");
  return text.replace(pattern, (_whole, lead, inner) => `${lead}<${tag}>${inner}</${tag}>`);
}

/** One line (or a run of lines) of mrkdwn without code blocks. */
function renderInline(text, ctx) {
  const saved = [];
  const keep = (html) => {
    saved.push(html);
    return `\uE000${saved.length - 1}\uE001`;
  };
  let out = text
    .replace(/`([^`\n]+)`/g, (_w, code) => keep(`<code>${escapeHtml(decodeSlack(code))}</code>`))
    .replace(/<([^<>\n]+)>/g, (_w, body) => keep(renderReference(body, ctx)));
  out = escapeHtml(decodeSlack(out));
  out = style(out, "*", "b");
  out = style(out, "_", "i");
  out = style(out, "~", "s");
  out = emojify(out);
  return pictures(out.replace(/\uE000(\d+)\uE001/g, (_w, i) => saved[Number(i)] ?? ""));
}

const LIST_ITEM = /^(\s*)(•|◦|▪|-|\d+[.)])\s+(.*)$/;

/** Lines: quotes (`>`), list items (`•`, `-`, `1.`) and the rest, joined with line breaks. */
function renderLines(text, ctx) {
  const lines = text.split("\n");
  const parts = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    const raw = decodeSlack(line);
    if (raw.startsWith(">>>")) {
      const rest = [line.replace(/^&gt;&gt;&gt;|^>>>/, ""), ...lines.slice(i + 1)].join("\n");
      parts.push({
        block: true,
        html: `<blockquote>${renderLines(rest.replace(/^\s/, ""), ctx)}</blockquote>`,
      });
      break;
    }
    if (raw.startsWith(">")) {
      const quoted = [];
      while (i < lines.length && decodeSlack(lines[i] ?? "").startsWith(">")) {
        quoted.push((lines[i] ?? "").replace(/^(&gt;|>) ?/, ""));
        i += 1;
      }
      parts.push({ block: true, html: `<blockquote>${renderLines(quoted.join("\n"), ctx)}</blockquote>` });
      continue;
    }
    if (LIST_ITEM.test(raw)) {
      const items = [];
      let ordered = false;
      let widest = 0;
      while (i < lines.length && LIST_ITEM.test(decodeSlack(lines[i] ?? ""))) {
        const match = LIST_ITEM.exec(lines[i] ?? "") ?? [];
        const [, indent = "", marker = "", body = ""] = match;
        ordered = /\d/.test(marker);
        if (ordered) widest = Math.max(widest, marker.length);
        const depth = Math.min(3, Math.floor(indent.replace(/\t/g, "    ").length / 4));
        items.push(
          `<li class="depth-${depth}" data-marker="${escapeHtml(ordered ? marker : "•")}">${renderInline(body, ctx)}</li>`,
        );
        i += 1;
      }
      parts.push({
        block: true,
        // The numbers' column is as wide as the longest ("10.", "100."), so the text lines up after it.
        html: `<ul class="mrkdwn-list${ordered ? ` ordered markers-${Math.min(4, Math.max(2, widest))}` : ""}">${items.join("")}</ul>`,
      });
      continue;
    }
    parts.push({ block: false, html: renderInline(line, ctx) });
    i += 1;
  }
  let html = "";
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    if (index > 0 && !part.block && !previous?.block) html += "<br>";
    html += part.html;
  });
  return html;
}

/** Slack mrkdwn to safe HTML. `ctx`: { people: Map, channels: Map, me, tz, locale }. */
export function renderMrkdwn(text, ctx) {
  const source = String(text ?? "").replace(/[\uE000\uE001]/g, "");
  const pieces = source.split(/```([\s\S]*?)```/);
  return pieces
    .map((piece, index) =>
      index % 2 === 1
        ? `<pre class="code-block">${escapeHtml(decodeSlack(piece.replace(/^\n/, "")))}</pre>`
        : renderLines(piece, ctx),
    )
    .join("");
}
