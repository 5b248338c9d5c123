package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.examples.clicks.ClickEvent;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import io.millrace.state.serialization.TypeSerializers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** State backends, state time-to-live and the types kept in state. */
public final class StateGuide {
  private StateGuide() {}

  static DataStream<ClickEvent> clicks(StreamExecutionEnvironment env) {
    return env.fromElements(
        new ClickEvent("alice", "ad-1"), new ClickEvent("bob", "ad-1"), new ClickEvent("alice", "ad-1"),
        new ClickEvent("alice", "ad-2"), new ClickEvent("bob", "ad-3"), new ClickEvent("alice", "ad-1"));
  }

  /** An environment that keeps keyed state in RocksDB under {@code stateDirectory}. */
  static StreamExecutionEnvironment onRocksDB(Path stateDirectory) {
    // [START backend]
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setStateBackend(new EmbeddedRocksDBStateBackend()
        .setLocalDirectory(stateDirectory)    // default: java.io.tmpdir
        .setMemoryPerSlot(64L << 20));        // block cache and write buffers of one subtask
    // [END backend]
    return env;
  }

  // [START ttl]
  /** Passes a user's click on an ad unless the user clicked the same ad in the last 10 minutes. */
  static final class RecentClickFilter extends KeyedProcessFunction<String, ClickEvent, ClickEvent> {
    private static final long serialVersionUID = 1L;

    private transient MapState<String, Boolean> recentAds;   // per user: the ads clicked recently

    @Override
    public void open(OpenContext openContext) {
      MapStateDescriptor<String, Boolean> descriptor =
          new MapStateDescriptor<>("recent-ads", String.class, Boolean.class);
      descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMinutes(10)).build());
      recentAds = getRuntimeContext().getMapState(descriptor);
    }

    @Override
    public void processElement(ClickEvent click, Context ctx, Collector<ClickEvent> out) throws Exception {
      if (!recentAds.contains(click.getAdId())) {   // expired entries are gone
        recentAds.put(click.getAdId(), true);
        out.collect(click);
      }
    }
  }
  // [END ttl]

  // [START types]
  /** What is remembered per user: a record, written component by component. */
  record Visit(String adId, int clicks) {}

  /** Follows each user's visits: clicks in a row on one ad are one visit. */
  static final class VisitTracker extends KeyedProcessFunction<String, ClickEvent, String> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Visit> current;
    private transient ValueState<List<String>> earlier;

    @Override
    public void open(OpenContext openContext) {
      // A class names the type: its serializer is derived once, from the record's components.
      current = getRuntimeContext().getState(new ValueStateDescriptor<>("current", Visit.class));
      // A generic type cannot be named by a class: give the serializer instead.
      earlier = getRuntimeContext().getState(new ValueStateDescriptor<>(
          "earlier", TypeSerializers.listOf(TypeSerializers.forClass(String.class))));
    }

    @Override
    public void processElement(ClickEvent click, Context ctx, Collector<String> out) throws Exception {
      Visit visit = current.value();
      if (visit != null && !visit.adId().equals(click.getAdId())) {
        List<String> before = earlier.value() == null ? new ArrayList<>() : earlier.value();
        before.add(visit.adId() + " x" + visit.clicks());
        earlier.update(before);
        visit = null;
      }
      visit = new Visit(click.getAdId(), visit == null ? 1 : visit.clicks() + 1);
      current.update(visit);
      List<String> before = earlier.value();
      out.collect(ctx.getCurrentKey() + ": " + visit.adId() + " x" + visit.clicks()
          + (before == null ? "" : " after " + before));
    }
  }
  // [END types]

  /** The filtered clicks and the visits of {@link #clicks}, printed. */
  static void filterAndTrack(StreamExecutionEnvironment env) {
    DataStream<ClickEvent> clicks = clicks(env);
    clicks.keyBy(ClickEvent::getUserId).process(new RecentClickFilter()).print();
    clicks.keyBy(ClickEvent::getUserId).process(new VisitTracker()).print();
  }

  /** Runs the examples on RocksDB in a temporary directory. */
  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("millrace-state-guide");
    try {
      StreamExecutionEnvironment env = onRocksDB(directory);
      filterAndTrack(env);
      env.execute("state guide");
    } finally {
      Files.deleteIfExists(directory);   // the backend removed its databases when the job ended
    }
  }
}
