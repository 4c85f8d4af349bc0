/**
 * A percent goal's target above 200 % (or margin above 100 points) in JSON was most likely typed
 * as whole percents (15 for 15 %): said, never corrected in silence. The goals table warns the
 * same way by its rows (goalsTable.ts); both find the suspects with `wholePercentSuspects`.
 */
import { isJsonObject } from '../input/fields.js';
import { wholePercentSuspects } from './goalsTable.js';

/** One warning per suspect value of a JSON goal list (goals that are not objects are checked elsewhere). */
export function percentWarnings(goals: readonly unknown[]): string[] {
  const comma = (v: number) => String(v).replace('.', ',');
  return goals.flatMap((g) =>
    isJsonObject(g) && g.unit === 'percent'
      ? wholePercentSuspects(g).map(
          ({ key, value: v }) => `Mål ${String(g.id)}: ${key} ${comma(v)} læses som ${(v * 100).toLocaleString('da-DK')} %. Mente du ${comma(v)} %? Skriv ${comma(v / 100)} (en brøkdel).`,
        )
      : [],
  );
}
