package io.millrace.examples.guide;

import io.millrace.api.BroadcastStream;
import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedBroadcastProcessFunction;
import io.millrace.examples.clicks.ClickEvent;
import io.millrace.state.MapStateDescriptor;

/** Broadcast state: a stream of rules that every parallel instance sees. */
public final class BroadcastStateGuide {
  private BroadcastStateGuide() {}

  /** Blocks (or, with {@code blocked = false}, unblocks) an ad. */
  public record AdRule(String adId, boolean blocked) {}

  // [START broadcast-descriptor]
  static final MapStateDescriptor<String, Boolean> BLOCKED_ADS =
      new MapStateDescriptor<>("blocked-ads", String.class, Boolean.class);
  // [END broadcast-descriptor]

  // [START broadcast-function]
  /** Drops the clicks on blocked ads; the rules arrive on the broadcast input. */
  static final class DropBlockedAds extends KeyedBroadcastProcessFunction<String, ClickEvent, AdRule, ClickEvent> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(ClickEvent click, ReadOnlyContext ctx, Collector<ClickEvent> out) throws Exception {
      if (!ctx.getBroadcastState(BLOCKED_ADS).contains(click.getAdId())) {
        out.collect(click);
      }
    }

    @Override
    public void processBroadcastElement(AdRule rule, Context ctx, Collector<ClickEvent> out) throws Exception {
      if (rule.blocked()) {
        ctx.getBroadcastState(BLOCKED_ADS).put(rule.adId(), true);
      } else {
        ctx.getBroadcastState(BLOCKED_ADS).remove(rule.adId());
      }
    }
  }
  // [END broadcast-function]

  /** Runs the example. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<ClickEvent> clicks = env.fromElements(
        new ClickEvent("alice", "ad-1"), new ClickEvent("bob", "ad-2"), new ClickEvent("carol", "ad-1"));
    DataStream<AdRule> rules = env.fromElements(new AdRule("ad-2", true));
    // [START broadcast-connect]
    BroadcastStream<AdRule> ruleBroadcast = rules.broadcast(BLOCKED_ADS);

    clicks.keyBy(ClickEvent::getUserId)
        .connect(ruleBroadcast)
        .process(new DropBlockedAds())
        .print();
    // [END broadcast-connect]
    env.execute("broadcast state");
  }
}
