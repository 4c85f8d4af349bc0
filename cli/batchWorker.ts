/**
 * The second thread of a large `plan`, `henstand` or `status` batch written as JSON: answers its
 * runs of elements, taken from the counter it shares with the first thread, as JSON text
 * (cli/commands.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CLI_COMMANDS, takeRuns, type BatchWorkerData } from './commands.js';

const { name, inputs, rules, counter } = workerData as BatchWorkerData;
parentPort!.postMessage(takeRuns(inputs, counter, (run) => CLI_COMMANDS[name].share!(run, rules)));
