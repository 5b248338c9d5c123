package io.millrace.cep.pattern;

import java.io.Serializable;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * How many events a stage takes and how it relates to the events around it: its properties
 * (single, looping, times; optional, greedy), the contiguity to the previous stage and, for
 * looping and times stages, the contiguity between its own events. Read-only for users; the
 * {@link Pattern} methods set it.
 */
public final class Quantifier implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The properties a quantifier may have. */
  public enum QuantifierProperty {
    /** Takes one event. */
    SINGLE,
    /** Takes a number of events and loops: {@code oneOrMore}, {@code timesOrMore}. */
    LOOPING,
    /** Takes a bounded number of events: {@code times}. */
    TIMES,
    /** May take no event at all. */
    OPTIONAL,
    /** Never leaves the loop with an event the loop could take. */
    GREEDY
  }

  /** How events are consumed: the contiguity, or a negation. */
  public enum ConsumingStrategy {
    /** {@code next}: the very next event of the key. */
    STRICT,
    /** {@code followedBy}: non-matching events in between are skipped. */
    SKIP_TILL_NEXT,
    /** {@code followedByAny}: any event in between may be skipped, matching ones too. */
    SKIP_TILL_ANY,
    /** {@code notFollowedBy}. */
    NOT_FOLLOW,
    /** {@code notNext}. */
    NOT_NEXT
  }

  private final EnumSet<QuantifierProperty> properties;
  private final ConsumingStrategy consumingStrategy;
  private ConsumingStrategy innerConsumingStrategy = ConsumingStrategy.SKIP_TILL_NEXT;

  private Quantifier(ConsumingStrategy consumingStrategy, QuantifierProperty first) {
    this.properties = EnumSet.of(first);
    this.consumingStrategy = consumingStrategy;
  }

  static Quantifier one(ConsumingStrategy consumingStrategy) {
    return new Quantifier(consumingStrategy, QuantifierProperty.SINGLE);
  }

  static Quantifier looping(ConsumingStrategy consumingStrategy) {
    return new Quantifier(consumingStrategy, QuantifierProperty.LOOPING);
  }

  static Quantifier times(ConsumingStrategy consumingStrategy) {
    return new Quantifier(consumingStrategy, QuantifierProperty.TIMES);
  }

  /** Whether the quantifier has {@code property}. */
  public boolean hasProperty(QuantifierProperty property) {
    return properties.contains(property);
  }

  /** The contiguity to the previous stage (or the negation). */
  public ConsumingStrategy getConsumingStrategy() {
    return consumingStrategy;
  }

  /** The contiguity between the events of a looping or times stage. */
  public ConsumingStrategy getInnerConsumingStrategy() {
    return innerConsumingStrategy;
  }

  void combinations(String stage) {
    check(!hasProperty(QuantifierProperty.SINGLE), "allowCombinations() applies to a looping or times stage, but stage \""
        + stage + "\" takes a single event: call oneOrMore(), timesOrMore(...) or times(...) first");
    check(innerConsumingStrategy != ConsumingStrategy.STRICT, "stage \"" + stage
        + "\" is consecutive(): a stage can have consecutive() or allowCombinations(), not both");
    check(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, "allowCombinations() was already applied to stage \"" + stage + "\"");
    innerConsumingStrategy = ConsumingStrategy.SKIP_TILL_ANY;
  }

  void consecutive(String stage) {
    check(hasProperty(QuantifierProperty.LOOPING) || hasProperty(QuantifierProperty.TIMES), "consecutive() applies to a looping or times stage, but stage \""
        + stage + "\" takes a single event: call oneOrMore(), timesOrMore(...) or times(...) first");
    check(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, "stage \"" + stage
        + "\" has allowCombinations(): a stage can have consecutive() or allowCombinations(), not both");
    check(innerConsumingStrategy != ConsumingStrategy.STRICT, "consecutive() was already applied to stage \"" + stage + "\"");
    innerConsumingStrategy = ConsumingStrategy.STRICT;
  }

  void optional(String stage) {
    check(!hasProperty(QuantifierProperty.OPTIONAL), "optional() was already applied to stage \"" + stage + "\"");
    check(consumingStrategy != ConsumingStrategy.NOT_NEXT && consumingStrategy != ConsumingStrategy.NOT_FOLLOW,
        "the negative stage \"" + stage + "\" (notNext/notFollowedBy) cannot be optional");
    properties.add(QuantifierProperty.OPTIONAL);
  }

  void greedy(String stage) {
    check(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, "greedy() does not apply to stage \"" + stage
        + "\", which has allowCombinations()");
    check(!hasProperty(QuantifierProperty.SINGLE), "greedy() applies to a looping or times stage, but stage \"" + stage
        + "\" takes a single event: call oneOrMore(), timesOrMore(...) or times(...) first");
    properties.add(QuantifierProperty.GREEDY);
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new MalformedPatternException(message);
    }
  }

  @Override
  public String toString() {
    return "Quantifier" + properties + "(" + consumingStrategy + ", inner " + innerConsumingStrategy + ")";
  }

  /**
   * The number of events of a times or looping stage: {@code from} to {@code to} (equal for
   * {@code times(n)} and for loops, where it is the minimum), and the window between
   * consecutive events of the stage, if one was given.
   */
  public static final class Times implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int from;
    private final int to;
    private final Duration windowSize;

    private Times(int from, int to, Duration windowSize) {
      this.from = from;
      this.to = to;
      this.windowSize = windowSize;
    }

    static Times of(int from, int to, Duration windowSize) {
      return new Times(from, to, windowSize);
    }

    /** The minimum number of events. */
    public int getFrom() {
      return from;
    }

    /** The maximum number of events (the minimum, for loops). */
    public int getTo() {
      return to;
    }

    /** The window between consecutive events of the stage, if any. */
    public Optional<Duration> getWindowSize() {
      return Optional.ofNullable(windowSize);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Times that && from == that.from && to == that.to && Objects.equals(windowSize, that.windowSize);
    }

    @Override
    public int hashCode() {
      return Objects.hash(from, to, windowSize);
    }

    @Override
    public String toString() {
      return "Times{" + from + ".." + to + (windowSize == null ? "" : ", within " + windowSize) + "}";
    }
  }
}
