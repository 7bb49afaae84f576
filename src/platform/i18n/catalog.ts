/** The languages Supervisor speaks. Every catalog has both, checked by the type system. */
export const LANGUAGES = ["en", "sv"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message is a string or a function of named parameters that returns one. */
export type Message = string | ((params: never) => string);
export type Catalog = Record<string, Message>;
export type Catalogs<C extends Catalog> = Readonly<Record<Language, C>>;

/** The parameters a message takes, as a rest tuple: none for plain strings. */
export type ParamsOf<M> = M extends () => string
  ? []
  : M extends (params: infer P) => string
    ? [params: P]
    : [];

/**
 * Declares a feature's messages in English and Swedish side by side. The Swedish catalog must have
 * exactly the English keys with the same parameters, so a missing translation fails typecheck.
 */
export function defineMessages<const C extends Catalog>(
  en: C,
  sv: NoInfer<{ [K in keyof C]: C[K] extends string ? string : C[K] }>,
): Catalogs<C> {
  return Object.freeze({ en, sv: sv as C });
}

/** Puts several features' catalogs together; keys are namespaced by feature so they do not clash. */
export function mergeMessages<A extends Catalog, B extends Catalog>(
  a: Catalogs<A>,
  b: Catalogs<B>,
): Catalogs<A & B> {
  return Object.freeze({ en: { ...a.en, ...b.en }, sv: { ...a.sv, ...b.sv } });
}

/** Maps a Slack locale such as `sv-SE` or `en-GB` to one of our languages (English when unknown). */
export function languageOf(slackLocale: string | null | undefined): Language | null {
  if (!slackLocale) return null;
  const primary = slackLocale.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? "") ? (primary as Language) : null;
}

const canonicalLocales = new Map<string, string>();

/** The Intl locale to format with: the person's own Slack locale when it is in our language. */
export function intlLocaleFor(language: Language, slackLocale?: string | null): string {
  if (!slackLocale || languageOf(slackLocale) !== language) return defaultIntlLocale[language];
  let canonical = canonicalLocales.get(slackLocale);
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(slackLocale.replace("_", "-"))[0] ?? defaultIntlLocale[language];
    } catch {
      canonical = defaultIntlLocale[language];
    }
    if (canonicalLocales.size < 1000) canonicalLocales.set(slackLocale, canonical);
  }
  return canonical;
}

const defaultIntlLocale: Record<Language, string> = { en: "en-US", sv: "sv-SE" };
