export { type Product, products } from "./schema.js";
