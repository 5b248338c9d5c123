package io.millrace.examples.clicks;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.Watermark;
import io.millrace.api.eventtime.WatermarkGenerator;
import io.millrace.api.eventtime.WatermarkOutput;
import io.millrace.api.eventtime.WatermarkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageViewCountingJobTest {

  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;

  /** A view at {@code minutes}:{@code seconds} of event time. */
  private static PageView view(String page, String user, long minutes, long seconds) {
    return new PageView(page, user, minutes * MINUTE + seconds * SECOND);
  }

  /**
   * The watermark of the job's strategy (highest timestamp - 10 s - 1 ms), but emitted after
   * every view instead of every 200 ms, so that which views are late does not depend on timing.
   */
  static final class WatermarkAfterEveryView implements WatermarkGenerator<PageView> {
    private long maxTimestamp = Long.MIN_VALUE;

    @Override
    public void onEvent(PageView view, long timestamp, WatermarkOutput output) {
      maxTimestamp = Math.max(maxTimestamp, timestamp);
      output.emitWatermark(new Watermark(maxTimestamp - PageViewCountingJob.OUT_OF_ORDERNESS.toMillis() - 1));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }

  private static List<PageViewCount> countViews(PageView... views) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    return PageViewCountingJob.countViews(
            env.fromElements(views)
                .assignTimestampsAndWatermarks(
                    WatermarkStrategy.<PageView>forGenerator(WatermarkAfterEveryView::new)
                        .withTimestampAssigner((view, previous) -> view.timestamp())))
        .executeAndCollect(100);
  }

  private static PageViewCount count(String page, long windowMinute, long count) {
    return new PageViewCount(page, windowMinute * MINUTE, (windowMinute + 1) * MINUTE, count);
  }

  @Test
  void countsViewsPerPageAndMinuteRefiringForAllowedLateViewsAndDroppingLaterOnes() throws Exception {
    List<PageViewCount> counts = countViews(
        view("/home", "ann", 0, 5),
        view("/home", "bob", 0, 30),
        view("/about", "ann", 0, 40),
        view("/home", "cid", 1, 10),  // watermark 0:59.999: minute 0 fires (/home 2, /about 1)
        view("/home", "dan", 0, 50),  // 20 s late, within the allowed minute: /home minute 0 fires again with 3
        view("/about", "bob", 2, 15), // watermark 2:04.999: minute 1 fires (/home 1); minute 0 is gone
        view("/about", "eve", 0, 20)); // too late for minute 0 (its lateness ended at 1:59.999): dropped

    assertThat(counts).containsExactlyInAnyOrder(
        count("/home", 0, 2),
        count("/about", 0, 1),
        count("/home", 0, 3),
        count("/home", 1, 1),
        count("/about", 2, 1)); // fired by the end of the input
    assertThat(counts.subList(0, 2)).containsExactlyInAnyOrder(count("/home", 0, 2), count("/about", 0, 1));
    assertThat(counts.subList(2, 5)).containsExactly(count("/home", 0, 3), count("/home", 1, 1), count("/about", 2, 1));
  }

  @Test
  void viewsWithinTheBoundAreOnTimeAndFireTheirWindowOnce() throws Exception {
    List<PageViewCount> counts = countViews(
        view("/home", "ann", 0, 58),
        view("/home", "bob", 1, 5),
        view("/home", "cid", 0, 56), // 9 s behind the highest timestamp: on time
        view("/home", "dan", 1, 20));

    assertThat(counts).containsExactly(count("/home", 0, 2), count("/home", 1, 2));
  }

  @Test
  void generatedViewsAreMostlyInOrderWithSomeLateOnes() {
    long late = 0;
    long maxTimestamp = PageViewCountingJob.view(0).timestamp();
    for (long i = 1; i < 100_000; i++) {
      PageView view = PageViewCountingJob.view(i);
      if (view.timestamp() < maxTimestamp - PageViewCountingJob.OUT_OF_ORDERNESS.toMillis()) {
        late++;
        assertThat(maxTimestamp - view.timestamp())
            .isLessThan(PageViewCountingJob.ALLOWED_LATENESS.toMillis());
      }
      maxTimestamp = Math.max(maxTimestamp, view.timestamp());
    }
    assertThat(late).isEqualTo(100_000 / PageViewCountingJob.LATE_EVERY);
  }
}
