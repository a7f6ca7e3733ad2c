import { type Catalogue, format, type Locale, pick } from '../i18n';
import { isStorageOutage } from '../storage/errors';

const text: Catalogue<{ storage: string; generic: string }> = {
  nb: {
    storage: 'Beklager, jeg får ikke lagret eller hentet noe akkurat nå. Prøv igjen om litt – det du sendte er ikke lagret. (Feilkode {id})',
    generic: 'Beklager, noe gikk galt hos meg. Prøv igjen om litt. Hvis det skjer igjen, gi feilkoden {id} til SLT-koordinatoren.',
  },
  en: {
    storage: 'Sorry, I cannot store or read anything right now. Please try again shortly — what you sent was not saved. (Error code {id})',
    generic: 'Sorry, something went wrong on my side. Please try again shortly. If it happens again, give the error code {id} to the SLT coordinator.',
  },
};

/** The short apology a user sees for an unexpected failure, with the correlation id. */
export function apology(err: unknown, correlationId: string, locale: Locale): string {
  const t = pick(locale, text);
  return format(isStorageOutage(err) ? t.storage : t.generic, { id: correlationId });
}
