import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuoteGate, quoteProblemMessage, type QuoteProblem } from '../../cli/ledger/quoteGate.js';

/** Runs text through a gate in the given chunks; returns what passed and what was refused, in order. */
function gate(chunks: readonly string[], limit?: number) {
  const events: Array<{ passed: string } | { broken: string; problem: QuoteProblem }> = [];
  const g = createQuoteGate(';', (text) => events.push({ passed: text }), (broken, problem) => events.push({ broken, problem }), limit);
  for (const c of chunks) g.push(c);
  g.finish();
  // Adjacent passed blocks are one text for the tokenizer; join them so chunking does not matter.
  const merged: typeof events = [];
  for (const e of events) {
    const last = merged[merged.length - 1];
    if ('passed' in e && last && 'passed' in last) last.passed += e.passed;
    else merged.push({ ...e });
  }
  return merged;
}

describe('the quote gate in front of the CSV tokenizer', () => {
  it('lets well-quoted text through unchanged: quoted ; and line breaks, "" inside, CRLF', () => {
    const text = 'D1;"Hansen; Ole";1\r\nD2;"Ane\nc/o Bo";2\r\nD3;"Sagt ""ja""";3\n"D4";"";4\n';
    expect(gate([text])).toEqual([{ passed: text }]);
  });

  it('a quote that never closes: that line is refused and the lines after it are read anew (no rows swallowed)', () => {
    const text = 'D1;F1;100\nD3;"F3;300\nD4;F4;400\n';
    expect(gate([text])).toEqual([{ passed: 'D1;F1;100\n' }, { broken: 'D3;"F3;300', problem: 'aldrig-lukket' }, { passed: 'D4;F4;400\n' }]);
  });

  it('a quote in the middle of a field is refused with its line only', () => {
    expect(gate(['D1;F1;100\nD3;F"3;300\nD4;F4;400'])).toEqual([{ passed: 'D1;F1;100\n' }, { broken: 'D3;F"3;300', problem: 'midt-i-felt' }, { passed: 'D4;F4;400' }]);
  });

  it('text after a closing quote is refused with the lines the quote spanned', () => {
    expect(gate(['D3;"Hans\n"D4;F4;400\nD5;F5;500\n'])).toEqual([{ broken: 'D3;"Hans\n"D4;F4;400', problem: 'tekst-efter-lukning' }, { passed: 'D5;F5;500\n' }]);
  });

  it('an open quote longer than the limit is taken as never closed, so memory stays bounded', () => {
    const rest = Array.from({ length: 50 }, (_, i) => `D${i};F;1\n`).join('');
    const events = gate(['D0;"F0;1\n', rest], 100);
    expect(events[0]).toEqual({ broken: 'D0;"F0;1', problem: 'aldrig-lukket' });
    expect(events.slice(1)).toEqual([{ passed: rest }]);
  });

  it('gives the same result however the text is cut into chunks (random texts of ; " \\n and letters)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ';', '"', '\n', '\r\n'), { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const text = parts.join('');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i, all) => text.slice(from, all[i + 1] ?? text.length));
        const whole = gate([text]);
        expect(gate(chunks)).toEqual(whole);
        // Nothing is lost: passed and refused text together are the input, less the refused records' line ends.
        const again = whole.map((e) => ('passed' in e ? e.passed : e.broken)).join('');
        expect(again.replace(/[\r\n]/g, '')).toBe(text.replace(/[\r\n]/g, ''));
        // What passes is well quoted: an even number of quotes in every passed block.
        for (const e of whole) if ('passed' in e) expect((e.passed.match(/"/g) ?? []).length % 2).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('messages are Danish, name the problem and mask a CPR number', () => {
    expect(quoteProblemMessage('D3;"010190-1234;300', 'aldrig-lukket')).toBe('Et anførselstegn (") i rækken bliver aldrig lukket ("D3;\\"010190-xxxx;300"). Rækken er udeladt; linjerne efter den er læst hver for sig.');
    expect(quoteProblemMessage('D3;"Hans\n"D4', 'tekst-efter-lukning')).toMatch(/Rækken fylder 2 linjer i filen og er udeladt\.$/);
  });
});
