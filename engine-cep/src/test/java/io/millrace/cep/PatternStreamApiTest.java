package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.OpenContext;
import io.millrace.cep.functions.PatternProcessFunction;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.conditions.RichIterativeCondition;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pattern stream API in real jobs: process, select and flatSelect (with and without a timeout
 * side output), non-keyed streams, subtypes, processing time and rich select functions.
 */
class PatternStreamApiTest {
  private static final Pattern<Ev, Ev> A_THEN_B = Pattern.<Ev>begin("a").where(e -> e.is("A"))
      .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(5000));

  /** A1@1000 B2@2000 on k, A3@1500 on j (which never gets its B), A4@3000 B5@4000 on j. */
  private static DataStream<Ev> input(StreamExecutionEnvironment env) {
    return env.fromElements(ev("k", 1, "A"), ev("j", 3, "A"), ev("k", 2, "B"), ev("j", 4, "A"), ev("j", 5, "B"))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forBoundedOutOfOrderness(Duration.ofMillis(1000))
            .withTimestampAssigner((e, previous) -> switch (e.id()) {
              case 1 -> 1000;
              case 2 -> 2000;
              case 3 -> 1500;
              case 4 -> 3000;
              default -> 4000;
            }));
  }

  private static List<String> collect(DataStream<String> stream) throws Exception {
    List<String> out = new ArrayList<>();
    try (CloseableIterator<String> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  private static String ids(Map<String, List<Ev>> match) {
    return CepHarness.describe(match);
  }

  @Test
  void selectEmitsOneResultPerMatch() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<String> out = CEP.pattern(input(env).keyBy(Ev::key), A_THEN_B).select(PatternStreamApiTest::ids);
    assertThat(collect(out)).containsExactlyInAnyOrder("a[1] b[2]", "a[3] b[5]", "a[4] b[5]");
  }

  @Test
  void selectWithATimeoutTagSendsTimedOutPartialMatchesToTheSideOutput() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> timedOut = new OutputTag<>("timed-out", String.class);
    Pattern<Ev, Ev> shortWindow = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(2000));
    SingleOutputStreamOperator<String> out = CEP.pattern(input(env).keyBy(Ev::key), shortWindow)
        .select(timedOut, (match, deadline) -> "timeout " + ids(match) + "@" + deadline, PatternStreamApiTest::ids);
    // A3@1500 has no B within 2000 ms (B5@4000 is 2500 ms after it): it times out, stamped 3500
    assertThat(collect(out.union(out.getSideOutput(timedOut))))
        .containsExactlyInAnyOrder("a[1] b[2]", "a[4] b[5]", "timeout a[3]@3500");
  }

  @Test
  void flatSelectEmitsAnyNumberOfResultsAndTimeouts() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> timedOut = new OutputTag<>("timed-out", String.class);
    Pattern<Ev, Ev> shortWindow = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(2000));
    SingleOutputStreamOperator<String> out = CEP.pattern(input(env).keyBy(Ev::key), shortWindow).flatSelect(timedOut,
        (Map<String, List<Ev>> match, long deadline, Collector<String> c) -> {
          c.collect("timeout " + ids(match));
          c.collect("deadline " + deadline);
        },
        (Map<String, List<Ev>> match, Collector<String> c) -> {
          for (List<Ev> events : match.values()) {
            for (Ev event : events) {
              c.collect("event " + event.id());
            }
          }
        });
    assertThat(collect(out.union(out.getSideOutput(timedOut)))).containsExactlyInAnyOrder(
        "event 1", "event 2", "event 4", "event 5", "timeout a[3]", "deadline 3500");
  }

  /** Emits each match with its timestamp, and its key to a side output. */
  static final class WithSide extends PatternProcessFunction<Ev, String> {
    private static final long serialVersionUID = 1L;
    private final OutputTag<String> side;

    WithSide(OutputTag<String> side) {
      this.side = side;
    }

    @Override
    public void processMatch(Map<String, List<Ev>> match, Context ctx, Collector<String> c) {
      c.collect(ids(match) + "@" + ctx.timestamp());
      ctx.output(side, "side " + match.get("a").get(0).key());
    }
  }

  @Test
  void processGetsTheMatchTimestampAndCanUseSideOutputs() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> side = new OutputTag<>("side", String.class);
    SingleOutputStreamOperator<String> out = CEP.pattern(input(env).keyBy(Ev::key), A_THEN_B).process(new WithSide(side));
    assertThat(collect(out.union(out.getSideOutput(side)))).containsExactlyInAnyOrder(
        "a[1] b[2]@2000", "a[3] b[5]@4000", "a[4] b[5]@4000", "side k", "side j", "side j");
  }

  @Test
  void onANonKeyedStreamAllEventsFormOneSequence() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    Pattern<Ev, Ev> aNextB = Pattern.<Ev>begin("a").where(e -> e.is("A")).next("b").where(e -> e.is("B"));
    DataStream<String> out = CEP.pattern(input(env), aNextB).select(PatternStreamApiTest::ids);
    // in timestamp order: A1@1000 A3@1500 B2@2000 A4@3000 B5@4000 — across keys
    assertThat(collect(out)).containsExactlyInAnyOrder("a[3] b[2]", "a[4] b[5]");
  }

  /** Shapes, for subtype patterns. */
  sealed interface Shape extends Serializable permits Circle, Square {}

  record Circle(int id, int radius) implements Shape {}

  record Square(int id, int side) implements Shape {}

  @Test
  void subtypeRestrictsAStageToASubclassAndTypesItsConditions() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    Pattern<Shape, ?> pattern = Pattern.<Shape>begin("big").subtype(Circle.class).where(c -> c.radius() > 5)
        .next("square").subtype(Square.class);
    DataStream<Shape> shapes = env.fromElements(new Circle(1, 9), new Square(2, 1), new Circle(3, 2), new Square(4, 1),
        new Circle(5, 7), new Circle(6, 8), new Square(7, 3));
    DataStream<String> out = CEP.pattern(shapes, pattern).inProcessingTime()
        .select(match -> match.get("big").get(0) + " " + match.get("square").get(0));
    assertThat(collect(out)).containsExactlyInAnyOrder("Circle[id=1, radius=9] Square[id=2, side=1]",
        "Circle[id=6, radius=8] Square[id=7, side=3]");
  }

  @Test
  void inProcessingTimeMatchesInArrivalOrderWithoutTimestamps() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    Pattern<Ev, Ev> aNextB = Pattern.<Ev>begin("a").where(e -> e.is("A")).next("b").where(e -> e.is("B"));
    DataStream<Ev> events = env.fromElements(ev(1, "B"), ev(2, "A"), ev(3, "B"), ev(4, "A"), ev(5, "C"), ev(6, "B"));
    DataStream<String> out = CEP.pattern(events.keyBy(Ev::key), aNextB).inProcessingTime().select(PatternStreamApiTest::ids);
    assertThat(collect(out)).containsExactly("a[2] b[3]");
  }

  /** A rich condition whose threshold is set in open, per subtask (the field is transient). */
  static final class OpenedThreshold extends RichIterativeCondition<Ev> {
    private static final long serialVersionUID = 1L;
    private transient String type;

    @Override
    public void open(OpenContext openContext) {
      type = "A";
    }

    @Override
    public boolean filter(Ev value, Context<Ev> ctx) {
      return value.is(type);
    }
  }

  @Test
  void eachParallelSubtaskGetsItsOwnOpenedCopyOfARichCondition() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(new OpenedThreshold())
        .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(5000));
    DataStream<String> out = CEP.pattern(input(env).keyBy(Ev::key), pattern).select(PatternStreamApiTest::ids);
    assertThat(collect(out)).containsExactlyInAnyOrder("a[1] b[2]", "a[3] b[5]", "a[4] b[5]");
  }

  /** A rich select function: numbers its results with a counter created in open. */
  static final class Numbered extends io.millrace.api.functions.AbstractRichFunction implements PatternSelectFunction<Ev, String> {
    private static final long serialVersionUID = 1L;
    private transient int count;
    private transient boolean opened;

    @Override
    public void open(OpenContext openContext) {
      opened = true;
    }

    @Override
    public String select(Map<String, List<Ev>> match) {
      return (opened ? "opened " : "not opened ") + (++count) + " " + getRuntimeContext().getNumberOfParallelSubtasks();
    }
  }

  @Test
  void aRichSelectFunctionGetsItsLifecycleAndRuntimeContext() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<String> out = CEP.pattern(input(env).keyBy(Ev::key), A_THEN_B).select(new Numbered());
    assertThat(collect(out)).containsExactlyInAnyOrder("opened 1 1", "opened 2 1", "opened 3 1");
  }
}
