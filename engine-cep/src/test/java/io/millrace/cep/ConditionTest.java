package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.OpenContext;
import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.conditions.IterativeCondition;
import io.millrace.cep.pattern.conditions.RichIterativeCondition;
import io.millrace.cep.pattern.conditions.SimpleCondition;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.heap.HashMapStateBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conditions: iterative conditions see the partial match; or/where combine; rich conditions get their lifecycle. */
class ConditionTest {

  @Test
  void anIterativeConditionSeesTheEventsThePartialMatchTookForAStage() throws Exception {
    // a loop of A's whose values must stay below 10 in total
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where((Ev event, IterativeCondition.Context<Ev> ctx) -> {
      if (!event.is("A")) {
        return false;
      }
      long sum = event.value();
      for (Ev earlier : ctx.getEventsForPattern("a")) {
        sum += earlier.value();
      }
      return sum < 10;
    }).oneOrMore().followedBy("b").where(e -> e.is("B"));
    try (CepHarness h = CepHarness.eventTime(pattern, new HashMapStateBackend())) {
      h.events(ev(1, "A", 3), ev(2, "A", 4), ev(3, "A", 5), ev(4, "B")).end();
      // {1,2,3} would sum to 12: the run {1,2} skips A3
      assertThat(h.matches()).containsExactlyInAnyOrder(
          "a[1] b[4]@4000", "a[1,2] b[4]@4000", "a[2] b[4]@4000", "a[2,3] b[4]@4000", "a[3] b[4]@4000");
    }
  }

  @Test
  void anIterativeConditionOfALaterStageSeesTheEarlierStagesAndItsTimestamp() throws Exception {
    List<String> seen = new ArrayList<>();
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .followedBy("b").where((Ev event, IterativeCondition.Context<Ev> ctx) -> {
          seen.add(event.id() + ":" + ctx.getEventsForPattern("a") + ctx.getEventsForPattern("b") + "@" + ctx.timestamp());
          return event.is("B") && ctx.getEventsForPattern("a").iterator().next().value() == event.value();
        });
    try (CepHarness h = CepHarness.eventTime(pattern, new HashMapStateBackend())) {
      h.events(ev(1, "A", 7), ev(2, "B", 8), ev(3, "B", 7)).end();
      assertThat(h.matches()).containsExactly("a[1] b[3]@3000");
      assertThat(seen).contains("2:[A1][]@2000", "3:[A1][]@3000");
    }
  }

  @Test
  void whereConditionsAreAndedAndOrAddsAnAlternative() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A")).or(e -> e.is("C")).where(e -> e.value() > 0)
        .next("b").where(e -> e.is("B"));
    try (CepHarness h = CepHarness.eventTime(pattern, new HashMapStateBackend())) {
      h.events(ev(1, "A", 1), ev(2, "B"), ev(3, "C", 1), ev(4, "B"), ev(5, "A", 0), ev(6, "B")).end();
      assertThat(h.matches()).containsExactly("a[1] b[2]@2000", "a[3] b[4]@4000");
    }
  }

  @Test
  void simpleConditionOfWrapsAFilterFunction() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(SimpleCondition.of(e -> e.is("A")));
    try (CepHarness h = CepHarness.eventTime(pattern, new HashMapStateBackend())) {
      h.events(ev(1, "B"), ev(2, "A")).end();
      assertThat(h.matches()).containsExactly("a[2]@2000");
    }
  }

  /** Counts its lifecycle calls; tries keyed state in open to show it is refused. */
  static final class Counting extends RichIterativeCondition<Ev> {
    private static final long serialVersionUID = 1L;
    int opened;
    int closed;
    String stateFailure;

    @Override
    public void open(OpenContext openContext) {
      opened++;
      try {
        getRuntimeContext().getState(new ValueStateDescriptor<>("x", Long.class));
      } catch (UnsupportedOperationException e) {
        stateFailure = e.getMessage();
      }
    }

    @Override
    public void close() {
      closed++;
    }

    @Override
    public boolean filter(Ev value, Context<Ev> ctx) {
      return value.is("A");
    }
  }

  @Test
  void aRichConditionIsOpenedAndClosedOnceHoweverManyTransitionsUseIt() throws Exception {
    Counting condition = new Counting();
    // the loop uses the condition in its take, its ignore (negated) and the ignoring state
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(condition).oneOrMore().followedBy("b").where(e -> e.is("B"));
    CepHarness h = CepHarness.eventTime(pattern, new HashMapStateBackend());
    try {
      assertThat(condition.opened).isEqualTo(1);
      assertThat(condition.stateFailure).contains("a CEP condition cannot use keyed state").contains("\"x\"");
      h.events(ev(1, "A"), ev(2, "B")).end();
      assertThat(h.matches()).containsExactly("a[1] b[2]@2000");
    } finally {
      h.close();
    }
    assertThat(condition.closed).isEqualTo(1);
  }
}
