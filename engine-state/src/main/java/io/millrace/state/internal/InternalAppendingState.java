package io.millrace.state.internal;

/**
 * A mergeable keyed state whose stored value (the list, reduced value or accumulator) the
 * runtime can read and replace directly, bypassing the user-facing {@code get}/{@code add}:
 * what the TTL layer needs to refresh or drop a stored value.
 *
 * @param <SV> the stored value type
 */
public interface InternalAppendingState<SV> extends InternalMergingState<Object> {
  /** The stored value of the current key and namespace, or {@code null}. */
  SV getInternal();

  /** Replaces the stored value of the current key and namespace; {@code null} clears. */
  void updateInternal(SV value);
}
