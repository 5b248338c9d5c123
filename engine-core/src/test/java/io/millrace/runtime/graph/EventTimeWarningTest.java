package io.millrace.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.DataStream;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.runtime.api.StreamInternals;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeWarningTest {

  /** Builds the graph ending in {@code eventTimeOperator}, marked as working in event time. */
  private static List<String> warningsFor(SingleOutputStreamOperator<Long> eventTimeOperator) {
    StreamInternals.setNeedsWatermarks(eventTimeOperator);
    JobGraphBuilder builder = new JobGraphBuilder(1, Transformation.DEFAULT);
    builder.build("job", List.of(StreamInternals.transformation(eventTimeOperator)));
    return builder.warnings();
  }

  private static DataStream<Long> generated(StreamExecutionEnvironment env, WatermarkStrategy<Long> strategy) {
    return env.fromSource(new DataGeneratorSource<>(i -> i, 10, Long.class), strategy, "numbers");
  }

  @Test
  void anEventTimeOperatorWithoutWatermarksUpstreamIsWarnedAboutNamingItAndTheFix() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Long> windowed = generated(env, WatermarkStrategy.noWatermarks()).map(x -> x).name("window");

    assertThat(warningsFor(windowed)).singleElement().asString()
        .contains("map@2 (window) works in event time, but nothing upstream produces watermarks")
        .contains("assignTimestampsAndWatermarks");
  }

  @Test
  void watermarksFromTheSourceOrAnAssignerUpstreamSilenceTheWarning() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    SingleOutputStreamOperator<Long> fromSource =
        generated(env, WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x)).map(x -> x);
    assertThat(warningsFor(fromSource)).isEmpty();

    SingleOutputStreamOperator<Long> afterAssigner = generated(env, WatermarkStrategy.noWatermarks())
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x))
        .map(x -> x);
    assertThat(warningsFor(afterAssigner)).isEmpty();
  }
}
