// Emoji as Slack's client draws them: pictures, not characters, so they show on a machine without a colour
// emoji font. The pictures are Twemoji's (graphics CC-BY 4.0, Twitter and contributors), from the
// @twemoji/svg package, served by the sandbox at /emoji/<code points>.svg.

// Slack's emoji shortcodes that apps and people use most; unknown ones stay as typed, as in Slack.
export const EMOJI = {
  "+1": "👍",
  "-1": "👎",
  alarm_clock: "⏰",
  arrow_down: "⬇️",
  arrow_right: "➡️",
  arrow_up: "⬆️",
  bar_chart: "📊",
  beach_with_umbrella: "🏖️",
  bell: "🔔",
  books: "📚",
  briefcase: "💼",
  bulb: "💡",
  bust_in_silhouette: "👤",
  busts_in_silhouette: "👥",
  calendar: "📆",
  chart_with_downwards_trend: "📉",
  chart_with_upwards_trend: "📈",
  clap: "👏",
  clipboard: "📋",
  coffee: "☕",
  confetti_ball: "🎊",
  date: "📅",
  dart: "🎯",
  exclamation: "❗",
  eyes: "👀",
  face_with_thermometer: "🤒",
  fire: "🔥",
  "flag-gb": "🇬🇧",
  "flag-se": "🇸🇪",
  "flag-us": "🇺🇸",
  gear: "⚙️",
  grinning: "😀",
  handshake: "🤝",
  heart: "❤️",
  heavy_check_mark: "✔️",
  heavy_plus_sign: "➕",
  hourglass: "⌛",
  hourglass_flowing_sand: "⏳",
  house: "🏠",
  information_source: "ℹ️",
  joy: "😂",
  key: "🔑",
  large_blue_circle: "🔵",
  large_green_circle: "🟢",
  large_orange_circle: "🟠",
  large_red_circle: "🔴",
  large_yellow_circle: "🟡",
  lock: "🔒",
  mag: "🔍",
  mega: "📣",
  memo: "📝",
  money_with_wings: "💸",
  moneybag: "💰",
  muscle: "💪",
  no_entry: "⛔",
  no_entry_sign: "🚫",
  ok_hand: "👌",
  package: "📦",
  palm_tree: "🌴",
  paperclip: "📎",
  partying_face: "🥳",
  pencil: "📝",
  pencil2: "✏️",
  point_right: "👉",
  pray: "🙏",
  pushpin: "📌",
  question: "❓",
  raised_hands: "🙌",
  red_circle: "🔴",
  rocket: "🚀",
  rotating_light: "🚨",
  scroll: "📜",
  seedling: "🌱",
  simple_smile: "🙂",
  slightly_smiling_face: "🙂",
  smile: "😄",
  smiley: "😃",
  sparkles: "✨",
  spiral_calendar_pad: "🗓️",
  star: "⭐",
  star2: "🌟",
  sunny: "☀️",
  tada: "🎉",
  thermometer: "🌡️",
  thinking_face: "🤔",
  thumbsdown: "👎",
  thumbsup: "👍",
  trophy: "🏆",
  wave: "👋",
  warning: "⚠️",
  white_check_mark: "✅",
  x: "❌",
  zap: "⚡",
  zzz: "💤",
};

/**
 * One emoji as Unicode spells it: a character, a sequence with modifiers, a flag, a keycap, a ZWJ family.
 * (A browser without the `v` flag gets a close approximation rather than a page that does not load.)
 */
const AN_EMOJI = (() => {
  try {
    // biome-ignore lint/complexity/useRegexLiterals: a literal with the v flag is a syntax error where unsupported.
    return new RegExp("\\p{RGI_Emoji}", "gv");
  } catch {
    return /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*/gu;
  }
})();

/**
 * The picture of an emoji: its code points in hex joined by "-", the variation selector FE0F left out
 * except in ZWJ sequences (Twemoji's naming).
 */
export function emojiSrc(emoji) {
  const points = [...emoji].map((c) => c.codePointAt(0).toString(16));
  const named = emoji.includes("\u200d") ? points : points.filter((p) => p !== "fe0f");
  return `/emoji/${named.join("-")}.svg`;
}

function pictureHtml(emoji) {
  return `<img class="emoji" src="${emojiSrc(emoji)}" alt="${emoji}" draggable="false">`;
}

/** Draws the emoji in HTML as pictures: in its text only, never inside a tag. */
export function pictures(html) {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(AN_EMOJI, pictureHtml)))
    .join("");
}

/** Replaces known `:shortcode:`s in already-escaped text with their emoji. */
export function emojify(text) {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
}

/** One emoji of the page's own (the tip's bulb, the reply button) as a picture element; `small` in controls. */
export function emojiPicture(emoji, size = "") {
  const img = document.createElement("img");
  img.className = size === "small" ? "emoji small" : "emoji";
  img.src = emojiSrc(emoji);
  img.alt = emoji;
  img.draggable = false;
  return img;
}

// An emoji Twemoji has no picture for stays the character it is.
document.addEventListener(
  "error",
  (event) => {
    const img = event.target;
    if (img instanceof HTMLImageElement && img.classList.contains("emoji")) {
      img.replaceWith(document.createTextNode(img.alt));
    }
  },
  true,
);
