package io.millrace.state.internal.ttl;

import io.millrace.api.functions.AggregateFunction;
import io.millrace.state.AggregatingState;
import io.millrace.state.internal.InternalAppendingState;
import java.util.Collection;

/**
 * {@link AggregatingState} with TTL over a backend aggregating state whose accumulator is a
 * {@link TtlValue} and whose function is a {@link TtlAggregateFunction}: adding to an expired
 * accumulator starts afresh; a read of an expired accumulator removes it; {@code add(null)}
 * clears, as without TTL.
 *
 * @param <IN> the type of the values added
 * @param <ACC> the user accumulator type
 * @param <OUT> the result type
 */
public final class TtlAggregatingState<IN, ACC, OUT> extends AbstractTtlState
    implements AggregatingState<IN, OUT>, InternalAppendingState<TtlValue<ACC>> {

  private final AggregatingState<IN, OUT> original;
  private final InternalAppendingState<TtlValue<ACC>> originalInternal;
  private final AggregateFunction<IN, ACC, OUT> function;

  /**
   * Decorates {@code original}, whose results come from the user's {@code function};
   * {@code accessHook} runs before every access.
   */
  public <S extends AggregatingState<IN, OUT> & InternalAppendingState<TtlValue<ACC>>>
      TtlAggregatingState(
          S original, AggregateFunction<IN, ACC, OUT> function, TtlPolicy policy,
          Runnable accessHook) {
    super(original, policy, accessHook);
    this.original = original;
    this.originalInternal = original;
    this.function = function;
  }

  @Override
  public OUT get() throws Exception {
    accessHook.run();
    ACC accumulator = TtlAppending.readAndMaintain(originalInternal.getInternal(), originalInternal, policy);
    return accumulator == null ? null : function.getResult(accumulator);
  }

  @Override
  public void add(IN value) throws Exception {
    accessHook.run();
    original.add(value);
  }

  @Override
  public TtlValue<ACC> getInternal() {
    return originalInternal.getInternal();
  }

  @Override
  public void updateInternal(TtlValue<ACC> value) {
    originalInternal.updateInternal(value);
  }

  @Override
  public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    originalInternal.mergeNamespaces(target, sources);
  }
}
