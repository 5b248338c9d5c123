package io.millrace.state.internal;

import io.millrace.state.State;

/**
 * The runtime's side of a keyed state handle: lets operators (windows, CEP) scope the handle to
 * a namespace besides the current key.
 *
 * @param <N> the namespace type
 */
public interface InternalKvState<N> extends State {
  /** Makes {@code namespace} the handle's namespace for subsequent calls. */
  void setCurrentNamespace(N namespace);
}
