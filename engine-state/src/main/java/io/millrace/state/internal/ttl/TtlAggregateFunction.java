package io.millrace.state.internal.ttl;

import io.millrace.api.functions.AggregateFunction;

/**
 * Aggregates into a {@link TtlValue} accumulator with the user's function: an expired
 * accumulator is replaced by a new one before adding, merging ignores expired accumulators
 * ({@code null} when both have expired), and every written accumulator is stamped with the
 * current time. Built at runtime for a backend handle and never serialized.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the user accumulator type
 * @param <OUT> the result type
 */
public final class TtlAggregateFunction<IN, ACC, OUT>
    implements AggregateFunction<IN, TtlValue<ACC>, OUT> {
  private static final long serialVersionUID = 1L;

  private final transient AggregateFunction<IN, ACC, OUT> original;
  private final transient TtlPolicy policy;

  /** Wraps {@code original} under {@code policy}. */
  public TtlAggregateFunction(AggregateFunction<IN, ACC, OUT> original, TtlPolicy policy) {
    this.original = original;
    this.policy = policy;
  }

  @Override
  public TtlValue<ACC> createAccumulator() {
    return policy.wrap(original.createAccumulator(), policy.now());
  }

  @Override
  public TtlValue<ACC> add(IN value, TtlValue<ACC> accumulator) {
    long now = policy.now();
    ACC user = policy.unexpiredOrNull(accumulator, now);
    if (user == null) {
      user = original.createAccumulator();
    }
    return policy.wrap(original.add(value, user), now);
  }

  @Override
  public OUT getResult(TtlValue<ACC> accumulator) {
    return accumulator == null ? null : original.getResult(accumulator.userValue());
  }

  @Override
  public TtlValue<ACC> merge(TtlValue<ACC> a, TtlValue<ACC> b) {
    long now = policy.now();
    ACC userA = policy.unexpiredOrNull(a, now);
    ACC userB = policy.unexpiredOrNull(b, now);
    if (userA != null && userB != null) {
      return policy.wrap(original.merge(userA, userB), now);
    } else if (userA != null) {
      return policy.wrap(userA, now);
    } else if (userB != null) {
      return policy.wrap(userB, now);
    }
    return null;
  }
}
