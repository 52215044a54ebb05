// Entry of a part pool thread (src/ingest/pool.ts). The sources are TypeScript, compiled on the fly by tsx as
// bin/sgbot.js does; a worker thread starts without the loader of the thread that made it, so it registers its own.
// piscina awaits the default export: the task function, once the TypeScript is loaded.
import { register } from 'tsx/esm/api';

register();
export default import('./part-task.ts').then((m) => m.runPartTask);
