package io.millrace.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.RestartStrategies;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.CheckpointListener;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.runtime.execution.LocalJob;
import io.millrace.runtime.execution.LocalJobClient;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A job fails once after its first checkpoint and resumes from it with exactly-once state. */
class CheckpointRecoveryTest {
  private static final int KEYS = 20;
  private static final long EVENTS = 20_000;

  /** Set by the failing map once a checkpoint completed; static: the engine copies rich functions. */
  static final AtomicBoolean checkpointCompleted = new AtomicBoolean();
  static final AtomicBoolean failed = new AtomicBoolean();

  @TempDir
  Path checkpoints;

  static Stream<Named<StateBackend>> backends() {
    return Stream.of(
        Named.of("heap", new HashMapStateBackend()),
        Named.of("RocksDB full", new EmbeddedRocksDBStateBackend(false)),
        Named.of("RocksDB incremental", new EmbeddedRocksDBStateBackend(true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void keyedSumsAreExactAfterAFailureAndARestoreFromTheCheckpoint(StateBackend backend) throws Exception {
    checkpointCompleted.set(false);
    failed.set(false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(backend);
    env.enableCheckpointing(Duration.ofMillis(20));
    env.getCheckpointConfig().setCheckpointStorage(checkpoints);
    env.setRestartStrategy(RestartStrategies.fixedDelay(2, Duration.ZERO));
    List<String> results = env
        .fromSource(new DataGeneratorSource<>(i -> i, EVENTS, RateLimiterStrategy.perSecond(20_000), Long.class),
            WatermarkStrategy.noWatermarks(), "numbers")
        .map(new FailOnceAfterACheckpoint())
        .keyBy(value -> value % KEYS)
        .process(new SumUntilTheEnd())
        .executeAndCollect(KEYS);

    Map<Long, Long> expected = new TreeMap<>();
    for (long i = 0; i < EVENTS; i++) {
      expected.merge(i % KEYS, i, Long::sum);
    }
    assertThat(failed).as("the failure was injected").isTrue();
    assertThat(new TreeMap<>(parse(results))).isEqualTo(expected);
  }

  private static Map<Long, Long> parse(List<String> lines) {
    Map<Long, Long> sums = new TreeMap<>();
    for (String line : lines) {
      String[] parts = line.split("=");
      assertThat(sums.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]))).as("key %s once", parts[0]).isNull();
    }
    return sums;
  }

  /** Passes values through; throws once, at the first value after a checkpoint completed. */
  static final class FailOnceAfterACheckpoint extends RichMapFunction<Long, Long> implements CheckpointListener {
    private static final long serialVersionUID = 1L;

    @Override
    public Long map(Long value) {
      if (checkpointCompleted.get() && failed.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure at " + value);
      }
      return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointCompleted.set(true);
    }
  }

  /** Sums each key's values in keyed state and emits the sum when the input ends. */
  static final class SumUntilTheEnd extends KeyedProcessFunction<Long, Long, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
      sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
      Long current = sum.value();
      if (current == null) {
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      }
      sum.update((current == null ? 0 : current) + value);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + "=" + sum.value());
    }
  }

  static LocalJob jobOf(io.millrace.api.JobClient client) {
    return ((LocalJobClient) client).job();
  }
}
