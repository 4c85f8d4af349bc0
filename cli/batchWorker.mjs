// The worker's entry: Node does not carry tsx's loader into a worker by itself, so it is
// registered here before the TypeScript worker is imported.
import { register } from 'tsx/esm/api';

register();
await import('./batchWorker.ts');
