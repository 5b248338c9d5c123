package io.millrace.examples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.StreamExecutionEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeGuideTest {

  @Test
  void eachSensorGoesSilentOnceWhenItsReadingsEndAndTheFinalWatermarkFiresItsTimer() throws Exception {
    // 30 readings, one per second, round-robin over 3 sensors: each has 10 readings, and each
    // gap between a sensor's readings (3 s +/- 1.5 s) is below the 10 s of silence.
    assertThat(EventTime.run()).containsExactlyInAnyOrder(
        "sensor-0 went silent after 10 readings",
        "sensor-1 went silent after 10 readings",
        "sensor-2 went silent after 10 readings");
  }

  @Test
  void assignTimestampsAndWatermarksStampsReadingsWithTheirEventTime() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<Long> stamps = EventTime.restamped(env.fromElements(
            new EventTime.Reading("s", 1_000, 1), new EventTime.Reading("s", 2_000, 2)))
        .process(new io.millrace.api.functions.ProcessFunction<EventTime.Reading, Long>() {
          private static final long serialVersionUID = 1L;

          @Override
          public void processElement(EventTime.Reading reading, Context ctx, io.millrace.api.functions.Collector<Long> out) {
            out.collect(ctx.timestamp());
          }
        })
        .executeAndCollect(10);
    assertThat(stamps).containsExactly(1_000L, 2_000L);
  }
}
