package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.api.source.SourceFunction;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every bad input a user can give gets an error that names the operator or parameter at fault
 * and says what to do, and never leaves a thread of the engine behind.
 */
class BadInputTest {
  private JobThreads threads;

  @BeforeEach
  void snapshotThreads() {
    threads = JobThreads.snapshot();
  }

  // ---------------------------------------------------------------- null keys, null elements

  @Test
  void keySelectorReturningNullFailsTheJobNamingTheKeyBy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromElements("a", "?b", "c")
        .keyBy(s -> s.startsWith("?") ? null : s)
        .reduce((x, y) -> x + y)
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage())
        .contains("keyBy@2 (lambda in BadInputTest.keySelectorReturningNullFailsTheJobNamingTheKeyBy)")
        .contains("returned null for record ?b")
        .contains("keys must not be null")
        .contains("filter such records out before keyBy");
    assertThat(failure.getOperatorName())
        .isEqualTo("keyBy@2 (lambda in BadInputTest.keySelectorReturningNullFailsTheJobNamingTheKeyBy)");
    assertThat(failure.getCause()).isInstanceOf(NullPointerException.class);
    threads.assertNoneLeftBehind();
  }

  /** At parallelism 1 the keyed edge has one channel; the key must still be checked. */
  @Test
  void keySelectorReturningNullFailsTheJobNamingTheKeyByAtParallelismOneToo() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements("a", "?b", "c")
        .keyBy(s -> s.startsWith("?") ? null : s)
        .reduce((x, y) -> x + y)
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage())
        .contains("keyBy@2 (lambda in BadInputTest.keySelectorReturningNullFailsTheJobNamingTheKeyByAtParallelismOneToo)")
        .contains("keys must not be null");
    assertThat(failure.getOperatorName()).startsWith("keyBy@2 ");
    assertThat(failure.getCause()).isInstanceOf(NullPointerException.class);
    threads.assertNoneLeftBehind();
  }

  /** A keyBy read by a plain map still promises that equal keys meet: a null key is an error. */
  @Test
  void keySelectorReturningNullFailsTheJobEvenWhenOnlyAMapReadsTheKeyedStreamAtParallelismOne() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements("a", "?b", "c")
        .keyBy(s -> s.startsWith("?") ? null : s)
        .map(String::toUpperCase)
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure).as("a null key must fail the job").isNotNull();
    assertThat(failure.getMessage()).contains("keyBy@2 (").contains("keys must not be null");
    threads.assertNoneLeftBehind();
  }

  @Test
  void mapReturningNullFailsTheJobNamingTheMapAndTheElement() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(1, 2, 3).map(new NullForTwo()).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage())
        .contains("map@2 (NullForTwo), subtask 0 of 1")
        .contains("the map function returned null for 2; streams cannot carry null elements");
    assertThat(failure.getOperatorName()).isEqualTo("map@2 (NullForTwo)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(0);
    assertThat(failure.getCause()).isInstanceOf(NullPointerException.class);
    threads.assertNoneLeftBehind();
  }

  @Test
  void flatMapCollectingNullFailsTheJobNamingTheFlatMap() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements("a", "b").<String>flatMap((value, out) -> out.collect(value.equals("b") ? null : value))
        .addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage())
        .contains("flatMap@2 (lambda in BadInputTest.flatMapCollectingNullFailsTheJobNamingTheFlatMap), subtask 0 of 1")
        .contains("streams cannot carry null elements");
    assertThat(failure.getCause()).isInstanceOf(NullPointerException.class);
    threads.assertNoneLeftBehind();
  }

  @Test
  void sourceFunctionEmittingNullFailsTheJobNamingTheSource() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.addSource(new NullEmittingSource()).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage())
        .contains("source@1 (NullEmittingSource), subtask 0 of 1")
        .contains("the source emitted null; streams cannot carry null elements");
    assertThat(failure.getOperatorName()).isEqualTo("source@1 (NullEmittingSource)");
    threads.assertNoneLeftBehind();
  }

  /** fromElements/fromCollection copy their input: a null element must be reported as such. */
  @Test
  void fromElementsWithANullElementIsRejectedWithAMessageSayingSo() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    assertThatThrownBy(() -> env.fromElements("a", null, "c"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("streams cannot carry null elements");
    threads.assertNoneLeftBehind();
  }

  // ---------------------------------------------------------------- parallelism settings

  @Test
  void environmentParallelismZeroIsRejectedNamingTheSetting() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    assertThatThrownBy(() -> env.setParallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be at least 1, got 0 for StreamExecutionEnvironment.setParallelism(...)");
    threads.assertNoneLeftBehind();
  }

  @Test
  void negativeEnvironmentParallelismIsRejectedNamingTheSetting() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    assertThatThrownBy(() -> env.setParallelism(-3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be at least 1, got -3 for StreamExecutionEnvironment.setParallelism(...)");
  }

  @Test
  void creatingAnEnvironmentWithParallelismZeroIsRejected() {
    assertThatThrownBy(() -> StreamExecutionEnvironment.createLocalEnvironment(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism must be at least 1, got 0");
  }

  @Test
  void operatorParallelismZeroIsRejectedNamingTheOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Integer> map = env.fromElements(1, 2).map(new Identity());

    assertThatThrownBy(() -> map.setParallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be at least 1, got 0 for map@2 (Identity).setParallelism(...)");
    threads.assertNoneLeftBehind();
  }

  @Test
  void negativeOperatorParallelismIsRejectedNamingTheOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Integer> map = env.fromElements(1, 2).map(new Identity());

    assertThatThrownBy(() -> map.setParallelism(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be at least 1, got -1 for map@2 (Identity).setParallelism(...)");
  }

  @Test
  void negativeSinkParallelismIsRejectedNamingTheSink() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStreamSink<Integer> sink = env.fromElements(1, 2).addSink(new DiscardingSink());

    assertThatThrownBy(() -> sink.setParallelism(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be at least 1, got -1 for sink@2 (DiscardingSink).setParallelism(...)");
  }

  @Test
  void environmentMaxParallelismOutOfRangeIsRejectedNamingTheSettingAndTheRange() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    assertThatThrownBy(() -> env.setMaxParallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max parallelism must be between 1 and 32768, got 0 for StreamExecutionEnvironment.setMaxParallelism(...)");
    assertThatThrownBy(() -> env.setMaxParallelism(32769))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max parallelism must be between 1 and 32768, got 32769 for StreamExecutionEnvironment.setMaxParallelism(...)");
  }

  @Test
  void operatorMaxParallelismOutOfRangeIsRejectedNamingTheOperatorAndTheRange() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Integer> map = env.fromElements(1, 2).map(new Identity());

    assertThatThrownBy(() -> map.setMaxParallelism(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max parallelism must be between 1 and 32768, got -5 for map@2 (Identity).setMaxParallelism(...)");
    assertThatThrownBy(() -> map.setMaxParallelism(40_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max parallelism must be between 1 and 32768, got 40000 for map@2 (Identity).setMaxParallelism(...)");
  }

  @Test
  void operatorMaxParallelismBelowItsParallelismFailsExecuteNamingTheOperatorAndTheFix() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(1, 2).map(new Identity()).setParallelism(4).setMaxParallelism(2).addSink(new DiscardingSink());

    assertThatThrownBy(env::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("map@2 (Identity): max parallelism 2 is below its parallelism 4; raise the max parallelism "
            + "(setMaxParallelism on the operator or the environment) or lower the parallelism");
    threads.assertNoneLeftBehind();
  }

  @Test
  void environmentMaxParallelismBelowTheParallelismFailsExecuteNamingAnOperator() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    env.setMaxParallelism(2);
    env.fromSequence(1, 10).map(new LongIdentity()).addSink(value -> {});

    assertThatThrownBy(env::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("(source@1 \\(sequence 1\\.\\.10\\)|map@2 \\(LongIdentity\\)|sink@3 \\(.*\\)): "
            + "max parallelism 2 is below its parallelism 4; raise the max parallelism .*");
    threads.assertNoneLeftBehind();
  }

  @Test
  void nonParallelSourceOfElementsRejectsParallelismTwoNamingTheSourceAndTheFix() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStreamSource<Integer> source = env.fromElements(1, 2, 3);

    assertThatThrownBy(() -> source.setParallelism(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source@1 (fromCollection) is a non-parallel source and cannot run with parallelism 2: "
            + "implement ParallelSourceFunction, or use fromSequence/fromSource");
  }

  @Test
  void plainSourceFunctionRejectsParallelismTwoNamingTheSourceAndTheFix() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStreamSource<String> source = env.addSource(new NullEmittingSource());

    assertThatThrownBy(() -> source.setParallelism(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source@1 (NullEmittingSource) is a non-parallel source and cannot run with parallelism 2: "
            + "implement ParallelSourceFunction, or use fromSequence/fromSource");
  }

  @Test
  void nonParallelSourceRunsWithParallelismOneInAParallelEnvironment() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    DataStreamSource<Integer> source = env.fromElements(1, 2, 3);

    assertThat(source.getParallelism()).isEqualTo(1);
    assertThat(source.map(x -> x * 10).executeAndCollect(10)).containsExactlyInAnyOrder(10, 20, 30);
    threads.assertNoneLeftBehind();
  }

  // ---------------------------------------------------------------- job shape

  @Test
  void jobWithoutSinkFailsExecuteSayingHowToAddOne() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(1, 2).map(new Identity());

    assertThatThrownBy(env::execute)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no sink")
        .hasMessageContaining("print()")
        .hasMessageContaining("addSink(...)")
        .hasMessageContaining("sinkTo(...)");
    threads.assertNoneLeftBehind();
  }

  @Test
  void operatorAddedToAnExecutedJobIsRejectedWhileANewPipelineOfTheSameEnvironmentRuns() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Integer> first = new CopyOnWriteArrayList<>();
    SingleOutputStreamOperator<Integer> mapped = env.fromElements(1, 2).map(new Identity());
    mapped.addSink(first::add);
    env.execute("first");

    assertThatThrownBy(() -> mapped.map(x -> x + 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot add map after map@2 (Identity): its job was already started with execute() or "
            + "executeAsync(). Build the next job from new sources of the environment.");

    List<Integer> second = new CopyOnWriteArrayList<>();
    env.fromElements(5, 6, 7).map(x -> x * 2).addSink(second::add);
    env.execute("second");
    assertThat(first).containsExactly(1, 2);
    assertThat(second).containsExactly(10, 12, 14);
    threads.assertNoneLeftBehind();
  }

  @Test
  void environmentStaysUsableAfterExecuteRejectedAJob() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(1, 2).map(new Identity()).setParallelism(4).setMaxParallelism(2).addSink(new DiscardingSink());
    assertThatThrownBy(env::execute).isInstanceOf(IllegalArgumentException.class);

    assertThat(env.fromElements(3, 4).map(x -> x + 1).executeAndCollect(10)).containsExactly(4, 5);
    threads.assertNoneLeftBehind();
  }

  // ---------------------------------------------------------------- user functions misused

  @Test
  void richFunctionThrowingInOpenFailsTheJobNamingOperatorAndSubtaskWithTheOriginalCause() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    IllegalStateException thrown = new IllegalStateException("cannot reach the database");
    env.fromElements(1, 2, 3).map(new FailingOpen(thrown)).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage())
        .contains("map@2 (FailingOpen), subtask 0 of 1")
        .contains("cannot reach the database");
    assertThat(failure.getOperatorName()).isEqualTo("map@2 (FailingOpen)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(0);
    assertThat(failure.getCause()).isSameAs(thrown);
    threads.assertNoneLeftBehind();
  }

  @Test
  void richFunctionThrowingInOpenOfSubtaskOneNamesSubtaskOne() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 100).map(new FailingOpenInSubtaskOne()).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("map@2 (FailingOpenInSubtaskOne), subtask 1 of 2");
    assertThat(failure.getOperatorName()).isEqualTo("map@2 (FailingOpenInSubtaskOne)");
    assertThat(failure.getSubtaskIndex()).isEqualTo(1);
    assertThat(failure.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("open failed in subtask 1");
    threads.assertNoneLeftBehind();
  }

  @Test
  void keyedStateInANonKeyedRichMapFailsTheJobSayingToCallKeyBy() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(1, 2, 3).map(new CountsWithoutKeyBy()).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("map@2 (CountsWithoutKeyBy), subtask 0 of 1");
    assertThat(failure.getCause())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Keyed state and timers are only available on a keyed stream, but map@2 (CountsWithoutKeyBy) "
            + "is not keyed: call keyBy(...) before it");
    threads.assertNoneLeftBehind();
  }

  @Test
  void timerInANonKeyedProcessFunctionFailsTheJobSayingToKeyByAndUseAKeyedProcessFunction() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements(1, 2, 3).process(new TimerWithoutKeyBy()).addSink(value -> {});

    JobExecutionException failure = JobFailures.executionFailureOf(env);

    assertThat(failure.getMessage()).contains("process@2 (TimerWithoutKeyBy), subtask 0 of 1");
    assertThat(failure.getCause())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Timers are only available on keyed streams, but process@2 (TimerWithoutKeyBy) is not keyed: "
            + "keyBy(...) the stream and use a KeyedProcessFunction");
    threads.assertNoneLeftBehind();
  }

  @Test
  void keyedProcessFunctionMayUseStateAndTimersAfterKeyBy() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> out = env.fromElements("a", "b", "a")
        .keyBy(s -> s)
        .process(new CountPerKey())
        .executeAndCollect(10);

    assertThat(out).containsExactly("a=1", "b=1", "a=2");
    threads.assertNoneLeftBehind();
  }

  /** Parallel subtasks get copies of a rich function: a field that cannot be copied is named with the fix. */
  @Test
  void richFunctionWithANonSerializableFieldAtParallelismTwoFailsExecuteNamingTheOperatorFieldTypeAndFix() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).map(new HoldsAThread()).addSink(value -> {});

    assertThatThrownBy(env::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("map@2 (HoldsAThread) runs with parallelism above 1")
        .hasMessageContaining("non-serializable class java.lang.Thread")
        .hasMessageContaining("make that field transient and create it in open(), or run the operator with setParallelism(1)");
    threads.assertNoneLeftBehind();
  }

  // ---------------------------------------------------------------- other parameters

  @Test
  void negativeBufferTimeoutIsRejectedNamingTheValueAndTheSetting() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    assertThatThrownBy(() -> env.setBufferTimeout(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buffer timeout must not be negative, got PT-0.005S for setBufferTimeout(...)");
  }

  @Test
  void sequenceWithUpperBoundBelowLowerBoundIsRejectedNamingBoth() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

    assertThatThrownBy(() -> env.fromSequence(5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fromSequence needs from <= to, got from=5, to=1");
  }

  @Test
  void negativeCollectLimitIsRejectedNamingTheParameter() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Integer> stream = env.fromElements(1);

    assertThatThrownBy(() -> stream.executeAndCollect(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must not be negative, got -1 for executeAndCollect(limit)");
    threads.assertNoneLeftBehind();
  }

  @Test
  void generatorSourceWithNegativeCountIsRejectedSayingHowToMakeItUnbounded() {
    assertThatThrownBy(() -> new DataGeneratorSource<>(index -> index, -1, Long.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not be negative, got -1; use Long.MAX_VALUE for an unbounded source");
  }

  @Test
  void rateLimitOfZeroIsRejectedSayingHowToHaveNoLimit() {
    assertThatThrownBy(() -> RateLimiterStrategy.perSecond(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recordsPerSecond must be positive, got 0.0 for RateLimiterStrategy.perSecond(...); use noOp() for no limit");
  }

  @Test
  void blankOutputTagIdIsRejected() {
    assertThatThrownBy(() -> new OutputTag<>(" ", String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("OutputTag id must not be empty");
  }

  // ---------------------------------------------------------------- functions

  private static final class Identity implements io.millrace.api.functions.MapFunction<Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer map(Integer value) {
      return value;
    }
  }

  private static final class LongIdentity implements io.millrace.api.functions.MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public Long map(Long value) {
      return value;
    }
  }

  private static final class NullForTwo implements io.millrace.api.functions.MapFunction<Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer map(Integer value) {
      return value == 2 ? null : value;
    }
  }

  private static final class DiscardingSink implements io.millrace.api.sink.SinkFunction<Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(Integer value) {}
  }

  private static final class NullEmittingSource implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<String> ctx) {
      ctx.collect("fine");
      ctx.collect(null);
    }

    @Override
    public void cancel() {}
  }

  private static final class FailingOpen extends RichMapFunction<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final IllegalStateException failure;

    FailingOpen(IllegalStateException failure) {
      this.failure = failure;
    }

    @Override
    public void open(OpenContext openContext) {
      throw failure;
    }

    @Override
    public Integer map(Integer value) {
      return value;
    }
  }

  private static final class FailingOpenInSubtaskOne extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void open(OpenContext openContext) {
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      if (subtask == 1) {
        throw new IllegalStateException("open failed in subtask " + subtask);
      }
    }

    @Override
    public Long map(Long value) {
      return value;
    }
  }

  private static final class CountsWithoutKeyBy extends RichMapFunction<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public Integer map(Integer value) throws Exception {
      count.update(count.value() == null ? 1L : count.value() + 1);
      return value;
    }
  }

  private static final class TimerWithoutKeyBy extends ProcessFunction<Integer, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Integer value, Context ctx, Collector<Integer> out) {
      ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 1000);
      out.collect(value);
    }
  }

  private static final class CountPerKey extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Integer> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
      int next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
      out.collect(ctx.getCurrentKey() + "=" + next);
    }
  }

  private static final class HoldsAThread extends RichMapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    @SuppressWarnings("serial") // deliberately not serializable: the engine must name it
    private final Object worker = new Thread(() -> {});

    @Override
    public Long map(Long value) {
      return worker == null ? null : value;
    }
  }
}
