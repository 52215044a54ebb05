/**
 * A test sequencer that starts the files named in a list first, in the list's order, then the rest in vitest's own
 * order (the longest of the last run first, or the largest file first when there is no earlier run, as on a fresh
 * clone). With several workers, a long file that starts last stretches the whole run; the list keeps the known long
 * ones at the front even without vitest's cache of durations.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A sequencer class (for `sequence.sequencer`) that runs the files whose paths end in one of `first` first. */
export function startingWith(first: readonly string[]): typeof BaseSequencer {
  return class StartingWith extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const rank = (f: TestSpecification) => {
        const i = first.findIndex((end) => f.moduleId.endsWith(`/${end}`));
        return i === -1 ? first.length : i;
      };
      const rest = await super.sort(files);
      return rest.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
    }
  };
}
