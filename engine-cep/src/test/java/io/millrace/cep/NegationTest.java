package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.cep.pattern.Pattern;
import io.millrace.cep.pattern.WithinType;
import io.millrace.state.StateBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Negative stages: notNext and notFollowedBy between stages, and at the end of a pattern (notNext
 * completes at the next event; notFollowedBy needs a window and completes when time passes it, for
 * both window types). Negative stages never appear in a match.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class NegationTest {
  @Parameter
  StateBackend backend;

  @Test
  void notNextKillsAPartialMatchWhoseNextEventIsForbidden() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .notNext("n").where(e -> e.is("X"))
        .followedBy("b").where(e -> e.is("B"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "X"), ev(3, "B"), ev(4, "A"), ev(5, "C"), ev(6, "X"), ev(7, "B"), ev(8, "A"), ev(9, "B")).end();
      // A4 is followed by C5 (not an X): the later X6 no longer matters
      assertThat(h.matches()).containsExactlyInAnyOrder("a[4] b[7]@7000", "a[8] b[9]@9000");
    }
  }

  @Test
  void notNextAtTheEndCompletesWithTheNextEventWhenItIsAllowed() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A")).notNext("n").where(e -> e.is("X"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "X"), ev(3, "A"), ev(4, "C"), ev(5, "A")).end();
      // A5 has no next event: no match, even at end of input
      assertThat(h.matches()).containsExactly("a[3]@4000");
    }
  }

  @Test
  void notNextAfterALoopLooksAtTheEventRightAfterEachVersionOfTheLoop() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A")).oneOrMore()
        .notNext("n").where(e -> e.is("X"))
        .followedBy("b").where(e -> e.is("B"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "X"), ev(4, "B"), ev(5, "A"), ev(6, "C"), ev(7, "B")).end();
      // a[1] is followed by A2 (allowed); a[1,2] and a[2] are followed by X3 (forbidden)
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[4]@4000", "a[5] b[7]@7000");
    }
  }

  @Test
  void notFollowedByForbidsTheEventAnywhereBetweenTheTwoStages() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .notFollowedBy("n").where(e -> e.is("X"))
        .followedBy("b").where(e -> e.is("B"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(2, "C"), ev(3, "X"), ev(4, "B"), ev(5, "A"), ev(6, "C"), ev(7, "B"), ev(8, "X")).end();
      assertThat(h.matches()).containsExactly("a[5] b[7]@7000");
    }
  }

  @Test
  void notFollowedByBeforeALoopAppliesUntilTheLoopsFirstEvent() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .notFollowedBy("n").where(e -> e.is("X"))
        .followedBy("b").where(e -> e.is("B")).oneOrMore()
        .followedBy("c").where(e -> e.is("C"));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      // A1 B2 X3 B4 C5: the X comes after the loop started, so it does not stop A1
      h.events(ev(1, "A"), ev(2, "B"), ev(3, "X"), ev(4, "B"), ev(5, "C")).end();
      assertThat(h.matches()).containsExactlyInAnyOrder("a[1] b[2] c[5]@5000", "a[1] b[2,4] c[5]@5000");
    }
  }

  @Test
  void notFollowedByAtTheEndMatchesOnceTheWindowPassesWithoutTheForbiddenEvent() throws Exception {
    for (WithinType type : WithinType.values()) {
      Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
          .notFollowedBy("n").where(e -> e.is("X")).within(Duration.ofMillis(3000), type);
      try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
        h.event(ev(1, "A"), 1000).event(ev(2, "X"), 2000).event(ev(3, "A"), 3000).event(ev(4, "C"), 4000)
            .event(ev(5, "A"), 7000).end();
        // A1 is killed by X2; A3's window passes at 6000, found when time moves to A5 (stamped 7000);
        // A5's window is only passed by the end of input.
        assertThat(h.matches()).as("within type %s", type).containsExactly("a[3]@7000", "a[5]@MAX");
      }
    }
  }

  @Test
  void notFollowedByAtTheEndWithTheFirstAndLastWindowCompletesAtTheWatermarkThatPassesIt() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .notFollowedBy("n").where(e -> e.is("X")).within(Duration.ofMillis(3000));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.event(ev(1, "A"), 1000).watermark(3999);
      assertThat(h.matches()).isEmpty();
      // the start + window timer (4000) fires when the watermark reaches it
      h.watermark(4500);
      assertThat(h.matches()).containsExactly("a[1]@4500");
    }
  }
}
