package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.TimeDomain;
import io.millrace.api.source.SourceFunction;
import io.millrace.runtime.api.LocalStreamEnvironment;
import io.millrace.runtime.time.ManualProcessingClock;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Timers, keys and side outputs of {@link KeyedProcessFunction}. Processing time is a
 * {@link ManualProcessingClock}; a {@link CommandSource} holds the job open while the test
 * moves the clock, and the test waits for each acknowledgement before it moves on, so every
 * output is exact. On each state backend.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.api.StateBackendsUnderTest#all")
class KeyedProcessFunctionTest {
  @Parameter
  StateBackend backend;

  private final ManualProcessingClock clock = new ManualProcessingClock(0);
  private final CommandSource<String> commands = new CommandSource<>();
  private final AwaitedOutputs<String> outputs = new AwaitedOutputs<>();
  private JobClient job;

  /** Starts source → keyBy(first word) → TimerScript → sink at {@code parallelism}. */
  private void startTimerScript(int parallelism) throws Exception {
    LocalStreamEnvironment env = (LocalStreamEnvironment) StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setStateBackend(backend).setProcessingClock(clock);
    env.addSource(commands)
        .keyBy(command -> command.split(" ")[0])
        .process(new TimerScript())
        .addSink(outputs.sink());
    job = env.executeAsync("timers");
  }

  /** Ends the source, waits for the job to finish and checks nothing else was emitted. */
  private void finishJob() throws Exception {
    commands.end();
    job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
    assertThat(outputs.remaining()).as("outputs after the last expected one").isEmpty();
  }

  private List<String> send(String... lines) throws InterruptedException {
    for (String line : lines) {
      commands.emit(line);
    }
    return outputs.next(lines.length);
  }

  @Test
  void processingTimersFireInTimestampOrderAcrossKeysWhenTheClockReachesThem() throws Exception {
    startTimerScript(1);
    assertThat(send("a register 100", "b register 50", "c register 70", "d register 300"))
        .containsExactly("a registered 100", "b registered 50", "c registered 70", "d registered 300");

    clock.advanceTo(99);
    assertThat(outputs.next(2)).containsExactly(
        "fired b@50 key=b PROCESSING_TIME timestamp=50 now=99",
        "fired c@70 key=c PROCESSING_TIME timestamp=70 now=99");

    clock.advanceTo(100);
    assertThat(outputs.next(1)).containsExactly("fired a@100 key=a PROCESSING_TIME timestamp=100 now=100");

    clock.advanceTo(1_000);
    assertThat(outputs.next(1)).containsExactly("fired d@300 key=d PROCESSING_TIME timestamp=300 now=1000");
    finishJob();
  }

  @Test
  void registeringTheSameTimeTwiceForAKeyFiresOnceButEachKeyHasItsOwnTimer() throws Exception {
    startTimerScript(1);
    send("a register 100", "a register 100", "b register 100");

    clock.advanceTo(100);
    assertThat(outputs.next(2)).containsExactlyInAnyOrder(
        "fired a@100 key=a PROCESSING_TIME timestamp=100 now=100",
        "fired b@100 key=b PROCESSING_TIME timestamp=100 now=100");
    // A second firing of a@100 would have been emitted before this acknowledgement.
    assertThat(send("z register 200")).containsExactly("z registered 200");
    clock.advanceTo(200);
    assertThat(outputs.next(1)).containsExactly("fired z@200 key=z PROCESSING_TIME timestamp=200 now=200");
    finishJob();
  }

  @Test
  void deletedTimerDoesNotFireWhileTheKeysOtherTimersAndOtherKeysTimersDo() throws Exception {
    startTimerScript(1);
    send("a register 100", "a register 200", "a delete 100", "b register 150", "b delete 200", "c register 100");

    clock.advanceTo(1_000);
    assertThat(outputs.next(3)).containsExactly(
        "fired c@100 key=c PROCESSING_TIME timestamp=100 now=1000",
        "fired b@150 key=b PROCESSING_TIME timestamp=150 now=1000",
        "fired a@200 key=a PROCESSING_TIME timestamp=200 now=1000");
    finishJob();
  }

  @Test
  void deletingTheEarliestTimerStillFiresTheLaterOnesOnTime() throws Exception {
    startTimerScript(1);
    send("a register 50", "b register 80", "a delete 50");

    clock.advanceTo(60);
    assertThat(send("probe register 5000")).as("nothing fired at 60").containsExactly("probe registered 5000");
    clock.advanceTo(80);
    assertThat(outputs.next(1)).containsExactly("fired b@80 key=b PROCESSING_TIME timestamp=80 now=80");
    finishJob();
  }

  @Test
  void timerForATimeThatHasPassedFiresWithoutMovingTheClock() throws Exception {
    clock.advanceTo(500);
    startTimerScript(1);

    assertThat(send("a register 100")).containsExactly("a registered 100");
    assertThat(outputs.next(1)).containsExactly("fired a@100 key=a PROCESSING_TIME timestamp=100 now=500");
    finishJob();
  }

  @Test
  void timerRegisteredInOnTimerFiresWhenTheClockReachesIt() throws Exception {
    startTimerScript(1);
    assertThat(send("a chain 100")).containsExactly("a chains 100");

    clock.advanceTo(100);
    assertThat(outputs.next(1)).containsExactly("fired a@100 key=a PROCESSING_TIME timestamp=100 now=100");
    clock.advanceTo(150);
    assertThat(send("probe register 5000")).as("the chained timer waits for 200").containsExactly("probe registered 5000");
    clock.advanceTo(200);
    assertThat(outputs.next(1)).containsExactly("fired a@200 key=a PROCESSING_TIME timestamp=200 now=200");
    finishJob();
  }

  @Test
  void everyKeysTimerFiresExactlyOnceWithItsKeyAtParallelismTwo() throws Exception {
    startTimerScript(2);
    List<String> expectedAcks = new ArrayList<>();
    List<String> expectedFirings = new ArrayList<>();
    for (int key = 0; key < 20; key++) {
      commands.emit("k" + key + " register " + (100 + key));
      expectedAcks.add("k" + key + " registered " + (100 + key));
      expectedFirings.add("fired k" + key + "@" + (100 + key) + " key=k" + key
          + " PROCESSING_TIME timestamp=" + (100 + key) + " now=1000");
    }
    assertThat(outputs.next(20)).containsExactlyInAnyOrderElementsOf(expectedAcks);

    clock.advanceTo(1_000);
    assertThat(outputs.next(20)).containsExactlyInAnyOrderElementsOf(expectedFirings);
    finishJob();
  }

  @Test
  void eventTimeTimersFireAsTheWatermarkPassesThemInTimestampOrder() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1).setStateBackend(backend);
    List<String> out = new CopyOnWriteArrayList<>();
    env.addSource(new TimestampedWords())
        .keyBy(word -> word)
        .process(new EventTimeEcho())
        .addSink(out::add);

    env.execute();

    assertThat(out).containsExactly(
        "a@10 watermark=-9223372036854775808",
        "b@20 watermark=-9223372036854775808",
        "fired a@15 EVENT_TIME timestamp=15 watermark=15",
        "c@30 watermark=15",
        "fired b@25 EVENT_TIME timestamp=25 watermark=100",
        "fired c@35 EVENT_TIME timestamp=35 watermark=100");
  }

  @Test
  void keyedStateIsScopedToTheCurrentKeyInElementsAndTimers() throws Exception {
    LocalStreamEnvironment env = (LocalStreamEnvironment) StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(backend).setProcessingClock(clock);
    env.addSource(commands)
        .keyBy(word -> word)
        .process(new CountThenReport())
        .addSink(outputs.sink());
    job = env.executeAsync("counts");
    for (String word : List.of("x", "y", "x", "z", "x", "y")) {
      commands.emit(word);
    }
    assertThat(outputs.next(6)).containsExactlyInAnyOrder("x#1", "y#1", "x#2", "z#1", "x#3", "y#2");

    clock.advanceTo(10);
    assertThat(outputs.next(3)).containsExactlyInAnyOrder("x total 3", "y total 2", "z total 1");
    finishJob();
  }

  @Test
  void sideOutputsOfAKeyedProcessFunctionReachTheirChainedAndNonChainedReaders() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2).setStateBackend(backend);
    OutputTag<String> odd = new OutputTag<>("odd", String.class);
    OutputTag<Long> big = new OutputTag<>("big", Long.class);
    List<Long> main = new CopyOnWriteArrayList<>();
    List<String> odds = new CopyOnWriteArrayList<>();
    List<Long> bigs = new CopyOnWriteArrayList<>();
    List<String> unread = new CopyOnWriteArrayList<>();
    SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 100)
        .keyBy(n -> n % 10)
        .process(new SplitByParity(odd, big));
    evens.addSink(main::add);
    evens.getSideOutput(odd).addSink(odds::add); // chained to the process operator
    evens.getSideOutput(big).map(n -> n * 10).setParallelism(1).addSink(bigs::add); // another task
    evens.getSideOutput(new OutputTag<String>("unread-by-anyone", String.class)).filter(s -> false).addSink(unread::add);

    env.execute();

    List<Long> expectedEvens = new ArrayList<>();
    List<String> expectedOdds = new ArrayList<>();
    List<Long> expectedBigs = new ArrayList<>();
    for (long n = 1; n <= 100; n++) {
      if (n % 2 == 0) {
        expectedEvens.add(n);
      } else {
        expectedOdds.add("odd " + n + " key " + n % 10);
      }
      if (n > 95) {
        expectedBigs.add(n * 10);
      }
    }
    assertThat(main).containsExactlyInAnyOrderElementsOf(expectedEvens);
    assertThat(odds).containsExactlyInAnyOrderElementsOf(expectedOdds);
    assertThat(bigs).containsExactlyInAnyOrderElementsOf(expectedBigs);
    assertThat(unread).isEmpty();
  }

  // ---------------------------------------------------------------- functions

  /**
   * Runs commands "key register t", "key delete t" and "key chain t" (a timer that registers
   * another 100 ms later when it fires); acknowledges each, and reports each firing.
   */
  private static final class TimerScript extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Boolean> chains;

    @Override
    public void open(OpenContext openContext) {
      chains = getRuntimeContext().getState(new ValueStateDescriptor<>("chains", Boolean.class));
    }

    @Override
    public void processElement(String command, Context ctx, Collector<String> out) throws Exception {
      String[] parts = command.split(" ");
      long time = Long.parseLong(parts[2]);
      switch (parts[1]) {
        case "register" -> {
          ctx.timerService().registerProcessingTimeTimer(time);
          out.collect(ctx.getCurrentKey() + " registered " + time);
        }
        case "delete" -> {
          ctx.timerService().deleteProcessingTimeTimer(time);
          out.collect(ctx.getCurrentKey() + " deleted " + time);
        }
        case "chain" -> {
          chains.update(true);
          ctx.timerService().registerProcessingTimeTimer(time);
          out.collect(ctx.getCurrentKey() + " chains " + time);
        }
        default -> throw new IllegalArgumentException(command);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect("fired " + ctx.getCurrentKey() + "@" + timestamp + " key=" + ctx.getCurrentKey() + " "
          + ctx.timeDomain() + " timestamp=" + ctx.timestamp() + " now=" + ctx.timerService().currentProcessingTime());
      if (ctx.timeDomain() != TimeDomain.PROCESSING_TIME) {
        throw new IllegalStateException("expected a processing-time timer");
      }
      if (Boolean.TRUE.equals(chains.value())) {
        chains.clear();
        ctx.timerService().registerProcessingTimeTimer(timestamp + 100);
      }
    }
  }

  /** Emits a@10, b@20, watermark 15, c@30, watermark 100. */
  private static final class TimestampedWords implements SourceFunction<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<String> ctx) {
      ctx.collectWithTimestamp("a", 10);
      ctx.collectWithTimestamp("b", 20);
      ctx.emitWatermark(15);
      ctx.collectWithTimestamp("c", 30);
      ctx.emitWatermark(100);
    }

    @Override
    public void cancel() {}
  }

  private static final class EventTimeEcho extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String word, Context ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 5);
      out.collect(word + "@" + ctx.timestamp() + " watermark=" + ctx.timerService().currentWatermark());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect("fired " + ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain() + " timestamp="
          + ctx.timestamp() + " watermark=" + ctx.timerService().currentWatermark());
    }
  }

  /** Counts elements per key and reports the count when the key's timer at 10 fires. */
  private static final class CountThenReport extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Integer> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
    }

    @Override
    public void processElement(String word, Context ctx, Collector<String> out) throws Exception {
      int next = count.value() == null ? 1 : count.value() + 1;
      count.update(next);
      ctx.timerService().registerProcessingTimeTimer(10);
      out.collect(word + "#" + next);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      out.collect(ctx.getCurrentKey() + " total " + count.value());
    }
  }

  /** Evens to the main output, odds (with their key) and numbers above 95 to side outputs. */
  private static final class SplitByParity extends KeyedProcessFunction<Long, Long, Long> {
    private static final long serialVersionUID = 1L;
    private final OutputTag<String> odd;
    private final OutputTag<Long> big;

    SplitByParity(OutputTag<String> odd, OutputTag<Long> big) {
      this.odd = odd;
      this.big = big;
    }

    @Override
    public void processElement(Long n, Context ctx, Collector<Long> out) {
      if (n % 2 == 0) {
        out.collect(n);
      } else {
        ctx.output(odd, "odd " + n + " key " + ctx.getCurrentKey());
      }
      if (n > 95) {
        ctx.output(big, n);
      }
    }
  }
}
