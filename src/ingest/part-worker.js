// Entry of a part pool process (src/ingest/pool.ts). The sources are TypeScript, compiled on the fly by tsx as
// bin/sgbot.js does; the process is started without the loader of the one that made it, so it registers its own.
// tinypool calls the default export with each task; the TypeScript is loaded once, with the first.
import { register } from 'tsx/esm/api';

register();
const runPartTask = import('./part-task.ts').then((m) => m.runPartTask);

export default async function run(task) {
  return (await runPartTask)(task);
}
