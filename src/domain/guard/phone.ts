import { type Finding, finding } from './types';

// Country prefix variants: +47, 0047, +47 (0), (+47).
const PREFIX = String.raw`(?:(?:\+|00)\s?47[\s-]?(?:\(0\)\s?)?|\(\+47\)\s?)`;
// Norwegian subscriber numbers are 8 digits. First digit 4/9 = mobile, 2/3/5/6/7 = landline. Numbers
// starting with 8 are service numbers (800 freephone, 810/815/820 shared cost) that belong to
// organisations such as Kors på halsen, not to persons, so they are deliberately not flagged.
// A run of up to four digit groups is a candidate; GROUPINGS then decides (see isPhoneShape).
const BODY = String.raw`[2-79]\d{0,8}(?:[ .-]\d{1,8}){0,3}`;
const PHONE = new RegExp(String.raw`(?<![\d+/.,:])(?<!\d[ -])(?<prefix>${PREFIX})?(?<body>${BODY})(?![\d])(?![ -]\d)(?![.,]\d)`, 'g');
// The groupings people actually write: 8 digits, 3-2-3, 2-2-2-2, 4-4, 3-5 ("912 34567") and 3-3-2.
// Not 2-3-3: "25 000 000" is a sum of money written with thousands separators.
const GROUPINGS = new Set(['8', '3-2-3', '2-2-2-2', '4-4', '3-5', '3-3-2']);

/**
 * Whether the digit groups form a phone number. Spaces and hyphens may be mixed ("912-34 567"); dots
 * only throughout and only in the classic 3-2-3 and 2-2-2-2 ("912.34.567"), since "12.06.2025" and
 * "1.500.000" use dots too.
 */
function isPhoneShape(body: string): boolean {
  const groups = body.split(/[ .-]/);
  const shape = groups.map((g) => g.length).join('-');
  if (!GROUPINGS.has(shape)) return false;
  const separators = body.replace(/\d/g, '');
  if (!separators.includes('.')) return true;
  return /^\.+$/.test(separators) && (shape === '3-2-3' || shape === '2-2-2-2');
}

/** Amounts such as "kr 25000000" or "12345678 kroner" are money, not phones; "kl. 2000-2300" is a time. */
const MONEY_BEFORE = /(?:\bkr\.?|\bNOK|\bkl\.?)\s?$/i;
// ... and a run of numbers followed by a count noun is a row of counts: "41 23 45 67 saker".
const MONEY_AFTER = /^\s?(?:kr\b|kroner\b|NOK\b|%|prosent\b|percent\b)/i;
const COUNT_AFTER = /^\s(?:saker|elever|personer|ungdommer|barn|anmeldelser|tilfeller|meldinger|cases|students|pupils|people|reports|incidents)\b/iu;
const YEAR = /^(?:19|20)\d\d$/;

// Statistics pasted from reports ("2021 2022 2023 2024 / Asker 27 12 15 17 / Bærum 24 33 14 30") have
// rows shaped like a landline written 2-2-2-2. In table-like text that shape needs a cue word to count.
const YEAR_ROW = /(?:19|20)\d\d(?:[ \t]{1,3}(?:19|20)\d\d){2}/;
const NUMBER_ROW = /(?<![\d.,])\d{1,4}(?:[ \t]{1,3}\d{1,4}){3,40}(?![\d.,])/g;
const CUE_BEFORE = /(?:tlf|telefon|mobil|mob|nummer|nummeret|nr|ring|ringe|sms|phone|number|call|tel|text|mobile)\.?:?\s*$/i;

function looksLikeTable(text: string): boolean {
  if (YEAR_ROW.test(text)) return true;
  const rows = [...text.matchAll(NUMBER_ROW)].map((m) => m[0].split(/[ \t]+/).length);
  return rows.some((n) => n > 4) || rows.length >= 3;
}

// Public helplines and services with an ordinary 8-digit number: they name an organisation, not a
// person. (Numbers starting with 8, the three-digit emergency numbers, 116 xxx and 02800 are never
// phone-shaped here.) Kirkens SOS, Giftinformasjonen, Rustelefonen.
const PUBLIC_NUMBERS = new Set(['22400040', '22591300', '91508588']);

/** Finds Norwegian phone numbers with or without +47/0047 and in common spacing variants. */
export function findPhones(text: string): Finding[] {
  const out: Finding[] = [];
  const table = looksLikeTable(text);
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isPhoneShape(m.groups?.body ?? '')) continue;
    if (MONEY_BEFORE.test(text.slice(Math.max(0, start - 5), start))) continue;
    if (MONEY_AFTER.test(text.slice(end, end + 10)) || COUNT_AFTER.test(text.slice(end, end + 14))) continue;
    // "2023 2024" has the 4-4 shape of a phone number but is two years.
    const groups = m[0].replace(/^\D+/, '').split(/[ -]/);
    const prefixed = m.groups?.prefix !== undefined;
    if (!prefixed && groups.length === 2 && groups.every((g) => YEAR.test(g))) continue;
    if (!prefixed && groups.length >= 2 && table && !CUE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) continue;
    if (!prefixed && PUBLIC_NUMBERS.has((m.groups?.body ?? '').replace(/\D/g, ''))) continue;
    out.push(finding('phone', text, start, end));
  }
  return out;
}
