export { claimRequest } from "./requests.js";
export { handledRequests } from "./schema.js";
