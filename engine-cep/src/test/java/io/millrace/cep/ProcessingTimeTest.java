package io.millrace.cep;

import static io.millrace.cep.Ev.ev;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.cep.pattern.Pattern;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Processing time: events are matched as they arrive, in arrival order, whatever their
 * timestamps; windows close by the processing-time clock (a manual clock here); outputs carry no
 * record timestamp.
 */
class ProcessingTimeTest {

  @Test
  void eventsAreMatchedOnArrivalInArrivalOrder() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A")).next("b").where(e -> e.is("B"));
    try (CepHarness h = CepHarness.processingTime(pattern)) {
      h.processingTime(100).event(ev(1, "A"), 5000).processingTime(200).event(ev(2, "B"), 1000);
      assertThat(h.take()).containsExactly("a[1] b[2]");
      h.event(ev(3, "B"), 9000).event(ev(4, "A"), 1).watermark(Long.MAX_VALUE);
      assertThat(h.take()).isEmpty();
    }
  }

  @Test
  void aWindowClosesWhenTheProcessingTimeClockPassesIt() throws Exception {
    Pattern<Ev, Ev> pattern = Pattern.<Ev>begin("a").where(e -> e.is("A"))
        .followedBy("b").where(e -> e.is("B")).within(Duration.ofMillis(1000));
    try (CepHarness h = CepHarness.processingTime(pattern)) {
      h.processingTime(10_000).event(ev(1, "A"), 0).processingTime(10_999).event(ev(2, "A"), 0);
      h.processingTime(10_999);
      assertThat(h.take()).isEmpty();
      h.processingTime(11_001);
      assertThat(h.take()).containsExactly("timeout a[1]");
      h.processingTime(11_500).event(ev(3, "B"), 0);
      assertThat(h.take()).containsExactly("a[2] b[3]");
      h.processingTime(20_000);
      assertThat(h.take()).isEmpty();
      assertThat(h.stateSizes().isEmpty()).isTrue();
    }
  }
}
