export {
  type Catalog,
  type Catalogs,
  defineMessages,
  intlLocaleFor,
  LANGUAGES,
  type Language,
  languageOf,
  mergeMessages,
  type ParamsOf,
} from "./catalog.js";
export { currencyDigits, dateFormat, formatMoney } from "./format.js";
export { type CommonMessages, commonMessages } from "./messages.js";
export { createTranslator, type Translator } from "./translator.js";
