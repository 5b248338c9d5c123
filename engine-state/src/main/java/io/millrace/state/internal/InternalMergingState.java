package io.millrace.state.internal;

import java.util.Collection;

/**
 * A keyed state whose values in several namespaces can be merged into one (session windows).
 *
 * @param <N> the namespace type
 */
public interface InternalMergingState<N> extends InternalKvState<N> {
  /**
   * Merges the current key's values in {@code sources} into {@code target} and clears the
   * sources. Sources without a value are skipped; {@code target} may be among the sources.
   */
  void mergeNamespaces(N target, Collection<N> sources) throws Exception;
}
