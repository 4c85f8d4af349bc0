// Times whole processes for the bench (bench/run.ts): each command `runs` times, interleaved so
// that a machine's drift hits all alike, after `warmup` untimed rounds. A small process of its
// own: started from the bench's large heap, every child took about 50 ms longer to start.
// Input: one JSON argument { runs, warmup, commands: [{ command, args, env }] }.
// Output: JSON { times: number[][] } (ms, per command), or exit 1 with the failing command.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

const { runs, warmup = 0, commands } = JSON.parse(process.argv[2]);
const times = commands.map(() => []);
for (let round = -warmup; round < runs; round += 1) {
  for (const [k, { command, args, env }] of commands.entries()) {
    const t0 = performance.now();
    const r = spawnSync(command, args, { env: env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
    const ms = performance.now() - t0;
    if (r.status !== 0) {
      process.stderr.write(`${command} ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
      process.exit(1);
    }
    if (round >= 0) times[k].push(ms);
  }
}
process.stdout.write(JSON.stringify({ times }));
