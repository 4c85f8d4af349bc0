/**
 * Whole-process wall times for the bench, taken by a small timing process (bench/processTimer.mjs):
 * a child spawned from the bench's own large heap took about 50 ms longer to start, which is the
 * bench's cost, not the program's.
 */
import { spawnSync } from 'node:child_process';

export interface TimedCommand {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * The environment the bench's Node processes run in: this one without NODE_EXTRA_CA_CERTS. This
 * machine sets it for its network proxy, and with it every Node process reads about 140 CA
 * certificates before any of its code runs (`node -e 0`: about 100 against 60 ms). A plain
 * Node installation does not set it, and Saldo makes no network calls. The bench shows Node's
 * start both ways.
 */
export const plainNodeEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
};

/** Each command `runs` times, interleaved, after `warmup` untimed rounds: the times in ms, per command. */
export function processTimes(commands: readonly TimedCommand[], runs: number, warmup = 0): number[][] {
  const r = spawnSync(process.execPath, ['bench/processTimer.mjs', JSON.stringify({ runs, warmup, commands })], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr || `the process timer failed (${r.status ?? r.signal})`);
  return (JSON.parse(r.stdout) as { times: number[][] }).times;
}

/** The median of some times. */
export const median = (times: readonly number[]): number => [...times].sort((x, y) => x - y)[Math.floor(times.length / 2)]!;
