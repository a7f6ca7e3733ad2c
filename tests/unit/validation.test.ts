import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldErrors } from '../../src/app/validation';

const schema = z.object({
  name: z.string().trim().min(1).max(100),
  cadenceWeeks: z.coerce.number().int().min(1).max(26),
  kind: z.enum(['youthTeam', 'board']),
});

function errors(input: Record<string, unknown>, locale: 'nb' | 'en' = 'nb') {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected invalid input');
  return toFieldErrors(parsed.error, locale, input);
}

describe('field-level messages from zod issues', () => {
  it('says a missing field must be filled in', () => {
    expect(errors({ cadenceWeeks: '6', kind: 'board' })).toEqual([{ field: 'name', message: 'Feltet må fylles ut.' }]);
  });

  it('gives the limit and the current length for a too long text', () => {
    expect(errors({ name: 'x'.repeat(10_000), cadenceWeeks: '6', kind: 'board' })).toEqual([{ field: 'name', message: 'Kan ha høyst 100 tegn (nå 10000).' }]);
  });

  it('speaks of numbers, not characters, for a number a card sent as a string', () => {
    expect(errors({ name: 'Vest', cadenceWeeks: '27', kind: 'board' })).toEqual([{ field: 'cadenceWeeks', message: 'Kan være høyst 26.' }]);
    expect(errors({ name: 'Vest', cadenceWeeks: '0', kind: 'board' })).toEqual([{ field: 'cadenceWeeks', message: 'Må være minst 1.' }]);
  });

  it('asks to choose one of the values for an unknown choice, in English too', () => {
    expect(errors({ name: 'Vest', cadenceWeeks: '6', kind: 'party' }, 'en')).toEqual([{ field: 'kind', message: 'Choose one of the given values.' }]);
  });

  it('reports each field once, even with several problems', () => {
    const result = errors({ name: '', cadenceWeeks: 'abc', kind: '' });
    expect(result.map((e) => e.field).sort()).toEqual(['cadenceWeeks', 'kind', 'name']);
  });
});
