package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.MapFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.functions.RichMapFunction;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import io.millrace.runtime.execution.LocalJob;
import io.millrace.runtime.execution.LocalJobClient;
import io.millrace.runtime.task.StreamTask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What each operator and partitioning does, by its exact output; which operators share a task
 * (chaining), by the job's tasks.
 */
class OperatorsTest {

  // ---------------------------------------------------------------- element-wise operators

  @Test
  void flatMapFilterAndMapTransformElementsInOrderAtParallelismOne() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> out = env.fromElements("a b", "c", "", "d e f")
        .<String>flatMap((line, collector) -> Arrays.stream(line.split(" ")).forEach(collector::collect))
        .filter(word -> !word.isEmpty())
        .map(String::toUpperCase)
        .executeAndCollect(100);

    assertThat(out).containsExactly("A", "B", "C", "D", "E", "F");
  }

  @Test
  void fromElementsKeepsItsOrderAtParallelismOne() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Integer> out = env.fromElements(5, 3, 9, 1, 7, 3).map(n -> n).executeAndCollect(100);

    assertThat(out).containsExactly(5, 3, 9, 1, 7, 3);
  }

  @Test
  void rollingReduceEmitsEachKeysRunningResult() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Integer> out = env.fromElements(1, 2, 3, 4, 5, 6).keyBy(n -> n % 2).reduce(Integer::sum).executeAndCollect(100);

    assertThat(out).containsExactly(1, 2, 4, 6, 9, 12);
  }

  @Test
  void fromSequenceCoversEachNumberExactlyOnceAtParallelismThreeInOrderWithinEachSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<Tagged<Long>> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 10_000).map(new TagWithSubtask<>()).addSink(out::add);

    env.execute();

    assertThat(out.stream().map(Tagged::value).sorted().collect(Collectors.toList()))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 10_000).boxed().collect(Collectors.toList()));
    bySubtask(out).forEach((subtask, values) -> assertThat(values).as("subtask " + subtask).isSorted());
  }

  @Test
  void dataGeneratorSourceEmitsEachIndexExactlyOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> out = new CopyOnWriteArrayList<>();
    env.fromSource(new DataGeneratorSource<>(index -> "e" + index, 1_000, String.class),
            WatermarkStrategy.noWatermarks(), "generated")
        .addSink(out::add);

    env.execute();

    assertThat(out).containsExactlyInAnyOrderElementsOf(
        LongStream.range(0, 1_000).mapToObj(index -> "e" + index).collect(Collectors.toList()));
  }

  @Test
  void rateLimitedDataGeneratorSourceEmitsEachIndexExactlyOnce() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = new CopyOnWriteArrayList<>();
    env.fromSource(new DataGeneratorSource<>(index -> index * 3, 300, RateLimiterStrategy.perSecond(20_000), Long.class),
            WatermarkStrategy.noWatermarks(), "limited")
        .addSink(out::add);

    env.execute();

    assertThat(out).containsExactlyInAnyOrderElementsOf(
        LongStream.range(0, 300).map(index -> index * 3).boxed().collect(Collectors.toList()));
  }

  @Test
  void executeAndCollectReturnsExactlyLimitElementsOfAnUnboundedSourceAndEndsTheJob() throws Exception {
    JobThreads threads = JobThreads.snapshot();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = env.fromSource(new DataGeneratorSource<>(index -> index, Long.MAX_VALUE, Long.class),
            WatermarkStrategy.noWatermarks(), "endless")
        .map(n -> n + 1)
        .executeAndCollect(100);

    assertThat(out).hasSize(100).doesNotHaveDuplicates().allMatch(n -> n >= 1);
    threads.assertNoneLeftBehind();
  }

  // ---------------------------------------------------------------- partitioning

  @Test
  void globalSendsEveryElementToSubtaskZero() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Tagged<Long>> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 100).global().map(new TagWithSubtask<>()).setParallelism(3).addSink(out::add);

    env.execute();

    assertThat(bySubtask(out).keySet()).containsExactly(0);
    assertThat(bySubtask(out).get(0)).containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(1, 100).boxed().collect(Collectors.toList()));
  }

  @Test
  void broadcastDeliversEveryElementToEverySubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<Tagged<Integer>> out = new CopyOnWriteArrayList<>();
    env.fromElements(1, 2, 3).broadcast().map(new TagWithSubtask<>()).addSink(out::add);

    env.execute();

    Map<Integer, List<Integer>> bySubtask = bySubtask(out);
    assertThat(bySubtask.keySet()).containsExactly(0, 1, 2);
    bySubtask.forEach((subtask, values) -> assertThat(values).as("subtask " + subtask).containsExactly(1, 2, 3));
  }

  @Test
  void rebalanceDealsElementsRoundRobin() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<Tagged<Integer>> out = new CopyOnWriteArrayList<>();
    env.fromElements(1, 2, 3, 4, 5, 6, 7, 8, 9).rebalance().map(new TagWithSubtask<>()).addSink(out::add);

    env.execute();

    Set<Set<Integer>> dealt = bySubtask(out).values().stream().map(HashSet::new).collect(Collectors.toSet());
    assertThat(dealt).containsExactlyInAnyOrder(Set.of(1, 4, 7), Set.of(2, 5, 8), Set.of(3, 6, 9));
  }

  @Test
  void shuffleDeliversEachElementOnceToSomeSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<Tagged<Long>> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 3_000).shuffle().map(new TagWithSubtask<>()).addSink(out::add);

    env.execute();

    assertThat(out.stream().map(Tagged::value).collect(Collectors.toList()))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 3_000).boxed().collect(Collectors.toList()));
    assertThat(bySubtask(out).keySet()).containsExactly(0, 1, 2);
  }

  @Test
  void unionMergesAllInputsKeepingEachInputsOrderAtParallelismOne() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Long> first = env.fromElements(1L, 2L, 3L);
    DataStream<Long> second = env.fromElements(10L, 20L);
    DataStream<Long> third = env.fromSequence(100, 104);

    List<Long> out = first.union(second, third).map(n -> n).executeAndCollect(100);

    assertThat(out).containsExactlyInAnyOrder(1L, 2L, 3L, 10L, 20L, 100L, 101L, 102L, 103L, 104L);
    assertThat(out.stream().filter(n -> n < 10).collect(Collectors.toList())).containsExactly(1L, 2L, 3L);
    assertThat(out.stream().filter(n -> n >= 10 && n < 100).collect(Collectors.toList())).containsExactly(10L, 20L);
    assertThat(out.stream().filter(n -> n >= 100).collect(Collectors.toList())).containsExactly(100L, 101L, 102L, 103L, 104L);
  }

  // ---------------------------------------------------------------- side outputs

  @Test
  void processFunctionSideOutputReachesAChainedReaderInOrder() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    OutputTag<String> rejected = new OutputTag<>("rejected", String.class);
    List<Integer> parsed = new CopyOnWriteArrayList<>();
    List<String> bad = new CopyOnWriteArrayList<>();
    SingleOutputStreamOperator<Integer> numbers = env.fromElements("1", "x", "2", "y", "3").process(new Parse(rejected));
    numbers.addSink(parsed::add);
    numbers.getSideOutput(rejected).addSink(bad::add);

    env.execute();

    assertThat(parsed).containsExactly(1, 2, 3);
    assertThat(bad).containsExactly("x", "y");
  }

  @Test
  void processFunctionSideOutputReachesNonChainedReadersAndAnEqualTagReadsTheSameOutput() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> rejected = new OutputTag<>("rejected", String.class);
    List<Integer> parsed = new CopyOnWriteArrayList<>();
    List<String> bad = new CopyOnWriteArrayList<>();
    List<String> badAgain = new CopyOnWriteArrayList<>();
    SingleOutputStreamOperator<Integer> numbers = env.fromElements("1", "x", "2", "y", "3").process(new Parse(rejected));
    numbers.addSink(parsed::add);
    numbers.getSideOutput(rejected).map(String::toUpperCase).setParallelism(1).addSink(bad::add);
    numbers.getSideOutput(new OutputTag<>("rejected", String.class)).rebalance().addSink(badAgain::add);

    env.execute();

    assertThat(parsed).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(bad).containsExactlyInAnyOrder("X", "Y");
    assertThat(badAgain).containsExactlyInAnyOrder("x", "y");
  }

  // ---------------------------------------------------------------- print

  @Test
  void printPrefixesEachLineWithTheOneBasedSubtaskWhenParallel() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromElements("x", "y", "z").print();

    List<String> lines = capturingStandardOutput(env);

    assertThat(lines).hasSize(3).allMatch(line -> line.matches("[12]> [xyz]"));
    assertThat(lines.stream().map(line -> line.substring(3)).collect(Collectors.toList()))
        .containsExactlyInAnyOrder("x", "y", "z");
  }

  @Test
  void printWritesBareLinesInOrderAtParallelismOne() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromElements("x", "y", "z").print();

    assertThat(capturingStandardOutput(env)).containsExactly("x", "y", "z");
  }

  // ---------------------------------------------------------------- function instances

  @Test
  void subtaskZeroRunsTheUsersRichFunctionInstanceAndOtherSubtasksRunCopies() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    InstanceProbe probe = new InstanceProbe(new Object());
    List<String> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 3_000).rebalance().map(probe).addSink(out::add);

    env.execute();

    assertThat(new TreeMap<>(out.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()))).keySet())
        .containsExactly("subtask 0 runs the user's instance: true",
            "subtask 1 runs the user's instance: false",
            "subtask 2 runs the user's instance: false");
    assertThat(probe.openedAsSubtask).isEqualTo(0);
  }

  @Test
  void plainFunctionIsSharedByAllSubtasks() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    CountingMap counting = new CountingMap();
    env.fromSequence(1, 3_000).map(counting).addSink(value -> {});

    env.execute();

    assertThat(counting.calls.get()).isEqualTo(3_000);
  }

  // ---------------------------------------------------------------- chaining

  @Test
  void sourceMapFilterAndSinkOfEqualParallelismRunAsOneTaskPerSubtask() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 100).map(n -> n * 2).filter(n -> n % 3 == 0).addSink(out::add);

    LocalJob job = runToEnd(env);

    assertThat(chainsOf(job)).containsExactly("source@1 -> map@2 -> filter@3 -> sink@4 x2");
    assertThat(job.threads()).extracting(Thread::getName).containsExactlyInAnyOrder(
        "millrace " + job.tasks().get(0).name() + " (1/2)", "millrace " + job.tasks().get(0).name() + " (2/2)");
    assertThat(out).containsExactlyInAnyOrderElementsOf(
        LongStream.rangeClosed(1, 100).map(n -> n * 2).filter(n -> n % 3 == 0).boxed().collect(Collectors.toList()));
  }

  @Test
  void disableChainingRunsTheOperatorInATaskOfItsOwn() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 100).map(n -> n * 2).disableChaining().filter(n -> n % 3 == 0).addSink(out::add);

    LocalJob job = runToEnd(env);

    assertThat(chainsOf(job)).containsExactly("filter@3 -> sink@4 x2", "map@2 x2", "source@1 x2");
    assertThat(out).hasSize(33);
  }

  @Test
  void startNewChainCutsTheChainBeforeTheOperator() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 100).map(n -> n * 2).filter(n -> n % 3 == 0).startNewChain().addSink(out::add);

    LocalJob job = runToEnd(env);

    assertThat(chainsOf(job)).containsExactly("filter@3 -> sink@4 x2", "source@1 -> map@2 x2");
    assertThat(out).hasSize(33);
  }

  @Test
  void keyByCutsTheChain() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 100).map(n -> n * 2).keyBy(n -> n % 4).reduce(Long::sum).addSink(out::add);

    LocalJob job = runToEnd(env);

    assertThat(chainsOf(job)).containsExactly("reduce@4 -> sink@5 x2", "source@1 -> map@2 x2");
    assertThat(out).hasSize(100);
  }

  @Test
  void rebalanceCutsTheChainEvenAtEqualParallelism() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 100).rebalance().map(n -> n * 2).addSink(value -> {});

    LocalJob job = runToEnd(env);

    assertThat(chainsOf(job)).containsExactly("map@3 -> sink@4 x2", "source@1 x2");
  }

  @Test
  void differentParallelismCutsTheChain() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> out = new CopyOnWriteArrayList<>();
    env.fromSequence(1, 100).map(n -> n * 2).setParallelism(1).filter(n -> n % 3 == 0).addSink(out::add);

    LocalJob job = runToEnd(env);

    assertThat(chainsOf(job)).containsExactly("filter@3 -> sink@4 x2", "map@2 x1", "source@1 x2");
    assertThat(out).hasSize(33);
  }

  @Test
  void operatorReadByTwoOperatorsChainsBothWhenEachHasOneInput() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Long> all = new CopyOnWriteArrayList<>();
    List<Long> even = new CopyOnWriteArrayList<>();
    SingleOutputStreamOperator<Long> doubled = env.fromSequence(1, 10).map(n -> n * 10);
    doubled.addSink(all::add);
    doubled.filter(n -> n % 20 == 0).addSink(even::add);

    LocalJob job = runToEnd(env);

    assertThat(job.tasks()).hasSize(2);
    assertThat(chainsOf(job).get(0)).startsWith("source@1 -> map@2 -> ").contains("sink@3").contains("filter@4 -> sink@5");
    assertThat(all).containsExactlyInAnyOrder(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
    assertThat(even).containsExactlyInAnyOrder(20L, 40L, 60L, 80L, 100L);
  }

  // ---------------------------------------------------------------- helpers

  /** Runs the job built on {@code env} to its end and returns it. */
  private static LocalJob runToEnd(StreamExecutionEnvironment env) throws Exception {
    LocalJobClient client = (LocalJobClient) env.executeAsync("chains");
    client.getJobExecutionResult().get(10, TimeUnit.SECONDS);
    return client.job();
  }

  /** Each chain as "op@id -> op@id xN" (N = its number of tasks), sorted. */
  private static List<String> chainsOf(LocalJob job) {
    Map<String, Long> tasksPerChain = job.tasks().stream()
        .collect(Collectors.groupingBy(StreamTask::name, TreeMap::new, Collectors.counting()));
    List<String> chains = new ArrayList<>();
    tasksPerChain.forEach((name, count) -> chains.add(name.replaceAll(" \\([^()]*\\)", "") + " x" + count));
    chains.sort(null);
    return chains;
  }

  private static <T> Map<Integer, List<T>> bySubtask(List<Tagged<T>> tagged) {
    Map<Integer, List<T>> bySubtask = new TreeMap<>();
    for (Tagged<T> element : tagged) {
      bySubtask.computeIfAbsent(element.subtask(), subtask -> new ArrayList<>()).add(element.value());
    }
    return bySubtask;
  }

  /** Runs the job with standard output captured; returns the printed lines. */
  private static List<String> capturingStandardOutput(StreamExecutionEnvironment env) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      env.execute();
    } finally {
      System.setOut(original);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    return printed.isEmpty() ? List.of() : Arrays.asList(printed.split(System.lineSeparator()));
  }

  /** An element with the index of the subtask that saw it. */
  private record Tagged<T>(int subtask, T value) {}

  private static final class TagWithSubtask<T> extends RichMapFunction<T, Tagged<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tagged<T> map(T value) {
      return new Tagged<>(getRuntimeContext().getIndexOfThisSubtask(), value);
    }
  }

  private static final class Parse extends ProcessFunction<String, Integer> {
    private static final long serialVersionUID = 1L;
    private final OutputTag<String> rejected;

    Parse(OutputTag<String> rejected) {
      this.rejected = rejected;
    }

    @Override
    public void processElement(String value, Context ctx, Collector<Integer> out) {
      try {
        out.collect(Integer.parseInt(value));
      } catch (NumberFormatException e) {
        ctx.output(rejected, value);
      }
    }
  }

  /** Tells whether it is the user's instance: only that one holds the (transient) marker. */
  private static final class InstanceProbe extends RichMapFunction<Long, String> {
    private static final long serialVersionUID = 1L;
    private final transient Object marker;
    volatile int openedAsSubtask = -1;

    InstanceProbe(Object marker) {
      this.marker = marker;
    }

    @Override
    public void open(OpenContext openContext) {
      openedAsSubtask = getRuntimeContext().getIndexOfThisSubtask();
    }

    @Override
    public String map(Long value) {
      return "subtask " + getRuntimeContext().getIndexOfThisSubtask() + " runs the user's instance: " + (marker != null);
    }
  }

  private static final class CountingMap implements MapFunction<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final transient AtomicInteger calls = new AtomicInteger();

    @Override
    public Long map(Long value) {
      calls.incrementAndGet();
      return value;
    }
  }
}
