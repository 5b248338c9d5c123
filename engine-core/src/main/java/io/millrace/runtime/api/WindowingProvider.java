package io.millrace.runtime.api;

import io.millrace.api.CoGroupedStreams;
import io.millrace.api.DataStream;
import io.millrace.api.IntervalJoin;
import io.millrace.api.JoinedStreams;
import io.millrace.api.KeyedStream;
import io.millrace.api.windowing.AllWindowedStream;
import io.millrace.api.windowing.GlobalWindow;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.WindowedStream;
import java.util.ServiceLoader;

/**
 * What {@code millrace-windows} provides to core: the windowed streams and joins behind
 * {@code window(...)}, {@code countWindow(...)}, {@code windowAll(...)}, {@code join},
 * {@code coGroup} and {@code intervalJoin}. Core does not depend on the windows module; it finds
 * the implementation with {@link ServiceLoader}. Internal SPI.
 */
public interface WindowingProvider {

  /** The windowed stream of {@code stream} cut by {@code assigner}. */
  <T, K, W extends Window> WindowedStream<T, K, W> window(KeyedStream<T, K> stream, WindowAssigner<? super T, W> assigner);

  /** Count windows of {@code size} elements evaluated every {@code slide} ({@code slide == size}: tumbling). */
  <T, K> WindowedStream<T, K, GlobalWindow> countWindow(KeyedStream<T, K> stream, long size, long slide);

  /** The all-windowed stream of {@code stream}. */
  <T, W extends Window> AllWindowedStream<T, W> windowAll(DataStream<T> stream, WindowAssigner<? super T, W> assigner);

  /** A window join of {@code left} and {@code right}. */
  <T1, T2> JoinedStreams<T1, T2> join(DataStream<T1> left, DataStream<T2> right);

  /** A window co-group of {@code left} and {@code right}. */
  <T1, T2> CoGroupedStreams<T1, T2> coGroup(DataStream<T1> left, DataStream<T2> right);

  /** An interval join of two keyed streams. */
  <T1, T2, K> IntervalJoin<T1, T2, K> intervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right);

  /** The provider on the class path; fails (every time) naming the missing dependency. */
  static WindowingProvider get() {
    WindowingProvider provider = Holder.provider;
    if (provider == null) {
      provider = ServiceLoader.load(WindowingProvider.class, WindowingProvider.class.getClassLoader())
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "Windows and joins need the module io.millrace:millrace-windows on the class path: add it as a dependency"));
      Holder.provider = provider;
    }
    return provider;
  }

  /** The provider once found; a failed lookup is not cached, so its message stays readable. */
  final class Holder {
    private static volatile WindowingProvider provider;

    private Holder() {}
  }
}
