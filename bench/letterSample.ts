/**
 * A saldoopgørelse letter of realistic size as blocks, for the PDF benchmark and the screenshot:
 * sender and date, a window-envelope address, a heading, a claims table of six rows, four
 * movements, four paragraphs and a page of payment details: two pages, as most letters are.
 * The words follow core/letters/letterContent.ts; the figures are made up from the number.
 */
import type { Block, LetterDocument, Run } from '../letters/blocks.js';

const NAMES = ['Søren Ærø Ågård', 'Łukasz Kowalski', 'Ayşe Şahin', 'Antonín Dvořák', 'Ődön Kovács', 'Mette Østergaard', 'Bjørn Brændstrup', 'Åse Løvgren'];
const STREETS = ['Æblevej', 'Østergade', 'Nørrebrogade', 'Kærvej', 'Søndre Allé', 'Bøgevænget'];
const TYPES = ['Daginstitution', 'Ejendomsskat', 'Renovation', 'Tilbagebetaling, boligstøtte', 'Vand og vandafledning', 'Skolefritidsordning'];
const STATES = ['Skal betales', 'I betalingsaftale', 'Betalt', 'Skal betales', 'Sendt til Gældsstyrelsen', 'Skal betales'];

const text = (t: string, style: Partial<Run> = {}): Run[] => [{ text: t, ...style }];
const p = (t: string, extra: Partial<Extract<Block, { kind: 'paragraph' }>> = {}): Block => ({ kind: 'paragraph', runs: text(t), ...extra });
/** 1234567 øre → "12.345,67" (Danish thousands and decimals). */
const kroner = (ore: number): string => {
  const kr = Math.floor(ore / 100).toLocaleString('da-DK');
  return `${kr},${String(ore % 100).padStart(2, '0')}`;
};

export function sampleLetter(i: number): LetterDocument {
  const id = `D-${String(i + 1).padStart(5, '0')}`;
  const name = NAMES[i % NAMES.length]!;
  const claims = TYPES.map((type, k) => {
    const opening = 25_000 + ((i * 7919 + k * 104_729) % 1_500_000);
    const closing = STATES[k] === 'Betalt' ? 0 : Math.round(opening * 1.04);
    return [text(`F-${i + 1}-${k + 1}`), text(type), text(STATES[k]!), text(kroner(opening)), text(kroner(closing))];
  });
  const movements: [string, number][] = [
    ['Nye regninger', 812_500 + (i % 97) * 100],
    ['Gebyrer', 25_000],
    ['Renter', 4_137 + (i % 13) * 11],
    ['Du har betalt', 600_000],
  ];
  const blocks: Block[] = [
    p('Eksempel Kommune, Opkrævningen', { align: 'right' }),
    p('Rådhustorvet 1, 9999 Eksempelby · Telefon 99 99 99 99', { align: 'right' }),
    p('31. december 2026', { align: 'right' }),
    { kind: 'paragraph', runs: [] },
    p(name),
    p(`${STREETS[i % STREETS.length]} ${(i % 120) + 1}, ${(i % 4) + 1}. tv.`),
    p(`${8000 + (i % 1000)} Eksempelby`),
    { kind: 'paragraph', runs: [] },
    { kind: 'paragraph', runs: [{ text: 'Debitornummer: ' }, { text: id, bold: true }] },
    p('Saldoopgørelse 2026', { heading: true }),
    p(`Kære ${name}`),
    p(
      'Her er din saldoopgørelse for 2026. Den viser, hvad du skyldte kommunen 1. januar, hvad der er sket i løbet af året, og hvad du skylder 31. december. Opgørelsen omfatter alle dine regninger hos kommunen, også dem der er betalt eller sendt videre.',
    ),
    {
      kind: 'table',
      headerRows: 1,
      align: ['left', 'left', 'left', 'right', 'right'],
      rows: [[text('Fordring', { bold: true }), text('Type', { bold: true }), text('Status', { bold: true }), text('1. januar', { bold: true }), text('31. december', { bold: true })], ...claims],
    },
    p('Det er sket i løbet af året:'),
    { kind: 'table', headerRows: 0, align: ['left', 'right'], rows: movements.map(([label, amount]) => [text(label), text(`${kroner(amount)} kr.`)]) },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Du skal betale ' },
        { text: `${kroner(1_254_321 + i)} kr.`, bold: true },
        { text: ' senest 31. januar 2027. ' },
        { text: 'Betaler du ikke, sender vi en rykker med et gebyr.', italic: true },
      ],
    },
    p(
      'Har du en betalingsaftale, skal du blot fortsætte med at betale som aftalt. Regninger, der er sendt til Gældsstyrelsen, skal du betale til Gældsstyrelsen og ikke til kommunen; de står her kun, så du har det fulde overblik.',
    ),
    p('Mener du, at opgørelsen er forkert, så skriv eller ring til os inden fire uger fra i dag. Oplys dit debitornummer, så finder vi hurtigt din sag. Du kan også se dine regninger på borger.dk.'),
    p('Med venlig hilsen\nOpkrævningen, Eksempel Kommune'),
    { kind: 'pageBreak' },
    p('Sådan betaler du', { heading: true }),
    p('Betal med bankoverførsel til reg.nr. 9999 konto 0001234567. Skriv dit debitornummer i meddelelsen til modtageren, så vi kan se, hvem betalingen er fra.'),
    p('Kan du ikke betale hele beløbet på én gang, så kontakt os: du kan få en betalingsaftale, hvor du betaler et fast beløb hver måned efter din betalingsevne.'),
  ];
  return { id, title: `Saldoopgørelse 2026 – ${id}`, blocks };
}
