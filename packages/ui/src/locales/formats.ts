/**
 * The `Intl` helpers the bundled locales share: one number format, one plural rule set and one date
 * format per locale, each built once (building an `Intl` formatter costs as much as ~100 formats).
 * Internal to `@roster/ui/locales/*`; not a public entry.
 */

/**
 * A count's wording per CLDR plural category of the locale; `#` stands for the formatted number.
 * `other` is required (the fallback for any category not given).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The formatters of one locale. */
export interface LocaleFormats {
  /** A number in the locale's digits and grouping (`1.240` in German). */
  number: (value: number) => string;
  /** A count in the form of its plural category (`Intl.PluralRules`), `#` replaced by the number. */
  count: (value: number, forms: PluralForms) => string;
  /**
   * The joined and invitation dates (`dateStyle: 'medium'`): in the provider's `locale` when it is a
   * variant of this language (`de-AT` for German), else in this locale's own tag.
   */
  date: (timestamp: number, locale: string | undefined) => string;
  /** An invitation status: the translation when known, else the status with a capital. */
  status: (status: string, known: Record<string, string>) => string;
}

/** The formatters for the locale `tag` (a BCP 47 tag such as `de` or `pt-BR`). */
export function localeFormats(tag: string): LocaleFormats {
  let numbers: Intl.NumberFormat | undefined;
  let plurals: Intl.PluralRules | undefined;
  const dates = new Map<string | undefined, Intl.DateTimeFormat>();
  const language = new Intl.Locale(tag).language;
  const number = (value: number) => {
    numbers ??= new Intl.NumberFormat(tag);
    return numbers.format(value);
  };
  return {
    number,
    count: (value, forms) => {
      plurals ??= new Intl.PluralRules(tag);
      return (forms[plurals.select(value)] ?? forms.other).replace('#', number(value));
    },
    date: (timestamp, locale) => {
      let format = dates.get(locale);
      if (!format) {
        format = new Intl.DateTimeFormat(sameLanguage(locale, language) ? locale : tag, {
          dateStyle: 'medium',
        });
        dates.set(locale, format);
      }
      return format.format(timestamp);
    },
    status: (status, known) => known[status] ?? status.charAt(0).toLocaleUpperCase(tag) + status.slice(1),
  };
}

function sameLanguage(locale: string | undefined, language: string): locale is string {
  if (!locale) return false;
  try {
    return new Intl.Locale(locale).language === language;
  } catch {
    return false;
  }
}
