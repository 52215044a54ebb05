/**
 * A bound on the answers worked on at once. Answering shares the event loop with the HTTP server that must ack every
 * Slack request within 3 s; a burst of commands, each answered as soon as it is acked, would take the loop from the
 * acks. Answers beyond `inFlight` wait their turn (each started on a later turn of the loop, after pending I/O), and
 * beyond `waiting` are refused at once, so a flood cannot queue work (and memory) without end.
 */

/** Runs answer work with bounded concurrency. */
export interface AnswerQueue {
  /** Run `work` when a slot is free; run `refuse` instead when too many are waiting already. */
  run(work: () => Promise<void>, refuse: () => Promise<void>): Promise<void>;
  /** Answers running and waiting now. */
  readonly size: { running: number; waiting: number };
  /** Whether an answer asked now would be refused (every slot taken, as many waiting as may). */
  readonly full: boolean;
}

/**
 * @example
 *   const answers = answerQueue({ inFlight: 4, waiting: 2000 });
 *   await ack();
 *   await answers.run(() => answerCommand(command), () => post(busyReply));
 */
export function answerQueue(limits: { inFlight: number; waiting: number }): AnswerQueue {
  let running = 0;
  const queue: Array<() => void> = [];
  return {
    get size() {
      return { running, waiting: queue.length };
    },
    get full() {
      return running >= limits.inFlight && queue.length >= limits.waiting;
    },
    async run(work, refuse) {
      if (running < limits.inFlight) {
        running++;
        // Even with a free slot, start after the I/O already waiting (the ack of this very request among it).
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        if (queue.length >= limits.waiting) return refuse();
        // The slot of an answer that finishes is handed over: `running` stays.
        await new Promise<void>((resolve) => queue.push(resolve));
      }
      try {
        await work();
      } finally {
        const start = queue.shift();
        if (start) setImmediate(start);
        else running--;
      }
    },
  };
}
