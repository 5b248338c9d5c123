package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.cep.pattern.Pattern;
import io.millrace.runtime.operators.Output;
import io.millrace.state.StateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Event time: each key's events are buffered and matched in timestamp order once the watermark
 * passes them (equal timestamps in arrival order); events at or behind the watermark are late.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.cep.StateBackendsUnderTest#all")
class EventTimeTest {
  @Parameter
  StateBackend backend;

  private static Pattern<Ev, Ev> aNextB() {
    return Pattern.<Ev>begin("a").where(e -> e.is("A")).next("b").where(e -> e.is("B"));
  }

  @Test
  void outOfOrderEventsAreMatchedInTimestampOrder() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aNextB(), backend)) {
      // arrival B1 A2 | A3 C4 B5, timestamp order A2 B1 | A3 B5 C4
      h.event(ev(1, "B"), 2000).event(ev(2, "A"), 1000).event(ev(3, "A"), 3000).event(ev(4, "C"), 3500).event(ev(5, "B"), 3200);
      assertThat(h.take()).as("nothing before the watermark passes the events").isEmpty();
      h.watermark(2000);
      assertThat(h.take()).containsExactly("a[2] b[1]@2000");
      h.watermark(3300);
      assertThat(h.take()).containsExactly("a[3] b[5]@3200");
      h.end();
      assertThat(h.take()).isEmpty();
    }
  }

  @Test
  void eventsOfEqualTimestampsAreMatchedInArrivalOrder() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aNextB(), backend)) {
      h.event(ev(1, "A"), 7000).event(ev(2, "B"), 7000).event(ev(3, "B"), 8000).event(ev(4, "A"), 8000).event(ev(5, "B"), 9000).end();
      assertThat(h.matches()).containsExactly("a[1] b[2]@7000", "a[4] b[5]@9000");
    }
  }

  @Test
  void anEventAtOrBehindTheWatermarkIsLateAndGoesToTheSideOutput() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aNextB(), backend)) {
      h.event(ev(1, "A"), 5000).event(ev(2, "B"), 6000).watermark(5500)
          .event(ev(3, "C"), 5200).event(ev(4, "A"), 5500).event(ev(5, "C"), 6001).end();
      // C3 would have broken A1 -> B2, but it is late and never reaches the pattern
      assertThat(h.take()).containsExactly("late C3@5200", "late A4@5500", "a[1] b[2]@6000");
    }
  }

  @Test
  void withoutASideOutputLateEventsAreDroppedAndCounted() throws Exception {
    try (CepHarness h = new CepHarness(aNextB(), backend, stream -> stream, true)) {
      h.event(ev(1, "A"), 5000).watermark(5000).event(ev(2, "B"), 5000).event(ev(3, "B"), 4000).end();
      assertThat(h.take()).isEmpty();
      assertThat(h.numLateRecordsDropped()).isEqualTo(2);
    }
  }

  @Test
  void anEventWithoutATimestampFailsWithAMessageThatNamesTheFix() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aNextB(), backend)) {
      assertThatThrownBy(() -> h.event(ev(1, "A"), Output.NO_TIMESTAMP))
          .hasMessageContaining("CEP in event time needs the timestamps of its events")
          .hasMessageContaining("assignTimestampsAndWatermarks")
          .hasMessageContaining("inProcessingTime()");
    }
  }

  @Test
  void bufferedEventsAndMatchingStateAreKeyedState() throws Exception {
    try (CepHarness h = CepHarness.eventTime(aNextB(), backend)) {
      h.event(ev(1, "A"), 1000).event(ev("j", 2, "A"), 1500).event(ev(3, "A"), 2000);
      assertThat(h.stateSizes()).isEqualTo(new io.millrace.cep.internal.operator.CepOperator.StateSizes(2, 3, 0, 0, 0, 0));
      h.watermark(1500);
      // k: A1 waits for its B; j: A2 waits; A3 is still buffered
      assertThat(h.stateSizes().bufferedEvents()).isEqualTo(1);
      assertThat(h.stateSizes().partialMatches()).isEqualTo(2);
      assertThat(h.stateSizes().sharedBufferEvents()).isEqualTo(2);
      h.end();
      // A3 waits for a B that never comes: without a window it stays
      assertThat(h.stateSizes().partialMatches()).isEqualTo(2);
    }
  }
}
