package io.millrace.windows.internal.join;

import java.util.Objects;

/**
 * An element of either side of a window join or co-group, once both inputs are unioned into one
 * stream: exactly one of {@link #one()} (left) and {@link #two()} (right) is set.
 *
 * @param <T1> left type
 * @param <T2> right type
 */
public final class TaggedUnion<T1, T2> {
  private final T1 one;
  private final T2 two;

  private TaggedUnion(T1 one, T2 two) {
    this.one = one;
    this.two = two;
  }

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

  /** The left element, or null. */
  public T1 one() {
    return one;
  }

  /** The right element, or null. */
  public T2 two() {
    return two;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TaggedUnion<?, ?> that && Objects.equals(one, that.one) && Objects.equals(two, that.two);
  }

  @Override
  public int hashCode() {
    return Objects.hash(one, two);
  }

  @Override
  public String toString() {
    return one != null ? "left(" + one + ")" : "right(" + two + ")";
  }
}
