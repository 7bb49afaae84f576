/**
 * Block Kit JSON Schema validation (TightknitAI's schema, JSON Schema 2020-12) with
 * errors phrased the way Slack phrases them.
 *
 * The schema models every union (`block`, `text_object`, element lists) as `oneOf`.
 * A failing `oneOf` makes ajv report the errors of every branch, which is noise: a
 * section whose text is too long would also be told it is not a header, not a divider...
 * So, once at load time, every union whose branches are told apart by their `type`
 * property is rewritten into `if type is X then <branch X>` clauses. Then only the
 * branch the data claims to be reports errors, like Slack does:
 *   failed to match all allowed schemas [json-pointer:/blocks/0/text]
 *   must be less than 3001 characters [json-pointer:/blocks/0/text/text]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

export const BLOCK_KIT_SCHEMA_FILE = "schemas/tightknit-slack-block-kit.schema.json";

/** A compiled Block Kit schema; build with `loadBlockKitSchema(referenceDir)`. */
export interface BlockKitSchema {
  /** Validates one block; errors point below `pointer` (e.g. `/blocks/0`). */
  validateBlock(block: unknown, pointer: string): string[];
  /** Validates a view's own fields (not its blocks) against `$defs.modal_view` / `$defs.home_view`. */
  validateViewShell(view: unknown, kind: "modal" | "home", pointer: string): string[];
  /** Block types the schema knows. */
  readonly blockTypes: readonly string[];
}

type Json = Record<string, unknown>;

/** Marks the if/then clauses this module generates, so their failures can be named. */
const BRANCH_MARK = "x-supervisor-branch";
const UNION_TYPES = "x-supervisor-union-types";

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function defName(ref: unknown): string | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#/$defs/")) return undefined;
  return ref.slice("#/$defs/".length);
}

/** The `type` values a (sub)schema accepts, when it is decided by a const/enum on `type`. */
function discriminator(node: unknown, defs: Json, depth = 0): string[] | undefined {
  if (!isRecord(node) || depth > 10) return undefined;
  const known = node[UNION_TYPES];
  if (Array.isArray(known)) return known.filter((v): v is string => typeof v === "string");
  const ref = defName(node.$ref);
  if (ref !== undefined) return discriminator(defs[ref], defs, depth + 1);
  const props = node.properties;
  if (isRecord(props) && isRecord(props.type)) {
    if (typeof props.type.const === "string") return [props.type.const];
    if (Array.isArray(props.type.enum) && props.type.enum.every((v) => typeof v === "string")) {
      return props.type.enum as string[];
    }
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = node[key];
    if (Array.isArray(branches)) {
      const all: string[] = [];
      for (const b of branches) {
        const d = discriminator(b, defs, depth + 1);
        if (d === undefined) return undefined;
        all.push(...d);
      }
      return all;
    }
  }
  if (Array.isArray(node.allOf)) {
    for (const part of node.allOf) {
      const d = discriminator(part, defs, depth + 1);
      if (d !== undefined) return d;
    }
  }
  return undefined;
}

/** Rewrites discriminated unions in place (see the module comment). */
function rewriteUnions(node: unknown, defs: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteUnions(item, defs);
    return;
  }
  if (!isRecord(node)) return;
  for (const value of Object.values(node)) rewriteUnions(value, defs);
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    const values = branches.map((b) => discriminator(b, defs));
    const flat = values.flatMap((v) => v ?? []);
    const decided = values.every((v) => v !== undefined) && new Set(flat).size === flat.length;
    if (!decided) continue;
    const clauses: Json[] = [
      { type: "object", required: ["type"], properties: { type: { enum: flat } } },
      ...branches.map((branch, i) => ({
        [BRANCH_MARK]: true,
        if: { type: "object", required: ["type"], properties: { type: { enum: values[i] } } },
        // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword here
        then: branch,
      })),
    ];
    node.allOf = [...(Array.isArray(node.allOf) ? node.allOf : []), ...clauses];
    node[UNION_TYPES] = flat;
    delete node[key];
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? "an" : "a";
}

/** One ajv error in Slack's words, or undefined to drop it. */
function slackMessage(e: ErrorObject): string | undefined {
  const p = e.params as Record<string, unknown>;
  const atType = e.instancePath.endsWith("/type");
  switch (e.keyword) {
    case "maxLength":
      return `must be less than ${Number(p.limit) + 1} characters`;
    case "minLength":
      return `must be more than ${Number(p.limit) - 1} characters`;
    case "maxItems":
      return `no more than ${String(p.limit)} items allowed`;
    case "minItems":
      return `must provide at least ${String(p.limit)} items`;
    case "required":
      return `missing required field: ${String(p.missingProperty)}`;
    case "additionalProperties":
      return `invalid additional property: ${String(p.additionalProperty)}`;
    case "type": {
      const t = String(p.type);
      return `must provide ${article(t)} ${t}`;
    }
    case "const":
      return atType ? `unsupported type: ${String(e.data)}` : `must be ${JSON.stringify(p.allowedValue)}`;
    case "enum":
      return atType
        ? `unsupported type: ${String(e.data)}`
        : `must be one of ${JSON.stringify(p.allowedValues)}`;
    case "format":
      return `must be a valid ${String(p.format)}`;
    case "pattern":
      return `must match pattern ${String(p.pattern)}`;
    case "minimum":
    case "exclusiveMinimum":
      return `must be at least ${String(p.limit)}`;
    case "maximum":
    case "exclusiveMaximum":
      return `must be at most ${String(p.limit)}`;
    case "uniqueItems":
      return "must not contain duplicate items";
    case "oneOf":
    case "anyOf":
    case "not":
      return "failed to match all allowed schemas";
    case "if":
      return isRecord(e.parentSchema) && e.parentSchema[BRANCH_MARK] === true
        ? "failed to match all allowed schemas"
        : undefined;
    default:
      return e.message ?? e.keyword;
  }
}

/** ajv errors -> Slack strings; drops the errors of branches inside a failed (non-discriminated) union. */
function toSlackErrors(errors: readonly ErrorObject[] | null | undefined, prefix: string): string[] {
  if (!errors) return [];
  const branchSchemas = new Set<unknown>();
  for (const e of errors) {
    if ((e.keyword === "oneOf" || e.keyword === "anyOf") && Array.isArray(e.schema)) {
      for (const b of e.schema) branchSchemas.add(b);
    }
  }
  const out: string[] = [];
  for (const e of errors) {
    if (branchSchemas.has(e.parentSchema)) continue;
    const msg = slackMessage(e);
    if (msg === undefined) continue;
    const line = `${msg} [json-pointer:${prefix}${e.instancePath}]`;
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
/** ajv-formats is CommonJS; depending on the loader the plugin is the module or its `default`. */
function formatsPlugin(): FormatsPlugin {
  const mod: unknown = addFormatsModule;
  if (typeof mod === "function") return mod as FormatsPlugin;
  if (isRecord(mod) && typeof mod.default === "function") return mod.default as FormatsPlugin;
  throw new Error("ajv-formats did not load");
}

const cache = new Map<string, BlockKitSchema>();

/** Compiles the Block Kit schema from `<referenceDir>/schemas/...` once per directory. */
export function loadBlockKitSchema(referenceDir: string): BlockKitSchema {
  const file = join(referenceDir, BLOCK_KIT_SCHEMA_FILE);
  const cached = cache.get(file);
  if (cached) return cached;
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!isRecord(raw) || !isRecord(raw.$defs) || typeof raw.$id !== "string") {
    throw new Error(`${file} is not the expected Block Kit schema (no $id/$defs)`);
  }
  const schema = structuredClone(raw) as Json & { $defs: Json; $id: string };
  const defs = schema.$defs;

  // Which def validates which block type (read before the unions are rewritten).
  const blockRefs = new Map<string, string>();
  const blockUnion = defs.block;
  if (isRecord(blockUnion) && Array.isArray(blockUnion.oneOf)) {
    for (const branch of blockUnion.oneOf) {
      const name = isRecord(branch) ? defName(branch.$ref) : undefined;
      const types = discriminator(branch, defs);
      if (name !== undefined && types !== undefined) for (const t of types) blockRefs.set(t, name);
    }
  }
  // Views: their blocks are validated one by one (so a bad block is not also a bad view).
  for (const viewDef of ["modal_view", "home_view"]) {
    const v = defs[viewDef];
    if (isRecord(v) && isRecord(v.properties) && isRecord(v.properties.blocks)) {
      v.properties.blocks = { ...v.properties.blocks, items: true };
    }
  }
  rewriteUnions(schema, defs);

  const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
  formatsPlugin()(ajv);
  ajv.addSchema(schema);
  const compiled = new Map<string, ValidateFunction>();
  const getDef = (name: string): ValidateFunction => {
    let fn = compiled.get(name);
    if (!fn) {
      fn = ajv.getSchema(`${schema.$id}#/$defs/${name}`);
      if (!fn) throw new Error(`Block Kit schema has no $defs.${name}`);
      compiled.set(name, fn);
    }
    return fn;
  };

  const result: BlockKitSchema = {
    blockTypes: [...blockRefs.keys()],
    validateBlock(block, pointer) {
      const type = isRecord(block) ? block.type : undefined;
      const name = typeof type === "string" ? blockRefs.get(type) : undefined;
      const fn = getDef(name ?? "block");
      return fn(block) ? [] : toSlackErrors(fn.errors, pointer);
    },
    validateViewShell(view, kind, pointer) {
      const fn = getDef(kind === "modal" ? "modal_view" : "home_view");
      return fn(view) ? [] : toSlackErrors(fn.errors, pointer);
    },
  };
  cache.set(file, result);
  return result;
}
