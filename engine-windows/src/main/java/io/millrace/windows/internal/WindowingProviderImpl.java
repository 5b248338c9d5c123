package io.millrace.windows.internal;

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
import io.millrace.api.windowing.assigners.GlobalWindows;
import io.millrace.api.windowing.evictors.CountEvictor;
import io.millrace.api.windowing.triggers.CountTrigger;
import io.millrace.api.windowing.triggers.PurgingTrigger;
import io.millrace.runtime.api.WindowingProvider;

/**
 * What this module provides to core through {@link WindowingProvider} (registered in
 * {@code META-INF/services}): windowed streams, count windows, all-windows and joins.
 */
public final class WindowingProviderImpl implements WindowingProvider {

  @Override
  public <T, K, W extends Window> WindowedStream<T, K, W> window(KeyedStream<T, K> stream, WindowAssigner<? super T, W> assigner) {
    return new WindowedStreamImpl<>(stream, assigner);
  }

  /**
   * As Flink: {@code countWindow(size)} fires and purges every {@code size} elements;
   * {@code countWindow(size, slide)} fires every {@code slide} elements over the last
   * {@code size}. Results are stamped {@code Long.MAX_VALUE} (the global window's max timestamp)
   * and leftovers never fire.
   */
  @Override
  public <T, K> WindowedStream<T, K, GlobalWindow> countWindow(KeyedStream<T, K> stream, long size, long slide) {
    WindowedStream<T, K, GlobalWindow> windowed = new WindowedStreamImpl<>(stream, GlobalWindows.create());
    if (slide == size) {
      return windowed.trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }
    return windowed.evictor(CountEvictor.<GlobalWindow>of(size)).trigger(CountTrigger.<GlobalWindow>of(slide));
  }

  @Override
  public <T, W extends Window> AllWindowedStream<T, W> windowAll(DataStream<T> stream, WindowAssigner<? super T, W> assigner) {
    return new AllWindowedStreamImpl<>(stream, assigner);
  }

  @Override
  public <T1, T2> JoinedStreams<T1, T2> join(DataStream<T1> left, DataStream<T2> right) {
    return io.millrace.windows.internal.join.Joins.join(left, right);
  }

  @Override
  public <T1, T2> CoGroupedStreams<T1, T2> coGroup(DataStream<T1> left, DataStream<T2> right) {
    return io.millrace.windows.internal.join.Joins.coGroup(left, right);
  }

  @Override
  public <T1, T2, K> IntervalJoin<T1, T2, K> intervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right) {
    return io.millrace.windows.internal.join.Joins.intervalJoin(left, right);
  }
}
