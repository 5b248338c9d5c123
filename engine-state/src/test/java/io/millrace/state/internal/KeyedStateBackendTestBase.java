package io.millrace.state.internal;

import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens keyed state backends of either kind for a test, through
 * {@link StateBackends#createKeyedStateBackend} as the runtime does, on a manual clock (for
 * TTL), with RocksDB's files in a temporary directory; closes them after the test.
 */
abstract class KeyedStateBackendTestBase {

  /** Namespaces of window-like state in these tests are strings. */
  static final TypeSerializer<String> STRING_NAMESPACES = TypeSerializers.forClass(String.class);

  @TempDir Path localDirectory;

  /** The processing time of every backend the test opens; the test moves it. */
  final AtomicLong clock = new AtomicLong();

  private final List<KeyedStateBackend<?>> opened = new ArrayList<>();

  /** A backend of {@code backend}'s kind owning all 128 key groups. */
  <K> KeyedStateBackend<K> open(Backend backend) {
    return open(backend, new KeyGroupRange(0, 127), 128, "test@0");
  }

  <K> KeyedStateBackend<K> open(
      Backend backend, KeyGroupRange range, int numberOfKeyGroups, String operatorDescription) {
    KeyedStateBackend<K> created =
        StateBackends.createKeyedStateBackend(
            backend.config(localDirectory), range, numberOfKeyGroups, operatorDescription,
            clock::get);
    opened.add(created);
    return created;
  }

  @AfterEach
  void closeBackends() {
    for (KeyedStateBackend<?> backend : opened) {
      backend.close();
    }
  }

  @SuppressWarnings("unchecked") // every handle implements InternalKvState<Object>
  static InternalKvState<Object> internal(Object handle) {
    return (InternalKvState<Object>) handle;
  }

  @SuppressWarnings("unchecked") // list, reducing and aggregating handles implement it
  static InternalMergingState<Object> merging(Object handle) {
    return (InternalMergingState<Object>) handle;
  }

  /** The elements of {@code elements} in order. */
  static <T> List<T> list(Iterable<T> elements) {
    List<T> list = new ArrayList<>();
    elements.forEach(list::add);
    return list;
  }
}
