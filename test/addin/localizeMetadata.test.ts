import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localizeMetadata } from '../../addin/build/localizeMetadata.js';

const metadata = {
  functions: [
    { id: 'SCHEDULE', name: 'SCHEDULE', description: 'A schedule', result: { dimensionality: 'matrix' }, parameters: [{ name: 'claims', description: 'Claims', type: 'any' }] },
    { id: 'ISBANKINGDAY', name: 'ISBANKINGDAY', description: 'Is it', parameters: [{ name: 'date', description: 'A date', type: 'any' }] },
  ],
};
const danish = {
  SCHEDULE: { name: 'AFDRAGSPLAN', description: 'En afdragsplan', parameters: { claims: { name: 'fordringer', description: 'Fordringer' } } },
  ISBANKINGDAY: { name: 'ERBANKDAG', description: 'Er det', parameters: { date: { name: 'dato', description: 'En dato' } } },
};

describe('functions-da.json is made from functions.json and the Danish texts', () => {
  it('keeps ids, types and order; replaces names, descriptions and parameter help', () => {
    const da = localizeMetadata(metadata, danish);
    expect(da.functions.map((f: { id: string; name: string }) => [f.id, f.name])).toEqual([
      ['SCHEDULE', 'AFDRAGSPLAN'],
      ['ISBANKINGDAY', 'ERBANKDAG'],
    ]);
    expect(da.functions[0]!.parameters).toEqual([{ name: 'fordringer', description: 'Fordringer', type: 'any' }]);
    expect(da.functions[0]!.result).toEqual({ dimensionality: 'matrix' });
  });
  it('fails the build when a function or a parameter has no Danish text, or a text has no function', () => {
    expect(() => localizeMetadata(metadata, { SCHEDULE: danish.SCHEDULE })).toThrow(/ISBANKINGDAY mangler dansk navn/);
    expect(() => localizeMetadata(metadata, { ...danish, SCHEDULE: { ...danish.SCHEDULE, parameters: {} } })).toThrow(/parameteren claims mangler dansk navn/);
    expect(() => localizeMetadata(metadata, { ...danish, OLD: { name: 'GAMMEL', description: '' } })).toThrow(/ukendt funktion OLD/);
    expect(() => localizeMetadata(metadata, { ...danish, ISBANKINGDAY: { ...danish.ISBANKINGDAY, name: 'AFDRAGSPLAN' } })).toThrow(/brugt to gange/);
  });
  it('the shipped Danish names are Excel-safe: upper case, at least 3 characters, not cell references', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../addin/functions/functions.da.json', import.meta.url), 'utf8')) as Record<string, { name: string }>;
    for (const { name } of Object.values(shipped)) {
      expect(name).toMatch(/^[A-ZÆØÅ][A-ZÆØÅ0-9._]{2,}$/);
      expect(name).not.toMatch(/[._]$/);
      expect(name).not.toMatch(/^[A-Z]{1,3}\d+$/);
    }
    expect(Object.keys(shipped).sort()).toEqual([
      'AGREEMENTSTATUS',
      'BANKINGDAYS',
      'DEBTORBALANCE',
      'DEBTORSTATEMENT',
      'GOALSTATUS',
      'HENSTANDEFFECT',
      'HENSTANDSCHEDULE',
      'INSTALLMENT',
      'ISBANKINGDAY',
      'MEASURE',
      'NEEDED',
      'NEXTBANKINGDAY',
      'PAYMENTCAPACITY',
      'SAMPLEINTERVAL',
      'SAMPLESIZE',
      'SAMPLESTATUS',
      'SCHEDULE',
      'YEARTODATE',
    ]);
  });
});
