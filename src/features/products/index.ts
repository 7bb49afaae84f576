export { register } from "./listeners.js";
export { type ProductMessages, productMessages } from "./messages.js";
export { keyPointsOf, tagOf } from "./rules.js";
export { type Product, products } from "./schema.js";
export { addProduct, type ProductInput, resolveProductTag } from "./service.js";
export { findProduct, listProducts } from "./store.js";
