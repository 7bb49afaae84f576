/**
 * Hand-written Block Kit checks: the documented limits (see block-kit-limits.json in the
 * reference data) and the surface rules that a JSON Schema cannot express (unique ids,
 * 50 blocks per message, input blocks only in modals, ...). Needs no reference data.
 *
 * Error strings follow Slack's wording: `<message> [json-pointer:<pointer>]`.
 */

export type Surface = "message" | "modal" | "home";

/** Slack's documented numbers, one place. */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  privateMetadata: 3000,
  callbackId: 255,
  externalId: 255,
  actionId: 255,
  blockId: 255,
  selectOptions: 100,
  selectOptionGroups: 100,
  choiceOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  actionsElements: 25,
  contextElements: 10,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  markdownBlockText: 12000,
  imageAltText: 2000,
  imageUrl: 3000,
  /** Whole view JSON, bytes (Slack answers `view_too_large`). */
  viewBytes: 250_000,
} as const;

type Kind =
  | "element"
  | "context_element"
  | "field"
  | "option_select"
  | "option_overflow"
  | "option_choice"
  | "option_group"
  | "confirm";

interface TextRule {
  key: string;
  max: number;
  plainOnly?: boolean;
  required?: boolean;
}
interface StringRule {
  key: string;
  max: number;
  required?: boolean;
}
interface ListRule {
  key: string;
  of: Kind;
  max: number;
  min?: number;
}
interface ObjectRule {
  key: string;
  of: Kind;
  required?: boolean;
}
interface Shape {
  texts?: TextRule[];
  strings?: StringRule[];
  lists?: ListRule[];
  objects?: ObjectRule[];
  /** action_id must be unique among the elements of these lists. */
  uniqueActionIdsIn?: string;
}
interface BlockShape extends Shape {
  surfaces?: readonly Surface[];
}

const L = BLOCK_KIT_LIMITS;
const placeholder: TextRule = { key: "placeholder", max: L.placeholder, plainOnly: true };
const confirm: ObjectRule = { key: "confirm", of: "confirm" };

/** Every block type Slack knows (unknown ones are `unsupported type`). */
export const BLOCK_SHAPES: Readonly<Record<string, BlockShape>> = {
  section: {
    texts: [{ key: "text", max: L.sectionText }],
    lists: [{ key: "fields", of: "field", max: L.sectionFields, min: 1 }],
    objects: [{ key: "accessory", of: "element" }],
  },
  header: { texts: [{ key: "text", max: L.headerText, plainOnly: true, required: true }] },
  actions: {
    lists: [{ key: "elements", of: "element", max: L.actionsElements, min: 1 }],
    uniqueActionIdsIn: "elements",
  },
  context: { lists: [{ key: "elements", of: "context_element", max: L.contextElements, min: 1 }] },
  input: {
    surfaces: ["modal"],
    texts: [
      { key: "label", max: L.inputLabel, plainOnly: true, required: true },
      { key: "hint", max: L.inputHint, plainOnly: true },
    ],
    objects: [{ key: "element", of: "element", required: true }],
  },
  image: {
    texts: [{ key: "title", max: 2000, plainOnly: true }],
    strings: [
      { key: "alt_text", max: L.imageAltText, required: true },
      { key: "image_url", max: L.imageUrl },
    ],
  },
  video: {
    texts: [
      { key: "title", max: 200, plainOnly: true, required: true },
      { key: "description", max: 200, plainOnly: true },
    ],
    strings: [{ key: "alt_text", max: L.imageAltText, required: true }],
  },
  markdown: { strings: [{ key: "text", max: L.markdownBlockText, required: true }] },
  divider: {},
  rich_text: {},
  file: {},
  table: {},
  alert: {},
  card: {},
  carousel: {},
  container: {},
  context_actions: {},
  data_table: {},
  data_visualization: {},
  plan: {},
  task_card: {},
};

const selectShape: Shape = { texts: [placeholder], objects: [confirm] };
const staticSelectShape: Shape = {
  texts: [placeholder],
  lists: [
    { key: "options", of: "option_select", max: L.selectOptions, min: 1 },
    { key: "option_groups", of: "option_group", max: L.selectOptionGroups, min: 1 },
    { key: "initial_options", of: "option_select", max: L.selectOptions },
  ],
  objects: [{ key: "initial_option", of: "option_select" }, confirm],
};

/** Interactive and display elements. */
export const ELEMENT_SHAPES: Readonly<Record<string, Shape>> = {
  button: {
    texts: [{ key: "text", max: L.buttonText, plainOnly: true, required: true }],
    strings: [
      { key: "value", max: L.buttonValue },
      { key: "url", max: L.buttonUrl },
      { key: "accessibility_label", max: 75 },
    ],
    objects: [confirm],
  },
  workflow_button: { texts: [{ key: "text", max: L.buttonText, plainOnly: true, required: true }] },
  static_select: staticSelectShape,
  multi_static_select: staticSelectShape,
  external_select: { ...selectShape, objects: [{ key: "initial_option", of: "option_select" }, confirm] },
  multi_external_select: selectShape,
  users_select: selectShape,
  multi_users_select: selectShape,
  conversations_select: selectShape,
  multi_conversations_select: selectShape,
  channels_select: selectShape,
  multi_channels_select: selectShape,
  overflow: {
    lists: [{ key: "options", of: "option_overflow", max: L.overflowOptions, min: 1 }],
    objects: [confirm],
  },
  checkboxes: {
    lists: [
      { key: "options", of: "option_choice", max: L.choiceOptions, min: 1 },
      { key: "initial_options", of: "option_choice", max: L.choiceOptions },
    ],
    objects: [confirm],
  },
  radio_buttons: {
    lists: [{ key: "options", of: "option_choice", max: L.choiceOptions, min: 1 }],
    objects: [{ key: "initial_option", of: "option_choice" }, confirm],
  },
  datepicker: selectShape,
  timepicker: selectShape,
  datetimepicker: { objects: [confirm] },
  plain_text_input: { texts: [placeholder] },
  email_text_input: { texts: [placeholder] },
  url_text_input: { texts: [placeholder] },
  number_input: { texts: [placeholder] },
  rich_text_input: { texts: [placeholder] },
  file_input: {},
  image: {
    strings: [
      { key: "alt_text", max: L.imageAltText, required: true },
      { key: "image_url", max: L.imageUrl },
    ],
  },
  icon_button: {},
  feedback_buttons: {},
};

const KIND_SHAPES: Readonly<Record<Exclude<Kind, "element" | "context_element" | "field">, Shape>> = {
  option_select: {
    texts: [
      { key: "text", max: L.optionText, plainOnly: true, required: true },
      { key: "description", max: L.optionDescription, plainOnly: true },
    ],
    strings: [{ key: "value", max: L.optionValue, required: true }],
  },
  option_overflow: {
    texts: [
      { key: "text", max: L.optionText, plainOnly: true, required: true },
      { key: "description", max: L.optionDescription, plainOnly: true },
    ],
    strings: [
      { key: "value", max: L.optionValue, required: true },
      { key: "url", max: 3000 },
    ],
  },
  option_choice: {
    texts: [
      { key: "text", max: L.optionText, required: true },
      { key: "description", max: L.optionDescription },
    ],
    strings: [{ key: "value", max: L.optionValue, required: true }],
  },
  option_group: {
    texts: [{ key: "label", max: L.optionText, plainOnly: true, required: true }],
    lists: [{ key: "options", of: "option_select", max: L.selectOptions, min: 1 }],
  },
  confirm: {
    texts: [
      { key: "title", max: L.confirmTitle, plainOnly: true, required: true },
      { key: "text", max: L.confirmText, required: true },
      { key: "confirm", max: L.confirmButton, plainOnly: true, required: true },
      { key: "deny", max: L.confirmButton, plainOnly: true, required: true },
    ],
  },
};

/** View-level fields per view type. */
const VIEW_SHAPES: Readonly<Record<"modal" | "home", Shape>> = {
  modal: {
    texts: [
      { key: "title", max: L.viewTitle, plainOnly: true, required: true },
      { key: "submit", max: L.viewSubmit, plainOnly: true },
      { key: "close", max: L.viewClose, plainOnly: true },
    ],
    strings: [
      { key: "private_metadata", max: L.privateMetadata },
      { key: "callback_id", max: L.callbackId },
      { key: "external_id", max: L.externalId },
    ],
  },
  home: {
    strings: [
      { key: "private_metadata", max: L.privateMetadata },
      { key: "callback_id", max: L.callbackId },
      { key: "external_id", max: L.externalId },
    ],
  },
};

export class ErrorList {
  readonly errors: string[] = [];
  add(pointer: string, message: string): void {
    this.errors.push(`${message} [json-pointer:${pointer}]`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkTextObject(value: unknown, ptr: string, rule: TextRule, out: ErrorList): void {
  if (!isRecord(value)) {
    out.add(ptr, "must provide an object");
    return;
  }
  const type = value.type;
  if (type === undefined) {
    out.add(ptr, "missing required field: type");
  } else if (type !== "plain_text" && !(type === "mrkdwn" && !rule.plainOnly)) {
    out.add(`${ptr}/type`, `unsupported type: ${String(type)}`);
  }
  const text = value.text;
  if (text === undefined) {
    out.add(ptr, "missing required field: text");
  } else if (typeof text !== "string") {
    out.add(`${ptr}/text`, "must provide a string");
  } else if (text.length === 0) {
    out.add(`${ptr}/text`, "must be more than 0 characters");
  } else if (text.length > Math.min(rule.max, L.textObject)) {
    out.add(`${ptr}/text`, `must be less than ${Math.min(rule.max, L.textObject) + 1} characters`);
  }
}

function checkId(value: unknown, ptr: string, max: number, out: ErrorList): void {
  if (value === undefined) return;
  if (typeof value !== "string") out.add(ptr, "must provide a string");
  else if (value.length === 0) out.add(ptr, "must be more than 0 characters");
  else if (value.length > max) out.add(ptr, `must be less than ${max + 1} characters`);
}

function checkShape(obj: Record<string, unknown>, ptr: string, shape: Shape, out: ErrorList): void {
  for (const rule of shape.texts ?? []) {
    const v = obj[rule.key];
    if (v === undefined) {
      if (rule.required) out.add(ptr, `missing required field: ${rule.key}`);
      continue;
    }
    checkTextObject(v, `${ptr}/${rule.key}`, rule, out);
  }
  for (const rule of shape.strings ?? []) {
    const v = obj[rule.key];
    if (v === undefined) {
      if (rule.required) out.add(ptr, `missing required field: ${rule.key}`);
      continue;
    }
    if (typeof v !== "string") out.add(`${ptr}/${rule.key}`, "must provide a string");
    else if (v.length === 0) out.add(`${ptr}/${rule.key}`, "must be more than 0 characters");
    else if (v.length > rule.max)
      out.add(`${ptr}/${rule.key}`, `must be less than ${rule.max + 1} characters`);
  }
  for (const rule of shape.lists ?? []) {
    const v = obj[rule.key];
    if (v === undefined) continue;
    const lptr = `${ptr}/${rule.key}`;
    if (!Array.isArray(v)) {
      out.add(lptr, "must provide an array");
      continue;
    }
    if (rule.min !== undefined && v.length < rule.min)
      out.add(lptr, `must provide at least ${rule.min} items`);
    if (v.length > rule.max) out.add(lptr, `no more than ${rule.max} items allowed`);
    v.forEach((item, i) => {
      checkKind(rule.of, item, `${lptr}/${i}`, out);
    });
  }
  for (const rule of shape.objects ?? []) {
    const v = obj[rule.key];
    if (v === undefined) {
      if (rule.required) out.add(ptr, `missing required field: ${rule.key}`);
      continue;
    }
    checkKind(rule.of, v, `${ptr}/${rule.key}`, out);
  }
  if (shape.uniqueActionIdsIn !== undefined) {
    const list = obj[shape.uniqueActionIdsIn];
    if (Array.isArray(list)) {
      const seen = new Set<string>();
      list.forEach((el, i) => {
        if (!isRecord(el) || typeof el.action_id !== "string") return;
        if (seen.has(el.action_id)) {
          out.add(
            `${ptr}/${shape.uniqueActionIdsIn}/${i}/action_id`,
            `action_id must be unique within the block ("${el.action_id}" repeats)`,
          );
        }
        seen.add(el.action_id);
      });
    }
  }
}

function checkElement(value: unknown, ptr: string, out: ErrorList): void {
  if (!isRecord(value)) {
    out.add(ptr, "must provide an object");
    return;
  }
  const type = value.type;
  if (typeof type !== "string") {
    out.add(ptr, "missing required field: type");
    return;
  }
  const shape = ELEMENT_SHAPES[type];
  if (shape === undefined) {
    out.add(`${ptr}/type`, `unsupported type: ${type}`);
    return;
  }
  checkId(value.action_id, `${ptr}/action_id`, L.actionId, out);
  checkShape(value, ptr, shape, out);
}

function checkKind(kind: Kind, value: unknown, ptr: string, out: ErrorList): void {
  switch (kind) {
    case "element":
      checkElement(value, ptr, out);
      return;
    case "field":
      checkTextObject(value, ptr, { key: "", max: L.sectionFieldText }, out);
      return;
    case "context_element":
      if (isRecord(value) && value.type === "image") checkElement(value, ptr, out);
      else checkTextObject(value, ptr, { key: "", max: L.textObject }, out);
      return;
    default: {
      if (!isRecord(value)) {
        out.add(ptr, "must provide an object");
        return;
      }
      checkShape(value, ptr, KIND_SHAPES[kind], out);
    }
  }
}

function checkBlock(block: unknown, ptr: string, surface: Surface, out: ErrorList): void {
  if (!isRecord(block)) {
    out.add(ptr, "must provide an object");
    return;
  }
  const type = block.type;
  if (typeof type !== "string") {
    out.add(ptr, "missing required field: type");
    return;
  }
  const shape = BLOCK_SHAPES[type];
  if (shape === undefined) {
    out.add(`${ptr}/type`, `unsupported type: ${type}`);
    return;
  }
  if (shape.surfaces !== undefined && !shape.surfaces.includes(surface)) {
    out.add(
      `${ptr}/type`,
      `${type} blocks are not allowed in ${surface === "home" ? "Home tabs" : "messages"}`,
    );
  }
  checkId(block.block_id, `${ptr}/block_id`, L.blockId, out);
  if (type === "section" && block.text === undefined && block.fields === undefined) {
    out.add(ptr, "must provide text or fields");
  }
  checkShape(block, ptr, shape, out);
}

/** Checks a blocks array of the given surface; `ptr` is where it sits (`/blocks`, `/view/blocks`). */
export function checkBlocks(blocks: unknown, ptr: string, surface: Surface, out: ErrorList): void {
  if (!Array.isArray(blocks)) {
    out.add(ptr, "must provide an array");
    return;
  }
  const max = surface === "message" ? L.blocksPerMessage : L.blocksPerView;
  if (blocks.length > max) out.add(ptr, `no more than ${max} items allowed`);
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    checkBlock(block, `${ptr}/${i}`, surface, out);
    if (isRecord(block) && typeof block.block_id === "string") {
      if (seen.has(block.block_id)) {
        out.add(
          `${ptr}/${i}/block_id`,
          `block_id must be unique within the ${surface === "message" ? "message" : "view"} ("${block.block_id}" repeats)`,
        );
      }
      seen.add(block.block_id);
    }
  });
}

/** Byte size of a view as Slack measures it (its JSON). */
export function viewByteSize(view: unknown): number {
  return Buffer.byteLength(JSON.stringify(view ?? null), "utf8");
}

/** Checks a modal or home view (pointers under `/view`). */
export function checkView(view: unknown, out: ErrorList): void {
  const ptr = "/view";
  if (!isRecord(view)) {
    out.add(ptr, "must provide an object");
    return;
  }
  const type = view.type;
  if (type === undefined) {
    out.add(ptr, "missing required field: type");
    return;
  }
  if (type !== "modal" && type !== "home") {
    out.add(`${ptr}/type`, `unsupported type: ${String(type)}`);
    return;
  }
  checkShape(view, ptr, VIEW_SHAPES[type], out);
  for (const key of ["clear_on_close", "notify_on_close", "submit_disabled"]) {
    const v = view[key];
    if (v !== undefined && typeof v !== "boolean") out.add(`${ptr}/${key}`, "must provide a boolean");
  }
  if (view.blocks === undefined) {
    out.add(ptr, "missing required field: blocks");
  } else {
    checkBlocks(view.blocks, `${ptr}/blocks`, type, out);
  }
  if (type === "modal" && view.submit === undefined && Array.isArray(view.blocks)) {
    const i = view.blocks.findIndex((b) => isRecord(b) && b.type === "input");
    if (i >= 0) out.add(`${ptr}/blocks/${i}/input`, "must define `submit` to use an `input` block in modals");
  }
  const size = viewByteSize(view);
  if (size > L.viewBytes) {
    out.add(ptr, `must be no larger than ${L.viewBytes} bytes, is ${size} (view_too_large)`);
  }
}
