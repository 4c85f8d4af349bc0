/**
 * The second thread of a large `plan`, `henstand` or `status` batch written as JSON: answers its
 * share of the elements as JSON text, as the first thread answers its own (cli/commands.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CLI_COMMANDS, type BatchWorkerData } from './commands.js';

const { name, inputs, rules } = workerData as BatchWorkerData;
parentPort!.postMessage(CLI_COMMANDS[name].share!(inputs, rules));
