package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.cep.pattern.Pattern;
import io.millrace.state.StateBackend;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quantifiers — oneOrMore, timesOrMore, times(n), times(from, to), optional — with the inner
 * contiguities of a loop (relaxed by default, consecutive, allowCombinations), greedy and until,
 * each on a small input with the exact matches. Most patterns are {@code a(A)<quantifier>
 * followedBy b(B)}.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class QuantifierTest {
  @Parameter
  StateBackend backend;

  private static Pattern<Ev, Ev> aQuantifiedThenB(UnaryOperator<Pattern<Ev, Ev>> quantifier) {
    return quantifier.apply(Pattern.<Ev>begin("a").where(e -> e.is("A"))).followedBy("b").where(e -> e.is("B"));
  }

  @Test
  void oneOrMoreSkipsNonMatchingEventsButNeverMatchingOnesInsideTheLoop() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aQuantifiedThenB(Pattern::oneOrMore), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "C"), ev(4, "A"), ev(5, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder(
          "a[1] b[5]@5000", "a[1,2] b[5]@5000", "a[1,2,4] b[5]@5000", "a[2] b[5]@5000", "a[2,4] b[5]@5000", "a[4] b[5]@5000");
    }
  }

  @Test
  void consecutiveMakesTheLoopStrict() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aQuantifiedThenB(a -> a.oneOrMore().consecutive()), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "C"), ev(4, "A"), ev(5, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[5]@5000", "a[1,2] b[5]@5000", "a[2] b[5]@5000", "a[4] b[5]@5000");
    }
  }

  @Test
  void allowCombinationsAlsoSkipsMatchingEventsInsideTheLoop() throws Exception {
    try (CepHarness plain = CepHarness.eventTime(aQuantifiedThenB(Pattern::oneOrMore), backend);
        CepHarness combinations = CepHarness.eventTime(aQuantifiedThenB(a -> a.oneOrMore().allowCombinations()), backend)) {
      for (CepHarness h : new CepHarness[] {plain, combinations}) {
        h.events(ev(1, "A"), ev(2, "A"), ev(3, "A"), ev(4, "B")).end();
      }
      assertThat(plain.matches()).containsExactlyInAnyOrder(
          "a[1] b[4]@4000", "a[1,2] b[4]@4000", "a[1,2,3] b[4]@4000", "a[2] b[4]@4000", "a[2,3] b[4]@4000", "a[3] b[4]@4000");
      assertThat(combinations.matches()).containsExactlyInAnyOrder(
          "a[1] b[4]@4000", "a[1,2] b[4]@4000", "a[1,3] b[4]@4000", "a[1,2,3] b[4]@4000", "a[2] b[4]@4000",
          "a[2,3] b[4]@4000", "a[3] b[4]@4000");
    }
  }

  @Test
  void timesTakesExactlyThatManyEvents() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aQuantifiedThenB(a -> a.times(2)), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "A"), ev(4, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1,2] b[4]@4000", "a[2,3] b[4]@4000");
    }
  }

  @Test
  void timesFromToTakesEveryCountInTheRange() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aQuantifiedThenB(a -> a.times(2, 3)), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "A"), ev(4, "A"), ev(5, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder(
          "a[1,2] b[5]@5000", "a[1,2,3] b[5]@5000", "a[2,3] b[5]@5000", "a[2,3,4] b[5]@5000", "a[3,4] b[5]@5000");
    }
  }

  @Test
  void timesOrMoreTakesAtLeastThatManyEvents() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aQuantifiedThenB(a -> a.timesOrMore(2)), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "A"), ev(4, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1,2] b[4]@4000", "a[1,2,3] b[4]@4000", "a[2,3] b[4]@4000");
    }
  }

  @Test
  void consecutiveTimesNeedsItsEventsBackToBack() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aQuantifiedThenB(a -> a.times(2).consecutive()), backend)) {
      h.events(ev(1, "A"), ev(2, "C"), ev(3, "A"), ev(4, "A"), ev(5, "B")).end();
      assertThat(h.matches()).containsExactly("a[3,4] b[5]@5000");
    }
  }

  @Test
  void anOptionalStageGivesTheMatchWithAndTheMatchWithoutIt() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .followedBy("b").where(e -> e.is("B")).optional()
        .followedBy("c").where(e -> e.is("C"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "B"), ev(3, "C"), ev(4, "A"), ev(5, "C")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[2] c[3]@3000", "a[1] c[3]@3000", "a[4] c[5]@5000");
    }
  }

  @Test
  void anOptionalFirstStageLetsMatchesStartAtTheSecond() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A")).optional().next("b").where(e -> e.is("B"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "B"), ev(3, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[2]@2000", "b[2]@2000", "b[3]@3000");
    }
  }

  @Test
  void greedyNeverLeavesTheLoopWithAnEventTheLoopCanTake() throws Exception {
    UnaryOperator<Pattern<Ev, Ev>> thenAOrB = p -> p.next("b").where(e -> e.is("A") || e.is("B"));
    Pattern<Ev, Ev> plain = thenAOrB.apply(Pattern.<Ev>begin("a").where(e -> e.is("A")).oneOrMore());
    Pattern<Ev, Ev> greedy = thenAOrB.apply(Pattern.<Ev>begin("a").where(e -> e.is("A")).oneOrMore().greedy());
    try (CepHarness p = CepHarness.eventTime(plain, backend); CepHarness g = CepHarness.eventTime(greedy, backend)) {
      for (CepHarness h : new CepHarness[] {p, g}) {
        h.events(ev(1, "A"), ev(2, "A"), ev(3, "B")).end();
      }
      assertThat(p.matches()).containsExactlyInAnyOrder("a[1] b[2]@2000", "a[1,2] b[3]@3000", "a[2] b[3]@3000");
      assertThat(g.matches()).containsExactlyInAnyOrder("a[1,2] b[3]@3000", "a[2] b[3]@3000");
    }
  }

  @Test
  void untilEndsTheLoopAtTheFirstEventMeetingItWithoutTakingIt() throws Exception {
    try (CepHarness plain = CepHarness.eventTime(aQuantifiedThenB(Pattern::oneOrMore), backend);
        CepHarness until = CepHarness.eventTime(aQuantifiedThenB(a -> a.oneOrMore().until(e -> e.is("X"))), backend)) {
      for (CepHarness h : new CepHarness[] {plain, until}) {
        h.events(ev(1, "A"), ev(2, "A"), ev(3, "X"), ev(4, "A"), ev(5, "B")).end();
      }
      assertThat(plain.matches()).containsExactlyInAnyOrder(
          "a[1] b[5]@5000", "a[1,2] b[5]@5000", "a[1,2,4] b[5]@5000", "a[2] b[5]@5000", "a[2,4] b[5]@5000", "a[4] b[5]@5000");
      assertThat(until.matches()).containsExactlyInAnyOrder("a[1] b[5]@5000", "a[1,2] b[5]@5000", "a[2] b[5]@5000", "a[4] b[5]@5000");
    }
  }

  @Test
  void aLoopAtTheEndOfThePatternEmitsEveryPrefixAsItGrows() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("b").where(e -> e.is("B")).followedBy("a").where(e -> e.is("A")).oneOrMore();
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "B"), ev(2, "A"), ev(3, "C"), ev(4, "A")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("b[1] a[2]@2000", "b[1] a[2,4]@4000");
    }
  }

  @Test
  void followedByAnyIntoALoopStartsTheLoopAtEveryLaterMatchingEvent() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A")).followedByAny("b").where(e -> e.is("B")).oneOrMore();
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "B"), ev(3, "B")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[2]@2000", "a[1] b[2,3]@3000", "a[1] b[3]@3000");
    }
  }

  @Test
  void aGroupPatternRepeatsAsOneStage() throws Exception {
    Pattern<Ev, Ev> pair = Pattern.<Ev>begin("x").where(e -> e.is("A")).next("y").where(e -> e.is("B"));
    Pattern<Ev, Ev> pattern = Pattern.begin(pair).times(2).followedBy("z").where(e -> e.is("C"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "B"), ev(3, "A"), ev(4, "B"), ev(5, "C")).end();
      assertThat(h.matches()).containsExactly("x[1,3] y[2,4] z[5]@5000");
    }
  }

  @Test
  void aLoopingGroupPatternGivesEachNumberOfRepetitions() throws Exception {
    Pattern<Ev, Ev> pair = Pattern.<Ev>begin("x").where(e -> e.is("A")).next("y").where(e -> e.is("B"));
    Pattern<Ev, Ev> pattern = Pattern.begin(pair).oneOrMore().followedBy("z").where(e -> e.is("C"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "B"), ev(3, "A"), ev(4, "B"), ev(5, "C")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("x[1] y[2] z[5]@5000", "x[1,3] y[2,4] z[5]@5000", "x[3] y[4] z[5]@5000");
    }
  }
}
