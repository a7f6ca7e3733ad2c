import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/actions';
import { AGE_GROUPS, LEGACY_AGE_GROUPS } from '../../../src/domain/trends';
import { AGE_GROUP_LABELS } from '../../../src/i18n/trends';
import { trendFormCard } from '../../../src/views/trend';
import { allElements } from '../../support/card-reading';

/** Trend age groups that compare with the police's bands (issue 16), and the older ones kept. */
describe('trend age groups', () => {
  const example = { focusArea: 'drugs', direction: 'new', description: 'Mer snus i friminuttene', service: 'school' };

  it('offers 10–12, 13–14, 15–17, 18–23 and «alle aldre» on the form, and no longer the overlapping groups', () => {
    const card = trendFormCard('nb', { values: {}, errors: [], focusAreas: [], canEditAreas: false, formId: 'f' });
    const choiceSet = allElements(card).find((e) => e.id === 'ageGroup') as unknown as { choices: { title: string; value: string }[] };
    expect(choiceSet.choices.map((c) => c.title)).toEqual(['10–12 år', '13–14 år', '15–17 år', '18–23 år', 'alle aldre']);
  });

  it('still accepts an older group from a card posted before the change, and names it as it was', () => {
    for (const ageGroup of [...AGE_GROUPS, ...LEGACY_AGE_GROUPS]) expect(ACTIONS['trend.submit'].schema.safeParse({ ...example, ageGroup }).success).toBe(true);
    expect(ACTIONS['trend.submit'].schema.safeParse({ ...example, ageGroup: '13-17' }).success).toBe(false);
    expect(AGE_GROUP_LABELS.nb['13-16']).toBe('13–16 år');
    expect(AGE_GROUP_LABELS.en['16-18']).toBe('16–18 years');
  });
});
