import { describe, expect, it } from 'vitest';
import { MAX_SCREENED_LENGTH, screenFields } from '../../src/app/guard-fields';

describe('screenFields', () => {
  it('names what identifies a person, field by field', () => {
    expect(screenFields({ description: 'Ring 912 34 567.', area: 'Sentrum' }, 'nb')).toEqual([
      {
        field: 'description',
        message:
          'Teksten ser ut til å inneholde personopplysninger: telefonnummer («912 34 567»). SLT drøfter trender, ikke enkeltsaker – fjern det som kan identifisere en person.',
      },
    ]);
  });

  it('refuses a text longer than any field may be for its length, and does not screen it', () => {
    const long = `Ring 912 34 567. ${'a'.repeat(MAX_SCREENED_LENGTH)}`;
    expect(screenFields({ description: long }, 'en')).toEqual([
      { field: 'description', message: `At most ${MAX_SCREENED_LENGTH} characters (now ${long.length}).` },
    ]);
  });
});
