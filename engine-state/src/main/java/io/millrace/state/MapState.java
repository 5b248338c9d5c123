package io.millrace.state;

import java.util.Map;

/**
 * A map of user keys to values per key.
 *
 * <p>Iterators reflect the state at the time of the call; do not modify the state while
 * iterating, except through the iterator's {@code remove()}.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
public interface MapState<UK, UV> extends State {
  /** Returns the value mapped to {@code key}, or {@code null}. */
  UV get(UK key) throws Exception;

  /** Maps {@code key} to {@code value}. */
  void put(UK key, UV value) throws Exception;

  /** Copies all mappings of {@code map}. */
  void putAll(Map<UK, UV> map) throws Exception;

  /** Removes the mapping of {@code key}, if any. */
  void remove(UK key) throws Exception;

  /** Whether {@code key} is mapped. */
  boolean contains(UK key) throws Exception;

  /** All mappings of the current key. */
  Iterable<Map.Entry<UK, UV>> entries() throws Exception;

  /** All user keys of the current key. */
  Iterable<UK> keys() throws Exception;

  /** All user values of the current key. */
  Iterable<UV> values() throws Exception;

  /** Whether the current key has no mapping. */
  boolean isEmpty() throws Exception;
}
