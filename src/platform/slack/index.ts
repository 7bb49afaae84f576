export {
  actions,
  button,
  channelLink,
  clip,
  context,
  divider,
  escapeMrkdwn,
  fieldsSection,
  header,
  LIMITS,
  linesToSections,
  mention,
  mrkdwn,
  plain,
  section,
} from "./blocks.js";
export { errorRef, type Problem, SlackApiError, UserError } from "./errors.js";
export {
  createSlackGateway,
  GATEWAY_METHODS,
  type OutgoingMessage,
  type SlackChannel,
  type SlackGateway,
  type SlackUser,
} from "./gateway.js";
export {
  type ActionRequest,
  actionListener,
  type CommandRequest,
  commandListener,
  fieldErrors,
  messageModal,
  type Reply,
  readMetadata,
  translatorFor,
  type ViewAnswer,
  type ViewRequest,
  viewListener,
} from "./listen.js";
export { mrkdwnToPlainText } from "./plain-text.js";
export { type Registered, Router } from "./router.js";
export { createUserDirectory, type UserDirectory } from "./users.js";
