package io.millrace.conformance;

import io.millrace.api.DataStream;
import io.millrace.api.IntervalJoin;
import io.millrace.api.JobClient;
import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.windowing.GlobalWindow;
import io.millrace.cep.CEP;
import io.millrace.cep.PatternStream;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowedStream;
import io.millrace.conformance.InputLine.Stream;
import io.millrace.conformance.JoinFunctions.GroupLine;
import io.millrace.conformance.JoinFunctions.IntervalPairLine;
import io.millrace.conformance.JoinFunctions.PairLine;
import io.millrace.conformance.KeyedProcessBehaviors.InactivityTimer;
import io.millrace.conformance.KeyedProcessBehaviors.TimerAfterFirst;
import io.millrace.conformance.KeyedProcessBehaviors.Trace;
import io.millrace.conformance.OperatorSpec.FunctionSpec;
import io.millrace.conformance.ScenarioSpec.KeyField;
import io.millrace.conformance.WindowFunctions.AggregateLine;
import io.millrace.conformance.WindowFunctions.AggregateMeasures;
import io.millrace.conformance.WindowFunctions.AggregateWindowInfo;
import io.millrace.conformance.WindowFunctions.LateLine;
import io.millrace.conformance.WindowFunctions.ProcessMeasures;
import io.millrace.conformance.WindowFunctions.ReduceLine;
import io.millrace.conformance.WindowFunctions.ReduceWindowInfo;
import io.millrace.conformance.WindowFunctions.SumValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds a scenario's job with the public API and runs it: one {@link ScenarioSource} per stream
 * with {@code source.channels} subtasks, every operator at parallelism {@code p} on the keyed
 * stream(s), each output stamped with its record timestamp and collected by one sink.
 */
final class ScenarioJob {
  private final Scenario scenario;
  private final StreamExecutionEnvironment env;
  private final KeySelector<Event, String> keySelector;
  private final List<DataStream<OutputLine>> outputs = new ArrayList<>();
  private DataStream<Event> left;
  private DataStream<Event> right;
  private KeyedStream<Event, String> leftKeyed;
  private KeyedStream<Event, String> rightKeyed;

  private ScenarioJob(Scenario scenario, int parallelism) {
    this.scenario = scenario;
    this.env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.setParallelism(parallelism);
    env.getConfig().setAutoWatermarkInterval(0);
    env.setBufferTimeout(Duration.ofMillis(1));
    this.keySelector = new FieldKey(scenario.spec().keyBy());
  }

  /**
   * Runs {@code scenario} with its operators at {@code parallelism} and returns the output lines
   * per file (every file the spec produces is present, possibly empty).
   */
  static Map<OutputFile, List<OutputLine>> run(Scenario scenario, int parallelism, Duration timeout) throws Exception {
    ScenarioJob job = new ScenarioJob(scenario, parallelism);
    for (OperatorSpec operator : scenario.spec().operators()) {
      job.add(operator);
    }
    return job.execute(timeout);
  }

  private Map<OutputFile, List<OutputLine>> execute(Duration timeout) throws Exception {
    Queue<OutputLine> collected = new ConcurrentLinkedQueue<>();
    DataStream<OutputLine> all = outputs.size() == 1 ? outputs.get(0) : outputs.get(0).union(outputs.subList(1, outputs.size()));
    all.addSink(collected::add);
    JobClient client = env.executeAsync("conformance " + scenario.name());
    try {
      client.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      client.cancel();
      throw new AssertionError("the job of " + scenario.name() + " did not finish within " + timeout
          + "; lines collected so far: " + collected, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    Map<OutputFile, List<OutputLine>> lines = new EnumMap<>(OutputFile.class);
    for (OutputFile file : scenario.expected().keySet()) {
      lines.put(file, new ArrayList<>());
    }
    for (OutputLine line : collected) {
      lines.computeIfAbsent(line.file(), file -> new ArrayList<>()).add(line);
    }
    return lines;
  }

  private void add(OperatorSpec operator) {
    if (operator instanceof OperatorSpec.Window window) {
      window(window);
    } else if (operator instanceof OperatorSpec.KeyedProcess process) {
      keyedProcess(process);
    } else if (operator instanceof OperatorSpec.WindowJoin join) {
      output(left().join(right()).where(keySelector).equalTo(keySelector)
          .window(TimeWindowAssigners.of(join.window()))
          .apply(new PairLine(join.id(), keyField()))
          .name(join.id()), join.id());
    } else if (operator instanceof OperatorSpec.CoGroup coGroup) {
      output(left().coGroup(right()).where(keySelector).equalTo(keySelector)
          .window(TimeWindowAssigners.of(coGroup.window()))
          .apply(new GroupLine(coGroup.id(), keyField()))
          .name(coGroup.id()), coGroup.id());
    } else if (operator instanceof OperatorSpec.IntervalJoin join) {
      intervalJoin(join);
    } else if (operator instanceof OperatorSpec.Cep cep) {
      cep(cep);
    } else {
      throw new IllegalArgumentException("the conformance runner cannot build operator " + operator);
    }
  }

  private void window(OperatorSpec.Window operator) {
    if (operator.window() instanceof WindowSpec.Count count) {
      WindowedStream<Event, String, GlobalWindow> windowed = count.slide() == null
          ? leftKeyed().countWindow(count.size())
          : leftKeyed().countWindow(count.size(), count.slide());
      windowFunction(windowed, operator, null);
      return;
    }
    WindowedStream<Event, String, TimeWindow> windowed = leftKeyed().window(TimeWindowAssigners.of(operator.window()));
    if (operator.allowedLatenessMs() > 0) {
      windowed = windowed.allowedLateness(Duration.ofMillis(operator.allowedLatenessMs()));
    }
    OutputTag<Event> lateTag = null;
    if (operator.lateSideOutput()) {
      lateTag = new OutputTag<>(operator.id() + "-late", Event.class);
      windowed = windowed.sideOutputLateData(lateTag);
    }
    windowFunction(windowed, operator, lateTag);
  }

  private <W extends Window> void windowFunction(
      WindowedStream<Event, String, W> windowed, OperatorSpec.Window operator, OutputTag<Event> lateTag) {
    String op = operator.id();
    FunctionSpec function = operator.function();
    SingleOutputStreamOperator<?> windowOperator;
    DataStream<OutputLine> lines;
    switch (function.kind()) {
      case REDUCE -> {
        if (function.windowInfo()) {
          SingleOutputStreamOperator<OutputLine> reduced = windowed.reduce(new SumValues(), new ReduceWindowInfo<W>(op));
          windowOperator = reduced;
          lines = reduced;
        } else {
          SingleOutputStreamOperator<Event> reduced = windowed.reduce(new SumValues());
          windowOperator = reduced;
          lines = reduced.map(new ReduceLine(op, keyField()));
        }
      }
      case AGGREGATE -> {
        if (function.windowInfo()) {
          SingleOutputStreamOperator<OutputLine> aggregated = windowed.aggregate(
              new AggregateMeasures(keyField()), new AggregateWindowInfo<W>(op, function.measures()));
          windowOperator = aggregated;
          lines = aggregated;
        } else {
          SingleOutputStreamOperator<Measures> aggregated = windowed.aggregate(new AggregateMeasures(keyField()));
          windowOperator = aggregated;
          lines = aggregated.map(new AggregateLine(op, function.measures()));
        }
      }
      case PROCESS -> {
        SingleOutputStreamOperator<OutputLine> processed =
            windowed.process(new ProcessMeasures<W>(op, keyField(), function.measures()));
        windowOperator = processed;
        lines = processed;
      }
      default -> throw new IllegalArgumentException("unknown window function " + function);
    }
    windowOperator.name(op);
    output(lines, op);
    if (lateTag != null) {
      output(windowOperator.getSideOutput(lateTag).map(new LateLine(op, keyField())), op + " late");
    }
  }

  private void keyedProcess(OperatorSpec.KeyedProcess operator) {
    String op = operator.id();
    SingleOutputStreamOperator<OutputLine> processed = switch (operator.behavior()) {
      case TIMER_AFTER_FIRST -> leftKeyed().process(new TimerAfterFirst(op, operator.delayMs()));
      case INACTIVITY_TIMER -> leftKeyed().process(new InactivityTimer(op, operator.delayMs()));
      case TRACE -> leftKeyed().process(new Trace(op));
    };
    output(processed.name(op), op);
  }

  private void intervalJoin(OperatorSpec.IntervalJoin operator) {
    String op = operator.id();
    IntervalJoin.Joined<Event, Event, String> joined = leftKeyed().intervalJoin(rightKeyed()).inEventTime()
        .between(Duration.ofMillis(operator.lowerMs()), Duration.ofMillis(operator.upperMs()));
    if (operator.lowerBoundExclusive()) {
      joined = joined.lowerBoundExclusive();
    }
    if (operator.upperBoundExclusive()) {
      joined = joined.upperBoundExclusive();
    }
    OutputTag<Event> leftLate = new OutputTag<>(op + "-left-late", Event.class);
    OutputTag<Event> rightLate = new OutputTag<>(op + "-right-late", Event.class);
    if (operator.lateSideOutput()) {
      joined = joined.sideOutputLeftLateData(leftLate).sideOutputRightLateData(rightLate);
    }
    SingleOutputStreamOperator<OutputLine> pairs = joined.process(new IntervalPairLine(op, keyField())).name(op);
    output(pairs, op);
    if (operator.lateSideOutput()) {
      output(pairs.getSideOutput(leftLate).map(new LateLine(op, keyField())), op + " left late");
      output(pairs.getSideOutput(rightLate).map(new LateLine(op, keyField())), op + " right late");
    }
  }

  private void cep(OperatorSpec.Cep operator) {
    String op = operator.id();
    PatternStream<Event> patterns = CEP.pattern(leftKeyed(), operator.pattern().build()).inEventTime();
    OutputTag<Event> lateTag = new OutputTag<>(op + "-late", Event.class);
    if (operator.lateSideOutput()) {
      patterns = patterns.sideOutputLateData(lateTag);
    }
    OutputTag<OutputLine> timeoutTag = new OutputTag<>(op + "-timeout", OutputLine.class);
    SingleOutputStreamOperator<OutputLine> matches = patterns.process(operator.timeoutSideOutput()
        ? new CepFunctions.MatchAndTimeoutLines(op, keyField(), timeoutTag)
        : new CepFunctions.MatchLines(op, keyField())).name(op);
    output(matches, op);
    if (operator.timeoutSideOutput()) {
      output(matches.getSideOutput(timeoutTag), op + " timeouts");
    }
    if (operator.lateSideOutput()) {
      output(matches.getSideOutput(lateTag).map(new LateLine(op, keyField())), op + " late");
    }
  }

  /** Stamps {@code lines} with their record timestamp and sends them to the sink. */
  private void output(DataStream<OutputLine> lines, String name) {
    outputs.add(lines.process(new StampTimestamp()).name(name + " ts"));
  }

  private KeyField keyField() {
    return scenario.spec().keyBy();
  }

  private DataStream<Event> left() {
    if (left == null) {
      left = source(Stream.LEFT);
    }
    return left;
  }

  private DataStream<Event> right() {
    if (right == null) {
      right = source(Stream.RIGHT);
    }
    return right;
  }

  private KeyedStream<Event, String> leftKeyed() {
    if (leftKeyed == null) {
      leftKeyed = left().keyBy(keySelector);
    }
    return leftKeyed;
  }

  private KeyedStream<Event, String> rightKeyed() {
    if (rightKeyed == null) {
      rightKeyed = right().keyBy(keySelector);
    }
    return rightKeyed;
  }

  private DataStream<Event> source(Stream stream) {
    String name = stream.name().toLowerCase(java.util.Locale.ROOT);
    return env.addSource(new ScenarioSource(scenario.channelsOf(stream), scenario.spec().watermarks()), name)
        .setParallelism(scenario.spec().channels());
  }

  /** Keys an event by the spec's {@code keyBy} field. */
  private static final class FieldKey implements KeySelector<Event, String> {
    private static final long serialVersionUID = 1L;
    private final KeyField field;

    FieldKey(KeyField field) {
      this.field = field;
    }

    @Override
    public String getKey(Event event) {
      return field.of(event);
    }
  }
}
