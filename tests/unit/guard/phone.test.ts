import { describe, expect, it } from 'vitest';
import { found } from './helpers';

describe('screenText: phone numbers', () => {
  it.each([
    ['Ring 91234567 i kveld.', '91234567'],
    ['Ring 912 34 567 i kveld.', '912 34 567'],
    ['Ring 91 23 45 67 i kveld.', '91 23 45 67'],
    ['Ring +47 91234567 i kveld.', '+47 91234567'],
    ['Ring +4791234567 i kveld.', '+4791234567'],
    ['Ring 0047 912 34 567 i kveld.', '0047 912 34 567'],
    ['Ring (+47) 912 34 567 i kveld.', '(+47) 912 34 567'],
    ['Ring 912-34-567 i kveld.', '912-34-567'],
    ['Ring 9123 4567 i kveld.', '9123 4567'],
    ['Fasttelefon 67 50 12 34.', '67 50 12 34'],
    ['Tlf 912 34567 til mora.', '912 34567'],
    ['Ring +47 912 34567 i kveld.', '+47 912 34567'],
    ['Ring 912 345 67 i kveld.', '912 345 67'],
    ['Tlf: 912-34 567 (mobil).', '912-34 567'],
    ['Ring 912.34.567 i kveld.', '912.34.567'],
    ['Ring 91.23.45.67 i kveld.', '91.23.45.67'],
  ])('finds %s', (text, phone) => {
    expect(found(text, 'phone')).toEqual([phone]);
  });

  it.each([
    'I 2024 var det 250 saker, mot 312 i 2023.',
    '12 elever per uke oppsøker helsesykepleier.',
    'En økning på 45 % siden 2022.',
    'Foreldremøte 17.05.2026 kl. 18:30–20:00.',
    'Ungdom fra 1337 Sandvika og 1356 Bekkestua.',
    'Tall for 2023 2024 viser samme trend.',
    'Tilskudd på kr 12 500 000 og 25000000 kroner.',
    'Organisasjonsnummer 912 345 678.',
    'Kontonummer 1503 12 34567.',
    'Kors på halsen 800 333 21 og Alarmtelefonen 116 111.',
    'Tallene per kategori: 41 23 45 67 saker.',
    'Rammen er 25 000 000 til forebygging.',
    'Foreldremøte 25.12.2025 og tilskudd på 2.500.000.',
    'Kontonummer 2801 12 34567.',
    'Åpent kl. 2000-2300 i helgene.',
    'Versjon 3.2.1.4 av planen.',
  ])('lets %s pass', (text) => {
    expect(found(text, 'phone')).toEqual([]);
  });

  it('reads statistics rows pasted from a report as a table, not as landline numbers', () => {
    const table = 'Utsatte etter bosted: 2021 2022 2023 2024 Asker 27 12 15 17 Bærum 24 33 14 30';
    expect(found(table, 'phone')).toEqual([]);
    expect(found(`${table}. Spørsmål? Ring tlf. 22 33 44 55.`, 'phone')).toEqual(['22 33 44 55']);
  });
});
