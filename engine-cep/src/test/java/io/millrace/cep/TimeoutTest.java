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
 * Windows: a match must stay strictly within its window; partial matches past it time out, are
 * reported to a {@code TimedOutPartialMatchHandler} stamped with their deadline (first + within,
 * or last + within for {@code PREVIOUS_AND_CURRENT}), and every open partial match with a window
 * times out at the end of input.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class TimeoutTest {
  @Parameter
  StateBackend backend;

  private static Pattern<Ev, Ev> abc() {
    return Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .followedBy("b").where(e -> e.is("B"))
        .followedBy("c").where(e -> e.is("C"));
  }

  @Test
  void aMatchNeedsLessThanTheWindowBetweenItsFirstAndLastEvent() throws Exception {
    try (CepHarness h = CepHarness.eventTime(abc().within(Duration.ofMillis(10_000)), backend)) {
      h.event(ev(1, "A"), 1000).event(ev(2, "B"), 3000).event(ev(3, "C"), 10_999)
          .event(ev(4, "A"), 11_000).event(ev(5, "B"), 12_000).event(ev(6, "C"), 21_000).end();
      assertThat(h.take()).containsExactly("a[1] b[2] c[3]@10999", "timeout a[4] b[5]@21000");
    }
  }

  @Test
  void partialMatchesTimeOutWhenTheWatermarkPassesTheirDeadlineStampedWithTheDeadline() throws Exception {
    try (CepHarness h = CepHarness.eventTime(abc().within(Duration.ofMillis(10_000)), backend)) {
      h.event(ev(1, "A"), 1000).event(ev(2, "B"), 2000).event(ev("j", 3, "A"), 5000).watermark(10_999);
      assertThat(h.take()).isEmpty();
      h.watermark(11_000);
      assertThat(h.take()).containsExactly("timeout a[1] b[2]@11000");
      h.watermark(14_000);
      assertThat(h.take()).isEmpty();
      h.end();
      assertThat(h.take()).containsExactly("timeout a[3]@15000");
    }
  }

  @Test
  void atTheEndOfInputEveryOpenPartialMatchTimesOut() throws Exception {
    try (CepHarness h = CepHarness.eventTime(abc().within(Duration.ofMillis(10_000)), backend)) {
      h.events(ev(1, "A"), ev(2, "A"), ev(3, "B")).end();
      assertThat(h.take()).containsExactlyInAnyOrder("timeout a[1] b[3]@11000", "timeout a[2] b[3]@12000");
    }
  }

  @Test
  void thePreviousAndCurrentWindowLimitsTheTimeBetweenTheLastEventTakenAndTheNext() throws Exception {
    // the window is set on stage c: it applies while a partial match waits for its c
    try (CepHarness h = CepHarness.eventTime(abc().within(Duration.ofMillis(5000), WithinType.PREVIOUS_AND_CURRENT), backend)) {
      h.event(ev(1, "A"), 1000).event(ev(2, "B"), 2000).event(ev(3, "C"), 6999)
          .event(ev(4, "A"), 10_000).event(ev(5, "B"), 11_000).event(ev(6, "C"), 16_000)
          .event(ev(7, "A"), 20_000).event(ev(8, "B"), 40_000).event(ev(9, "C"), 41_000).end();
      assertThat(h.take()).containsExactly(
          "a[1] b[2] c[3]@6999", "timeout a[4] b[5]@16000", "a[7] b[8] c[9]@41000");
    }
  }

  @Test
  void theSmallestFirstAndLastWindowOfAnyStageApplies() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A")).within(Duration.ofMillis(3000))
        .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(9000));
    try (CepHarness h = CepHarness.eventTime(pattern, backend)) {
      h.events(ev(1, "A"), ev(3, "B"), ev(5, "A"), ev(9, "B")).end();
      assertThat(h.take()).containsExactly("a[1] b[3]@3000", "timeout a[5]@8000");
    }
  }

  @Test
  void withoutATimeoutHandlerTimedOutPartialMatchesAreDroppedSilently() throws Exception {
    try (CepHarness h = new CepHarness(abc().within(Duration.ofMillis(1000)), backend, stream -> stream, false)) {
      h.events(ev(1, "A"), ev(3, "B")).end();
      assertThat(h.take()).isEmpty();
      assertThat(h.stateSizes().isEmpty()).isTrue();
    }
  }
}
