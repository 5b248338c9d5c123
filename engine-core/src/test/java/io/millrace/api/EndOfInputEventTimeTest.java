package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.state.StateBackend;
import java.util.List;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end of a bounded input is the end of event time, as in Flink: a final watermark of
 * {@code Long.MAX_VALUE} reaches every operator, so the event-time timers still pending fire
 * (this is how windows and "emit at end" functions flush on bounded jobs). On each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.api.StateBackendsUnderTest#all")
class EndOfInputEventTimeTest {
  @Parameter
  StateBackend backend;

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void pendingEventTimeTimersFireWhenABoundedInputEnds(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
    List<Long> fired = env.fromSequence(1, 1_000)
        .keyBy(n -> n % 10)
        .process(new TimerAtOneMillion())
        .executeAndCollect(100);

    assertThat(fired).as("keys whose timer fired at the end of input, parallelism %d", parallelism)
        .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  /** Registers an event-time timer far beyond any watermark the job generates; emits the key when it fires. */
  static final class TimerAtOneMillion extends KeyedProcessFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Long n, Context ctx, Collector<Long> out) {
      ctx.timerService().registerEventTimeTimer(1_000_000L);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
      out.collect(ctx.getCurrentKey());
    }
  }
}
