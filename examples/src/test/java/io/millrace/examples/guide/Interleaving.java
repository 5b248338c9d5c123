package io.millrace.examples.guide;

import java.util.List;
import java.util.function.LongFunction;

/** What arrives from two parallel sources that each emit their own sequence in order. */
final class Interleaving {
  private Interleaving() {}

  /**
   * Whether {@code arrived} is an interleaving of a prefix of {@code first} and a prefix of
   * {@code second} (element {@code i} of a sequence is {@code first.apply(i)}); decided
   * greedily, which is exact when the heads of the two sequences are either unequal or
   * interchangeable (equal sequences).
   */
  static <T> boolean ofPrefixes(List<T> arrived, LongFunction<T> first, LongFunction<T> second) {
    long nextOfFirst = 0;
    long nextOfSecond = 0;
    for (T element : arrived) {
      if (element.equals(first.apply(nextOfFirst))) {
        nextOfFirst++;
      } else if (element.equals(second.apply(nextOfSecond))) {
        nextOfSecond++;
      } else {
        return false;
      }
    }
    return true;
  }
}
