export type { Surface } from "./block-kit.js";
export {
  BLOCK_KIT_LIMITS,
  type BlockKitSchema,
  type BlockKitValidationOptions,
  isViewTooLarge,
  loadBlockKitSchema,
  validateMessageBlocks,
  validateView,
  viewByteSize,
} from "./block-kit.js";
export type { DeliveryResult, ReplyBody, ShownReply } from "./delivery.js";
export {
  type ActionTarget,
  type AppAnswer,
  type AppTarget,
  type BlockActionResult,
  type CloseViewResult,
  type EventResult,
  type ResponseAction,
  type ShortcutResult,
  SlackDriver,
  type SlashCommandInput,
  type SlashCommandResult,
  type SubmitViewInput,
  type SubmitViewResult,
} from "./driver.js";
export { escapeSlashCommandText } from "./escape.js";
export { sendBody } from "./http-body.js";
export { IMPLEMENTED_METHODS, METHOD_REQUIRED_ARGS } from "./methods.js";
export {
  type FakeSlack,
  type FakeSlackOptions,
  type HeldCall,
  type PostLimitCounts,
  type PostLimits,
  type RateLimitSpec,
  type RecordedCall,
  startFakeSlack,
} from "./server.js";
export { signSlackRequest, verifySlackSignature } from "./signing.js";
export { ImpossibleInputError } from "./view-state.js";
export * from "./world.js";
