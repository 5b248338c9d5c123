package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.examples.clicks.ClickCount;
import io.millrace.examples.clicks.ClickCounter;
import io.millrace.examples.clicks.ClickEvent;
import io.millrace.state.MapState;
import io.millrace.state.MapStateDescriptor;

/** keyBy, rolling reduce and keyed process functions with state. */
public final class KeyedProcessing {
  private KeyedProcessing() {}

  static DataStream<ClickEvent> clicks(StreamExecutionEnvironment env) {
    return env.fromElements(
        new ClickEvent("alice", "ad-1"), new ClickEvent("bob", "ad-1"), new ClickEvent("alice", "ad-1"),
        new ClickEvent("alice", "ad-2"), new ClickEvent("bob", "ad-3"));
  }

  /** The two streams of {@link #counting}. */
  record Counting(DataStream<ClickCount> counts, DataStream<ClickCount> totals) {}

  /** The click counter on a keyed stream, and a rolling reduce. */
  static Counting counting(DataStream<ClickEvent> clicks) {
    // [START keyed-process]
    DataStream<ClickCount> counts = clicks
        .keyBy(ClickEvent::getUserId)
        .process(new ClickCounter());
    // [END keyed-process]

    // [START reduce]
    DataStream<ClickCount> totals = clicks
        .map(click -> new ClickCount(click.getUserId(), 1))
        .keyBy(ClickCount::getUserId)
        .reduce((a, b) -> new ClickCount(a.getUserId(), a.getCount() + b.getCount()));
    // [END reduce]
    return new Counting(counts, totals);
  }

  // [START distinct-ads]
  /** Emits a user's click only the first time the user clicks that ad. */
  static final class FirstClickPerAd extends KeyedProcessFunction<String, ClickEvent, ClickEvent> {
    private static final long serialVersionUID = 1L;

    private transient MapState<String, Boolean> seenAds;   // per user: the ads clicked so far

    @Override
    public void open(OpenContext openContext) {
      seenAds = getRuntimeContext().getMapState(new MapStateDescriptor<>("seen-ads", String.class, Boolean.class));
    }

    @Override
    public void processElement(ClickEvent click, Context ctx, Collector<ClickEvent> out) throws Exception {
      // ctx.getCurrentKey() is the user; seenAds holds this user's entries only
      if (!seenAds.contains(click.getAdId())) {
        seenAds.put(click.getAdId(), true);
        out.collect(click);
      }
    }
  }
  // [END distinct-ads]

  /** Runs the examples. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    Counting counting = counting(clicks(env));
    counting.counts().print();
    counting.totals().print();
    env.execute("counting");
    distinctAds(env);
    env.execute("distinct ads");
  }

  /** The first click of each user on each ad, printed. */
  static void distinctAds(StreamExecutionEnvironment env) {
    // [START distinct-ads-use]
    clicks(env)
        .keyBy(ClickEvent::getUserId)
        .process(new FirstClickPerAd())
        .print();
    // [END distinct-ads-use]
  }
}
