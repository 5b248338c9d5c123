package io.millrace.cep.pattern;

import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.Quantifier.ConsumingStrategy;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.cep.pattern.conditions.SimpleCondition;

/**
 * A group of stages used as one stage of a sequence, so that a quantifier applies to the whole
 * group: {@code Pattern.begin(Pattern.<E>begin("a").next("b")).oneOrMore()}. A group has no
 * condition of its own; its stages have theirs.
 *
 * @param <T> the event type of the whole sequence
 * @param <F> the event type of the group's last stage
 */
public final class GroupPattern<T, F extends T> extends Pattern<T, F> {
  /** The name of every group; groups are not named stages of a match. */
  static final String GROUP_NAME = "GroupPattern";

  private final Pattern<T, ? extends T> groupPattern;

  GroupPattern(Pattern<T, ? extends T> previous, Pattern<T, ? extends T> groupPattern, ConsumingStrategy consumingStrategy,
      AfterMatchSkipStrategy afterMatchSkipStrategy) {
    super(GROUP_NAME, previous, consumingStrategy, afterMatchSkipStrategy);
    this.groupPattern = groupPattern;
  }

  /** The last stage of the group's own sequence. */
  public Pattern<T, ? extends T> getRawPattern() {
    return groupPattern;
  }

  /** Always fails: a group has no condition of its own. */
  @Override
  public Pattern<T, F> where(IterativeCondition<F> condition) {
    throw noCondition("where");
  }

  /** Always fails: a group has no condition of its own. */
  @Override
  public Pattern<T, F> where(SimpleCondition<F> condition) {
    throw noCondition("where");
  }

  /** Always fails: a group has no condition of its own. */
  @Override
  public Pattern<T, F> or(IterativeCondition<F> condition) {
    throw noCondition("or");
  }

  /** Always fails: a group has no condition of its own. */
  @Override
  public Pattern<T, F> or(SimpleCondition<F> condition) {
    throw noCondition("or");
  }

  /** Always fails: a group has no condition of its own. */
  @Override
  public <S extends F> Pattern<T, S> subtype(Class<S> subtypeClass) {
    throw noCondition("subtype");
  }

  private static MalformedPatternException noCondition(String method) {
    return new MalformedPatternException("a group pattern takes no " + method + "(...): put the condition on the stages inside the group");
  }
}
