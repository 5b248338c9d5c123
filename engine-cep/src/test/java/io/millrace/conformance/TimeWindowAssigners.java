package io.millrace.conformance;

import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;

/** The event-time window assigner each time-window spec of the README names. */
final class TimeWindowAssigners {
  private TimeWindowAssigners() {}

  static WindowAssigner<Object, TimeWindow> of(WindowSpec spec) {
    if (spec instanceof WindowSpec.Tumbling tumbling) {
      return TumblingEventTimeWindows.of(ms(tumbling.sizeMs()), ms(tumbling.offsetMs()));
    }
    if (spec instanceof WindowSpec.Sliding sliding) {
      return SlidingEventTimeWindows.of(ms(sliding.sizeMs()), ms(sliding.slideMs()), ms(sliding.offsetMs()));
    }
    if (spec instanceof WindowSpec.Session session) {
      return EventTimeSessionWindows.withGap(ms(session.gapMs()));
    }
    throw new IllegalArgumentException("not a time window: " + spec);
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
