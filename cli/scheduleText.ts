/**
 * A schedule's JSON text for the CLI's batch, in three pieces: `{"rows":[`, the rows written as
 * bytes by core (core/commands/scheduleText.ts) and read back as one flat string, and the rest.
 * One scratch buffer for all schedules: fresh memory is what a large batch pays most for.
 */
import { scheduleToJson } from '../core/commands/plan.js';
import { ROW_BYTES, scheduleJsonAround, writeScheduleRows } from '../core/commands/scheduleText.js';
import type { Schedule } from '../core/schedule/schedule.js';

let scratch = Buffer.allocUnsafe(1 << 16);

export function scheduleTextPieces(schedule: Schedule): string[] {
  const need = schedule.rows.length * ROW_BYTES;
  if (scratch.length < need) scratch = Buffer.allocUnsafe(need);
  const length = writeScheduleRows(schedule.rows, scratch);
  if (length < 0) return [JSON.stringify(scheduleToJson(schedule))];
  const { head, tail } = scheduleJsonAround(schedule);
  return [head, scratch.toString('latin1', 0, length), tail];
}
