import {
  type Catalog,
  type Catalogs,
  createTranslator,
  intlLocaleFor,
  type Language,
  languageOf,
  type Translator,
} from "../i18n/index.js";
import type { Log } from "../log.js";
import type { UserDirectory } from "./users.js";

/** The translator for a person: their Slack locale, else the fallback (e.g. the team's language). */
export async function translatorFor<C extends Catalog>(
  deps: { users: UserDirectory; log: Log },
  messages: Catalogs<C>,
  userId: string,
  fallback: Language = "en",
): Promise<Translator<C>> {
  let slackLocale: string | null = null;
  try {
    slackLocale = (await deps.users.get(userId))?.locale ?? null;
  } catch (error) {
    deps.log.warn(`could not read the locale of ${userId}; answering in ${fallback}`, error);
  }
  const language = languageOf(slackLocale) ?? fallback;
  return createTranslator(messages, language, intlLocaleFor(language, slackLocale));
}

/** The translator for a language, with its usual locale: posts to a team channel speak the team's. */
export function translatorIn<C extends Catalog>(messages: Catalogs<C>, language: Language): Translator<C> {
  return createTranslator(messages, language, intlLocaleFor(language));
}
