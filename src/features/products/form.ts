import type { RequestContext } from "../../platform/context.js";
import { asFieldError, type FormResult } from "../../platform/slack/index.js";
import { validateProduct } from "./rules.js";
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

export type ProductFormResult = FormResult<{
  product: Product;
  created: boolean;
  previousTag: string | null;
}>;

/**
 * Saves the product modal: a new product on the team's list, or the change to one. Every problem with the
 * name or the key points lands on its field; refusals and stale forms are the listener's to show.
 */
export async function saveForm(ctx: RequestContext, form: ProductForm): Promise<ProductFormResult> {
  const checked = validateProduct(form);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  try {
    if (form.productId === null) {
      const team = await teamForAdd(ctx, form.teamId);
      const product = await addProduct(ctx, team, form);
      return { ok: true, product, created: true, previousTag: null };
    }
    const change = await changeProduct(ctx, form.productId, form.opened ?? "", form);
    return { ok: true, product: change.product, created: false, previousTag: change.previousTag };
  } catch (caught) {
    return asFieldError(caught);
  }
}
