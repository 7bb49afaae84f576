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
  input,
  LIMITS,
  linesToSections,
  type ModalSpec,
  mention,
  modal,
  mrkdwn,
  plain,
  section,
} from "./blocks.js";
export { SlackApiError } from "./errors.js";
export { slackFetch } from "./fetch.js";
export {
  asFieldError,
  type FormResult,
  fieldErrors,
  messageModal,
  readMetadata,
  restoreForm,
  textValue,
} from "./forms.js";
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
  type ListenerMessages,
  type Reply,
  type ViewAnswer,
  type ViewRequest,
  viewListener,
} from "./listen.js";
export { mrkdwnToPlainText } from "./plain-text.js";
export { type Registered, Router } from "./router.js";
export { type ShowDms, showDms, type TrackedDm } from "./tracked.js";
export { translatorFor, translatorIn } from "./translate.js";
export { decodeEntities, typedText } from "./typed.js";
export { createUserDirectory, type PersonProblem, personProblems, type UserDirectory } from "./users.js";
export { UnknownWorkspaceError, type WorkspaceSlack, Workspaces } from "./workspaces.js";
