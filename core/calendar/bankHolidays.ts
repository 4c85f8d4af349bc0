/**
 * Danish bank holidays (banklukkedage) as data. Fixed dates and Easter offsets, each with the
 * years it applies to. Source: Danmarks Nationalbank, "Banklukkedage" (lists for 2026 and 2027
 * read 2026-11; research/domain-law.md § 5); store bededag abolished from 2024 (lov nr. 152 af
 * 28.2.2023 om afskaffelse af store bededag som helligdag).
 */
import type { Sourced } from '../rules/sourced.js';

export type HolidayRule =
  { name: string; kind: 'fixed'; month: number; day: number; fromYear?: number; toYear?: number } | { name: string; kind: 'easter'; offset: number; fromYear?: number; toYear?: number };

export const danishBankHolidays: Sourced<readonly HolidayRule[]> = {
  value: [
    { name: 'nytårsdag', kind: 'fixed', month: 1, day: 1 },
    { name: 'skærtorsdag', kind: 'easter', offset: -3 },
    { name: 'langfredag', kind: 'easter', offset: -2 },
    { name: '2. påskedag', kind: 'easter', offset: 1 },
    { name: 'store bededag', kind: 'easter', offset: 26, toYear: 2023 },
    { name: 'Kristi himmelfartsdag', kind: 'easter', offset: 39 },
    { name: 'dagen efter Kristi himmelfartsdag', kind: 'easter', offset: 40 },
    { name: '2. pinsedag', kind: 'easter', offset: 50 },
    { name: 'grundlovsdag', kind: 'fixed', month: 6, day: 5 },
    { name: 'juleaftensdag', kind: 'fixed', month: 12, day: 24 },
    { name: '1. juledag', kind: 'fixed', month: 12, day: 25 },
    { name: '2. juledag', kind: 'fixed', month: 12, day: 26 },
    { name: 'nytårsaftensdag', kind: 'fixed', month: 12, day: 31 },
  ],
  source: 'Danmarks Nationalbank, banklukkedage 2026 og 2027; store bededag kun til og med 2023 (afskaffet ved lov nr. 152 af 28.2.2023)',
  checked: '2026-11-01',
  status: 'verified',
};
