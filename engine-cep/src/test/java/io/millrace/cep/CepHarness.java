package io.millrace.cep;

import io.millrace.api.KeyedStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.source.SourceFunction;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.functions.TimedOutPartialMatchHandler;
import io.millrace.cep.internal.operator.CepOperator;
import io.millrace.cep.pattern.Pattern;
import io.millrace.runtime.api.StreamInternals;
import io.millrace.runtime.graph.OneInputTransformation;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.time.ManualProcessingClock;
import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.StateBackends;
import io.millrace.state.internal.heap.HeapOperatorStateBackend;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.UnaryOperator;

/**
 * Runs the CEP operator of a pattern alone, on the test's thread: feeds it events with
 * timestamps, watermarks and processing time (a {@link ManualProcessingClock}), runs its mailbox
 * after each step as the task would, and records matches, timed-out partial matches and late
 * events as text: a match is its stages with the ids of their events, {@code "a[1,2] b[4]"},
 * followed by {@code "@"} and the record timestamp. Keyed state lives in a backend built from the
 * given configuration (heap or RocksDB); {@link #close} releases it.
 */
final class CepHarness implements AutoCloseable {
  static final String TIMEOUT = "timeout";
  static final String LATE = "late";

  private final ManualProcessingClock clock = new ManualProcessingClock(0);
  private final Queue<Runnable> mailbox = new ArrayDeque<>();
  private final List<String> emitted = new ArrayList<>();
  private final CepOperator<Object, Ev, String> operator;
  private final KeyedStateBackend<Object> backend;

  /**
   * A harness for {@code pattern} in event time, with the late side output and a timeout
   * handler, on {@code stateBackend}.
   */
  static CepHarness eventTime(Pattern<Ev, ?> pattern, StateBackend stateBackend) throws Exception {
    return new CepHarness(pattern, stateBackend, stream -> stream.sideOutputLateData(new OutputTag<>(LATE, Ev.class)), true);
  }

  /** A harness for {@code pattern} in processing time, with a timeout handler, on the heap backend. */
  static CepHarness processingTime(Pattern<Ev, ?> pattern) throws Exception {
    return new CepHarness(pattern, new HashMapStateBackend(), PatternStream::inProcessingTime, true);
  }

  /**
   * A harness for {@code pattern}, its pattern stream configured by {@code configure}; with
   * {@code timeoutHandler}, the function records timed-out partial matches too.
   */
  @SuppressWarnings("unchecked")
  CepHarness(Pattern<Ev, ?> pattern, StateBackend stateBackend, UnaryOperator<PatternStream<Ev>> configure, boolean timeoutHandler)
      throws Exception {
    KeyedStream<Ev, String> keyed = StreamExecutionEnvironment.createLocalEnvironment(1).addSource(new NoSource()).keyBy(Ev::key);
    PatternStream<Ev> patterns = configure.apply(CEP.pattern(keyed, pattern));
    SingleOutputStreamOperator<String> matched = patterns.process(timeoutHandler ? new Recorder() : new MatchRecorder());
    OneInputTransformation<Ev, String> transformation = (OneInputTransformation<Ev, String>) StreamInternals.transformation(matched);
    operator = (CepOperator<Object, Ev, String>) transformation.factory().create(0, "cep@test");
    backend = StateBackends.createKeyedStateBackend(stateBackend, new KeyGroupRange(0, 127), 128, "cep@test", clock::currentTimeMillis);
    try {
      OperatorContext context = new OperatorContext("cep@test", 0, 1, 128, backend, new HeapOperatorStateBackend(), clock, mailbox::add);
      operator.setup(context, new Output<>() {
        @Override
        public void collect(String record, long timestamp) {
          emitted.add(record + at(timestamp));
        }

        @Override
        public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
          emitted.add(tag.getId() + " " + record + at(timestamp));
        }

        @Override
        public void emitWatermark(long watermark) {}
      });
      operator.open();
    } catch (Exception | Error e) {
      backend.close();
      throw e;
    }
  }

  private static String at(long timestamp) {
    return timestamp == Output.NO_TIMESTAMP ? "" : timestamp == Long.MAX_VALUE ? "@MAX" : "@" + timestamp;
  }

  /** Feeds {@code event} with record timestamp {@code timestamp}. */
  CepHarness event(Ev event, long timestamp) throws Exception {
    operator.processElement(event, timestamp);
    runMailbox();
    return this;
  }

  /** Feeds {@code events}, event {@code i} at timestamp {@code 1000 * id}. */
  CepHarness events(Ev... events) throws Exception {
    for (Ev event : events) {
      event(event, 1000L * event.id());
    }
    return this;
  }

  CepHarness watermark(long watermark) throws Exception {
    operator.processWatermark(watermark);
    runMailbox();
    return this;
  }

  /** The end of input: the final watermark. */
  CepHarness end() throws Exception {
    return watermark(Long.MAX_VALUE);
  }

  CepHarness processingTime(long time) {
    clock.advanceTo(time);
    runMailbox();
    return this;
  }

  /** Everything emitted since the last call, in order. */
  List<String> take() {
    List<String> out = new ArrayList<>(emitted);
    emitted.clear();
    return out;
  }

  /** The matches (main output) emitted since the last call, in order; other outputs are kept. */
  List<String> matches() {
    List<String> out = new ArrayList<>();
    emitted.removeIf(line -> {
      if (line.startsWith(TIMEOUT + " ") || line.startsWith(LATE + " ")) {
        return false;
      }
      out.add(line);
      return true;
    });
    return out;
  }

  CepOperator.StateSizes stateSizes() throws Exception {
    return operator.stateSizes();
  }

  int numStateEntries() {
    return operator.numStateEntries();
  }

  long numLateRecordsDropped() {
    return operator.numLateRecordsDropped();
  }

  @Override
  public void close() {
    try {
      operator.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the CEP operator failed", e);
    } finally {
      backend.close();
    }
  }

  private void runMailbox() {
    Runnable action;
    while ((action = mailbox.poll()) != null) {
      action.run();
    }
  }

  /** The text of a match: each stage with the ids of its events, in match order. */
  static String describe(Map<String, List<Ev>> match) {
    StringBuilder text = new StringBuilder();
    match.forEach((stage, events) -> {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(stage).append('[');
      for (int i = 0; i < events.size(); i++) {
        text.append(i > 0 ? "," : "").append(events.get(i).id());
      }
      text.append(']');
    });
    return text.toString();
  }

  /** Records matches to the main output. */
  static class MatchRecorder extends PatternProcessFunction<Ev, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processMatch(Map<String, List<Ev>> match, Context ctx, Collector<String> out) {
      out.collect(describe(match));
    }
  }

  /** Records matches to the main output and timed-out partial matches to the side output "timeout". */
  static final class Recorder extends MatchRecorder implements TimedOutPartialMatchHandler<Ev> {
    private static final long serialVersionUID = 1L;
    private static final OutputTag<String> TIMEOUTS = new OutputTag<>(TIMEOUT, String.class);

    @Override
    public void processTimedOutMatch(Map<String, List<Ev>> match, Context ctx) {
      ctx.output(TIMEOUTS, describe(match));
    }
  }

  /** A source that never runs: the harness feeds the operator itself. */
  static final class NoSource implements SourceFunction<Ev> {
    private static final long serialVersionUID = 1L;

    @Override
    public void run(SourceContext<Ev> ctx) {}

    @Override
    public void cancel() {}
  }
}
