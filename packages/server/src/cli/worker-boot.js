// Worker threads do not inherit the main thread's tsx loader: register it here, then load the TS entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
