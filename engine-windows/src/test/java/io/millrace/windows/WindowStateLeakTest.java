package io.millrace.windows;

import static io.millrace.windows.Scripts.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.KeyedStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.functions.AggregateFunction;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.state.StateBackend;
import io.millrace.windows.Scripts.Describe;
import io.millrace.windows.Scripts.Ev;
import io.millrace.windows.Scripts.NoSource;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A long run per window type: half a million elements over 20 million ms of event time (a
 * tenth on RocksDB, see {@link #ELEMENTS_ON_ROCKSDB}), with some disorder and late elements. Window state must stay bounded by what the open windows need
 * (it must not grow with time) and return to zero once the watermark passes everything. On each
 * state backend.
 */
@Tag("slow")
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.windows.StateBackendsUnderTest#all")
class WindowStateLeakTest {
  private static final int ELEMENTS = 500_000;
  /** Elements between two counts of the state entries. */
  private static final int COUNT_EVERY = 100;
  /**
   * RocksDB serializes every access, and counts the entries with a scan that also steps over
   * every entry deleted since the last flush, which grows all run long: there the run is a tenth
   * as long (still 2 million ms of event time, hundreds of windows per key) and counts after every
   * tenth watermark (a watermark follows every hundred elements). This keeps it around ten
   * seconds instead of many minutes.
   */
  private static final int ELEMENTS_ON_ROCKSDB = 50_000;
  private static final int COUNT_EVERY_ON_ROCKSDB = 1_000;
  private static final int KEYS = 50;
  private static final long STEP_MS = 40;

  @Parameter
  StateBackend backend;

  private static KeyedStream<Ev, String> keyed() {
    return Scripts.unusedEnvironment().addSource(new NoSource()).keyBy(Ev::key);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  /** Counts a window's elements. */
  private static final class Count implements AggregateFunction<Ev, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Ev value, Long count) {
      return count + 1;
    }

    @Override
    public Long getResult(Long count) {
      return count;
    }

    @Override
    public Long merge(Long a, Long b) {
      return a + b;
    }
  }

  private static final List<Function<KeyedStream<Ev, String>, SingleOutputStreamOperator<?>>> WINDOW_TYPES = List.of(
      k -> k.window(TumblingEventTimeWindows.of(ms(1_000))).allowedLateness(ms(500)).aggregate(new Count()),
      k -> k.window(TumblingEventTimeWindows.of(ms(1_000))).process(new Describe<>()),
      k -> k.window(SlidingEventTimeWindows.of(ms(3_000), ms(1_000))).allowedLateness(ms(500)).aggregate(new Count()),
      k -> k.window(SlidingEventTimeWindows.of(ms(3_000), ms(1_000))).reduce((a, b) -> ev(a.key(), a.value() + b.value())),
      k -> k.window(EventTimeSessionWindows.withGap(ms(2_500))).allowedLateness(ms(500)).aggregate(new Count()),
      k -> k.window(EventTimeSessionWindows.withGap(ms(2_500))).process(new Describe<>()));

  @Test
  void windowStateStaysBoundedOverALongRunAndReturnsToZeroForEveryWindowType() throws Exception {
    boolean rocksDB = StateBackendsUnderTest.isRocksDB(backend);
    int elements = rocksDB ? ELEMENTS_ON_ROCKSDB : ELEMENTS;
    int countEvery = rocksDB ? COUNT_EVERY_ON_ROCKSDB : COUNT_EVERY;
    for (int type = 0; type < WINDOW_TYPES.size(); type++) {
      try (var h = new WindowOperatorHarness<Ev, Object>(windowType(type), backend)) {
        SplittableRandom random = new SplittableRandom(42 + type);
        long maxTimestamp = 0;
        int peakFirstHalf = 0;
        int peakSecondHalf = 0;
        for (int i = 0; i < elements; i++) {
          long timestamp = i * STEP_MS - random.nextLong(2_000);   // up to 2 s out of order
          maxTimestamp = Math.max(maxTimestamp, timestamp);
          h.element(ev("k" + random.nextInt(KEYS), 1), timestamp);
          if (i % 100 == 99) {
            h.watermark(maxTimestamp - 1_000);                       // so some elements are late
            h.take();
          }
          if (i % countEvery == countEvery - 1) {
            int entries = h.numStateEntries();
            if (i < elements / 2) {
              peakFirstHalf = Math.max(peakFirstHalf, entries);
            } else {
              peakSecondHalf = Math.max(peakSecondHalf, entries);
            }
          }
        }
        String what = "window type " + type + " (" + h.isSlicing() + ")";
        // A few seconds of event time are open at any moment: 50 keys x a handful of windows,
        // each with a few entries — far below one entry per element, and not growing with time.
        assertThat(peakSecondHalf).as(what + ": state does not grow with time").isLessThanOrEqualTo(peakFirstHalf * 2);
        assertThat(peakSecondHalf).as(what + ": state is bounded by the open windows").isLessThan(KEYS * 40);
        h.watermark(Long.MAX_VALUE);
        h.take();
        assertThat(h.numStateEntries()).as(what + ": state after the final watermark").isZero();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static SingleOutputStreamOperator<Object> windowType(int type) {
    return (SingleOutputStreamOperator<Object>) WINDOW_TYPES.get(type).apply(keyed());
  }
}
