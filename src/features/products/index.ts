export { register } from "./listeners.js";
export { type ProductMessages, productMessages } from "./messages.js";
export { keyPointsOf, tagOf } from "./rules.js";
export { type Product, productKey } from "./schema.js";
export { addProduct, type ProductInput, resolveProductTag } from "./service.js";
export { findProduct, findProducts, listProducts } from "./store.js";
