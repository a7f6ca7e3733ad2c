/**
 * What kind of identifying information a finding is. The structured kinds (identity and D-numbers,
 * phone, e-mail, address, social-media handle, vehicle plate) point at one person on their own;
 * `personName` is a name in a person context; `indirect` is a feature that, together with a text
 * about one young person, singles that person out (forvaltningsloven § 13 a no. 2).
 */
export type FindingKind = 'nationalId' | 'dNumber' | 'phone' | 'email' | 'address' | 'handle' | 'plate' | 'personName' | 'indirect';

/**
 * The features that narrow a text about one young person down to that person: a class («8B»), a named
 * school with a year («9. trinn ved Lindeberg skole»), an exact age with a place («en 13-åring fra
 * Tjernlia») or a small group («en 12-åring på laget»), a relation to a role only one person holds
 * («broren til treneren»), being the only one of a kind in a group («den eneste jenta … i klassen»), a
 * role only one person holds («lagkapteinen», «russepresidenten på skolen»), and a home described
 * so it can be found («blokka ved Kiwi», «bor over butikken»).
 */
export type IndirectFeature = 'schoolClass' | 'schoolYear' | 'ageAndPlace' | 'relation' | 'unique' | 'role' | 'dwelling';

/** One identifying piece of text; `start`/`end` are UTF-16 offsets into the screened text (end exclusive). */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
  /** For `indirect` findings: which feature the quoted text is. */
  feature?: IndirectFeature;
}

/** Outcome of screening: `ok` is true when nothing identifying was found. */
export interface ScreenResult {
  ok: boolean;
  findings: Finding[];
}

/** Fixed reporting order: the most clearly identifying kinds first. */
export const FINDING_KINDS: readonly FindingKind[] = ['nationalId', 'dNumber', 'phone', 'email', 'address', 'handle', 'plate', 'personName', 'indirect'];

/** The kinds that identify a person on their own, whatever the text around them says. */
export const STRUCTURED_KINDS: readonly FindingKind[] = ['nationalId', 'dNumber', 'phone', 'email', 'address', 'handle', 'plate'];

/** Builds a finding from a match position, so every detector quotes text the same way. */
export function finding(kind: FindingKind, text: string, start: number, end: number): Finding {
  return { kind, start, end, text: text.slice(start, end) };
}
