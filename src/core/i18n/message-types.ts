/** A plural message: one form per `Intl.PluralRules` category its language uses. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A message: plain text with `{name}` placeholders, or plural forms. */
export type Message = string | Plural;

/** Another language's table for the English table `T`: the same keys, plural where English is. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Plural };
