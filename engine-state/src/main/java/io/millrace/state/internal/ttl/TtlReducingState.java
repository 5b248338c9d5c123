package io.millrace.state.internal.ttl;

import io.millrace.state.ReducingState;
import io.millrace.state.internal.InternalAppendingState;
import java.util.Collection;

/**
 * {@link ReducingState} with TTL over a backend reducing state of {@link TtlValue}s whose
 * function is a {@link TtlReduceFunction}: adding to an expired value starts afresh; a read of
 * an expired value removes it; {@code add(null)} clears, as without TTL.
 *
 * @param <T> the value type
 */
public final class TtlReducingState<T> extends AbstractTtlState
    implements ReducingState<T>, InternalAppendingState<TtlValue<T>> {

  private final ReducingState<TtlValue<T>> original;
  private final InternalAppendingState<TtlValue<T>> originalInternal;

  /** Decorates {@code original}; {@code accessHook} runs before every access. */
  public <S extends ReducingState<TtlValue<T>> & InternalAppendingState<TtlValue<T>>>
      TtlReducingState(S original, TtlPolicy policy, Runnable accessHook) {
    super(original, policy, accessHook);
    this.original = original;
    this.originalInternal = original;
  }

  @Override
  public T get() throws Exception {
    accessHook.run();
    TtlValue<T> stored = originalInternal.getInternal();
    return TtlAppending.readAndMaintain(stored, originalInternal, policy);
  }

  @Override
  public void add(T value) throws Exception {
    accessHook.run();
    original.add(value == null ? null : policy.wrap(value, policy.now()));
  }

  @Override
  public TtlValue<T> getInternal() {
    return originalInternal.getInternal();
  }

  @Override
  public void updateInternal(TtlValue<T> value) {
    originalInternal.updateInternal(value);
  }

  @Override
  public void mergeNamespaces(Object target, Collection<Object> sources) throws Exception {
    originalInternal.mergeNamespaces(target, sources);
  }
}
