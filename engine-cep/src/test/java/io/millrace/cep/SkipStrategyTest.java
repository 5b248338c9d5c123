package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import io.millrace.cep.pattern.Pattern;
import io.millrace.state.StateBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five after-match skip strategies on {@code a(A)+ followedBy b(B)} over A1 A2 A3 B4 A5 B6,
 * with Flink's semantics: a strategy other than noSkip emits completed matches in the order of
 * their first events, holding a match back while an earlier-started partial match is open (so
 * order of emission is part of what is checked); among matches completing together with the same
 * start, the longest comes first.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class SkipStrategyTest {
  @Parameter
  StateBackend backend;

  private static Pattern<Ev, Ev> pattern(AfterMatchSkipStrategy skip) {
    return Pattern.<Ev>begin("a", skip).where(e -> e.is("A")).oneOrMore().followedBy("b").where(e -> e.is("B"));
  }

  private CepHarness run(Pattern<Ev, Ev> pattern) throws Exception {
    CepHarness h = CepHarness.eventTime(pattern, backend);
    h.events(ev(1, "A"), ev(2, "A"), ev(3, "A"), ev(4, "B"), ev(5, "A"), ev(6, "B")).end();
    return h;
  }

  @Test
  void noSkipEmitsEveryMatch() throws Exception {
    try (CepHarness h = run(pattern(AfterMatchSkipStrategy.noSkip()))) {
      assertThat(h.matches()).containsExactlyInAnyOrder(
          "a[1] b[4]@4000", "a[1,2] b[4]@4000", "a[1,2,3] b[4]@4000", "a[2] b[4]@4000", "a[2,3] b[4]@4000", "a[3] b[4]@4000",
          "a[1,2,3,5] b[6]@6000", "a[2,3,5] b[6]@6000", "a[3,5] b[6]@6000", "a[5] b[6]@6000");
    }
  }

  @Test
  void skipToNextDiscardsWhatStartedWithTheMatchsFirstEvent() throws Exception {
    try (CepHarness h = run(pattern(AfterMatchSkipStrategy.skipToNext()))) {
      assertThat(h.matches()).containsExactly("a[1,2,3] b[4]@4000", "a[2,3] b[4]@4000", "a[3] b[4]@4000", "a[5] b[6]@6000");
    }
  }

  @Test
  void skipPastLastEventDiscardsWhatStartedAtOrBeforeTheMatchsLastEvent() throws Exception {
    try (CepHarness h = run(pattern(AfterMatchSkipStrategy.skipPastLastEvent()))) {
      assertThat(h.matches()).containsExactly("a[1,2,3] b[4]@4000", "a[5] b[6]@6000");
    }
  }

  @Test
  void skipToFirstHoldsLaterMatchesBehindTheOpenLoopForever() throws Exception {
    try (CepHarness h = run(pattern(AfterMatchSkipStrategy.skipToFirst("a")))) {
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[4]@4000", "a[1,2] b[4]@4000", "a[1,2,3] b[4]@4000", "a[1,2,3,5] b[6]@6000");
      assertThat(h.stateSizes().heldMatches()).isEqualTo(6);
    }
  }

  @Test
  void heldBackMatchesAreReleasedWhenTheEarlierPartialMatchTimesOutStampedWithThatTime() throws Exception {
    try (CepHarness h = run(pattern(AfterMatchSkipStrategy.skipToFirst("a")).within(Duration.ofMillis(10_000)))) {
      List<String> out = h.take();
      assertThat(out.subList(0, 4)).containsExactlyInAnyOrder(
          "a[1] b[4]@4000", "a[1,2] b[4]@4000", "a[1,2,3] b[4]@4000", "a[1,2,3,5] b[6]@6000");
      // at the end of input the loops time out: the matches held behind them come out, stamped then
      assertThat(out.subList(4, 10)).containsExactlyInAnyOrder(
          "a[2] b[4]@MAX", "a[2,3] b[4]@MAX", "a[3] b[4]@MAX", "a[2,3,5] b[6]@MAX", "a[3,5] b[6]@MAX", "a[5] b[6]@MAX");
      assertThat(out.subList(10, out.size())).containsExactlyInAnyOrder(
          "timeout a[1,2,3,5]@11000", "timeout a[2,3,5]@12000", "timeout a[3,5]@13000", "timeout a[5]@15000");
      assertThat(h.stateSizes().isEmpty()).isTrue();
    }
  }

  @Test
  void skipToLastDiscardsWhatStartedBeforeTheStagesLastEvent() throws Exception {
    try (CepHarness h = run(pattern(AfterMatchSkipStrategy.skipToLast("a")))) {
      assertThat(h.matches()).containsExactly("a[1,2,3] b[4]@4000", "a[3] b[4]@4000", "a[3,5] b[6]@6000", "a[5] b[6]@6000");
    }
  }

  private static Pattern<Ev, Ev> optionalX(AfterMatchSkipStrategy skip) {
    return Pattern.<Ev>begin("a", skip).where(e -> e.is("A"))
        .followedBy("x").where(e -> e.is("X")).optional()
        .followedBy("b").where(e -> e.is("B"));
  }

  @Test
  void skipToAStageTheMatchDidNotReachDiscardsNothing() throws Exception {
    try (CepHarness h = CepHarness.eventTime(optionalX(AfterMatchSkipStrategy.skipToFirst("x")), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "B")).end();
      // {a2 b3} is held back: the branch of A1 still waiting for an X started earlier and never ends
      assertThat(h.matches()).containsExactly("a[1] b[3]@3000");
      assertThat(h.stateSizes().heldMatches()).isEqualTo(1);
    }
  }

  @Test
  void skipToAStageTheMatchDidNotReachFailsTheJobWhenAskedTo() throws Exception {
    try (CepHarness h = CepHarness.eventTime(optionalX(AfterMatchSkipStrategy.skipToFirst("x").throwExceptionOnMiss()), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "B"));
      assertThatThrownBy(h::end).hasMessageContaining("could not skip to stage \"x\"").hasMessageContaining("a=");
    }
  }
}
