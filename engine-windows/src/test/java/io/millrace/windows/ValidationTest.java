package io.millrace.windows;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millrace.api.KeyedStream;
import io.millrace.api.functions.ReduceFunction;
import io.millrace.api.functions.RichFunction;
import io.millrace.api.functions.RuntimeContext;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.TriggerResult;
import io.millrace.api.windowing.TimeWindow;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.millrace.api.windowing.assigners.SlidingEventTimeWindows;
import io.millrace.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.millrace.api.windowing.assigners.TumblingEventTimeWindows;
import io.millrace.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.millrace.api.windowing.evictors.CountEvictor;
import io.millrace.api.windowing.evictors.TimeEvictor;
import io.millrace.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.millrace.api.windowing.triggers.CountTrigger;
import io.millrace.api.windowing.triggers.EventTimeTrigger;
import io.millrace.api.windowing.triggers.ProcessingTimeTrigger;
import io.millrace.windows.Scripts.Ev;
import io.millrace.windows.Scripts.NoSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad arguments fail at the call, naming the parameter, the value and the method. */
class ValidationTest {
  private static final Duration ZERO = Duration.ZERO;
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void windowSizesSlidesAndGapsMustBePositive() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(ZERO))
        .hasMessage("window size must be positive, got PT0S for TumblingEventTimeWindows.of(...)");
    assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(Duration.ofMillis(-5)))
        .hasMessage("window size must be positive, got PT-0.005S for TumblingProcessingTimeWindows.of(...)");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(SECOND, ZERO))
        .hasMessage("window slide must be positive, got PT0S for SlidingEventTimeWindows.of(size, slide)");
    assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(ZERO, SECOND))
        .hasMessage("window size must be positive, got PT0S for SlidingProcessingTimeWindows.of(size, slide)");
    assertThatThrownBy(() -> EventTimeSessionWindows.withGap(ZERO))
        .hasMessage("session gap must be positive, got PT0S for EventTimeSessionWindows.withGap(...)");
    assertThatThrownBy(() -> ProcessingTimeSessionWindows.withGap(Duration.ofSeconds(-1)))
        .hasMessage("session gap must be positive, got PT-1S for ProcessingTimeSessionWindows.withGap(...)");
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(null))
        .hasMessage("window size must not be null for TumblingEventTimeWindows.of(...)");
  }

  @Test
  void aSlideLargerThanTheSizeAndAnOffsetOutsideTheWindowAreRejected() {
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(SECOND, Duration.ofSeconds(2)))
        .hasMessage("window slide must not be larger than the window size PT1S, got PT2S for SlidingEventTimeWindows.of(size, slide)");
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(SECOND, SECOND))
        .hasMessage("window offset must satisfy |offset| < size (PT1S), got PT1S for TumblingEventTimeWindows.of(size, offset)");
    assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(SECOND, Duration.ofSeconds(-2)))
        .hasMessage("window offset must satisfy |offset| < size (PT1S), got PT-2S for TumblingProcessingTimeWindows.of(size, offset)");
    assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofSeconds(10), SECOND, Duration.ofSeconds(1)))
        .hasMessage("window offset must satisfy |offset| < slide (PT1S), got PT1S for SlidingEventTimeWindows.of(size, slide, offset)");
  }

  @Test
  void triggersEvictorsAndLatenessRejectBadArguments() {
    assertThatThrownBy(() -> CountTrigger.of(0)).hasMessage("maxCount must be positive, got 0 for CountTrigger.of(...)");
    assertThatThrownBy(() -> CountEvictor.of(-1)).hasMessage("maxCount must be positive, got -1 for CountEvictor.of(...)");
    assertThatThrownBy(() -> TimeEvictor.of(Duration.ofMillis(-1)))
        .hasMessage("windowSize must not be negative, got PT-0.001S for TimeEvictor.of(...)");
    assertThatThrownBy(() -> ContinuousEventTimeTrigger.of(ZERO))
        .hasMessage("interval must be positive, got PT0S for ContinuousEventTimeTrigger.of(...)");
    assertThatThrownBy(() -> keyed().window(TumblingEventTimeWindows.of(SECOND)).allowedLateness(Duration.ofSeconds(-1)))
        .hasMessage("allowed lateness must not be negative, got PT-1S for allowedLateness(...)");
  }

  @Test
  void sessionWindowsRefuseATriggerThatCannotMergeAndWindowsRefuseARichReduceFunction() {
    assertThatThrownBy(() -> keyed().window(EventTimeSessionWindows.withGap(SECOND)).trigger(new NonMerging()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("the trigger NonMerging does not support merging windows, but EventTimeSessionWindows(1000) merges them:"
            + " use a trigger whose canMerge() returns true");
    assertThatThrownBy(() -> keyed().window(TumblingEventTimeWindows.of(SECOND)).reduce(new RichSum()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("the reduce function of a window cannot be a RichFunction (" + RichSum.class.getName() + ")");
  }

  @Test
  void anEventTimeWindowRefusesAnElementWithoutATimestamp() {
    assertThatThrownBy(() -> TumblingEventTimeWindows.of(SECOND).assignWindows("x", Long.MIN_VALUE, null))
        .hasMessageStartingWith("An element has no timestamp (Long.MIN_VALUE), so TumblingEventTimeWindows cannot put it into an event-time window");
  }

  @Test
  void countWindowsValidateSizeAndSlide() {
    assertThatThrownBy(() -> keyed().countWindow(0)).hasMessage("count window size must be positive, got 0 for countWindow(...)");
    assertThatThrownBy(() -> keyed().countWindow(3, 4)).hasMessageContaining("got 4 for countWindow(size, slide)");
  }

  private static KeyedStream<Ev, String> keyed() {
    return Scripts.unusedEnvironment().addSource(new NoSource()).keyBy(Ev::key);
  }

  private static final class NonMerging extends Trigger<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(TimeWindow window, TriggerContext ctx) {}

    @Override
    public String toString() {
      return "NonMerging";
    }
  }

  private static final class RichSum implements ReduceFunction<Ev>, RichFunction {
    private static final long serialVersionUID = 1L;

    @Override
    public Ev reduce(Ev a, Ev b) {
      return a;
    }

    @Override
    public void open(OpenContext context) {}

    @Override
    public void close() {}

    @Override
    public RuntimeContext getRuntimeContext() {
      return null;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {}
  }

  @Test
  void aTriggerOfTheOtherTimeDomainIsRejectedNamingBothAndTheFix() {
    KeyedStream<Ev, String> keyed = Scripts.unusedEnvironment().addSource(new NoSource()).keyBy(Ev::key);
    assertThatThrownBy(() -> keyed.window(TumblingEventTimeWindows.of(SECOND)).trigger(ProcessingTimeTrigger.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the processing-time trigger ")
        .hasMessageContaining("cannot close the event-time windows of")
        .hasMessageEndingWith("use an EventTimeTrigger, or a processing-time assigner such as TumblingProcessingTimeWindows");
    assertThatThrownBy(() -> keyed.window(SlidingProcessingTimeWindows.of(SECOND, SECOND)).trigger(EventTimeTrigger.create()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot close the processing-time windows of")
        .hasMessageEndingWith("use a ProcessingTimeTrigger, or an event-time assigner such as TumblingEventTimeWindows");
  }
}
