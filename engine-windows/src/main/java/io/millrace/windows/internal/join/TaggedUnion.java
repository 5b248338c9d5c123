package io.millrace.windows.internal.join;

import java.util.Objects;

/**
 * An element of either side of a window join or co-group, once both inputs are unioned into one
 * stream: exactly one of {@link #one()} (left) and {@link #two()} (right) is set. A record, so
 * that window state on RocksDB serializes it component by component.
 *
 * @param one the left element, or null
 * @param two the right element, or null
 * @param <T1> left type
 * @param <T2> right type
 */
public record TaggedUnion<T1, T2>(T1 one, T2 two) {

  /** A left element. */
  public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
    return new TaggedUnion<>(Objects.requireNonNull(one), null);
  }

  /** A right element. */
  public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
    return new TaggedUnion<>(null, Objects.requireNonNull(two));
  }

  /** Whether this is a left element. */
  public boolean isOne() {
    return one != null;
  }

  @Override
  public String toString() {
    return one != null ? "left(" + one + ")" : "right(" + two + ")";
  }
}
