/**
 * A schedule's JSON for the CLI's batch, in three pieces: `{"rows":[`, the rows written as ASCII
 * bytes by core (core/commands/scheduleText.ts), and the rest. One scratch buffer for all
 * schedules, so the bytes are valid only until the next schedule is written: the writer copies
 * them at once (fresh memory is what a large batch pays most for; a string of them cost 17 MB).
 */
import { scheduleToJson } from '../core/commands/plan.js';
import { ROW_BYTES, scheduleJsonAround, writeScheduleRows } from '../core/commands/scheduleText.js';
import type { Schedule } from '../core/schedule/schedule.js';

let scratch = Buffer.allocUnsafe(1 << 16);

export function scheduleTextPieces(schedule: Schedule): Array<string | Uint8Array> {
  const need = schedule.rows.length * ROW_BYTES;
  if (scratch.length < need) scratch = Buffer.allocUnsafe(need);
  const length = writeScheduleRows(schedule.rows, scratch);
  if (length < 0) return [JSON.stringify(scheduleToJson(schedule))];
  const { head, tail } = scheduleJsonAround(schedule);
  return [head, scratch.subarray(0, length), tail];
}
