import type { Actor } from "../../platform/access/index.js";
import type { Deps } from "../../platform/deps.js";
import { UserError } from "../../platform/slack/index.js";
import { type Problem, validateProduct } from "./rules.js";
import type { Product } from "./schema.js";
import { addProduct, changeProduct, teamForAdd } from "./service.js";

/** What the product modal submits, already read from the view state and its metadata. */
export interface ProductForm {
  teamId: number;
  /** Null for a new product. */
  productId: number | null;
  /** The product's fingerprint when the form opened. */
  opened: string | null;
  name: string;
  keyPoints: string;
}

export type FormResult =
  | { ok: true; product: Product; created: boolean; previousTag: string | null }
  | { ok: false; errors: Record<string, Problem> };

/** A UserError about one field becomes that field's error; anything else is not the form's business. */
function asFieldError(error: unknown): FormResult {
  if (error instanceof UserError && error.field) {
    return {
      ok: false,
      errors: { [error.field]: { key: error.key, params: error.params as Record<string, unknown> } },
    };
  }
  throw error;
}

/**
 * Saves the product modal: a new product on the team's list, or the change to one. Every problem with the
 * name or the key points lands on its field; refusals and stale forms are the listener's to show.
 */
export async function saveForm(deps: Deps, actor: Actor, form: ProductForm): Promise<FormResult> {
  const checked = validateProduct(form);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  try {
    if (form.productId === null) {
      const team = await teamForAdd(deps, actor, form.teamId);
      const product = await addProduct(deps, actor, team, form);
      return { ok: true, product, created: true, previousTag: null };
    }
    const change = await changeProduct(deps, actor, form.productId, form.opened ?? "", form);
    return { ok: true, product: change.product, created: false, previousTag: change.previousTag };
  } catch (error) {
    return asFieldError(error);
  }
}
