/**
 * A platform's sender loaded on its first post: a process that never posts to a platform never loads its SDK (the
 * settings, the CLI and the worker stay quick to start).
 */
import type { ChatSender } from '../core/platform.ts';

/** A sender for `channels` whose implementation `load` gives, once, when the first post is made. */
export function lazySender(channels: readonly string[], load: () => Promise<ChatSender>): ChatSender {
  let loading: Promise<ChatSender> | null = null;
  return {
    channels,
    post: async (target, reply, opts) => {
      loading ??= load().catch((err: unknown) => {
        loading = null;
        throw err;
      });
      return (await loading).post(target, reply, opts);
    },
  };
}
