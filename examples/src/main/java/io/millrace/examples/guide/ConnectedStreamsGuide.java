package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.CoMapFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedCoProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.examples.clicks.ClickEvent;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;

/** Two-input operators: co-map and keyed co-process. */
public final class ConnectedStreamsGuide {
  private ConnectedStreamsGuide() {}

  /** A user's sign-up: the other input of the keyed example. */
  public record SignUp(String userId, String country) {}

  static DataStream<String> coMap(StreamExecutionEnvironment env) {
    // [START co-map]
    DataStream<ClickEvent> clicks = env.fromElements(new ClickEvent("alice", "ad-1"));
    DataStream<SignUp> signUps = env.fromElements(new SignUp("bob", "NZ"));

    DataStream<String> log = clicks.connect(signUps).map(new CoMapFunction<ClickEvent, SignUp, String>() {
      private static final long serialVersionUID = 1L;

      @Override
      public String map1(ClickEvent click) {
        return "click by " + click.getUserId();
      }

      @Override
      public String map2(SignUp signUp) {
        return "sign-up of " + signUp.userId();
      }
    });
    // [END co-map]
    return log;
  }

  // [START keyed-co-process]
  /** Tags each click with the country of its user; holds clicks back until the sign-up arrives. */
  static final class ClicksWithCountry extends KeyedCoProcessFunction<String, ClickEvent, SignUp, String> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<String> country;      // state of the current user,
    private transient ListState<ClickEvent> waiting;   // shared by both inputs

    @Override
    public void open(OpenContext openContext) {
      country = getRuntimeContext().getState(new ValueStateDescriptor<>("country", String.class));
      waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", ClickEvent.class));
    }

    @Override
    public void processElement1(ClickEvent click, Context ctx, Collector<String> out) throws Exception {
      if (country.value() == null) {
        waiting.add(click);                             // the sign-up has not arrived yet
      } else {
        out.collect(click.getAdId() + " clicked in " + country.value());
      }
    }

    @Override
    public void processElement2(SignUp signUp, Context ctx, Collector<String> out) throws Exception {
      country.update(signUp.country());
      for (ClickEvent click : waiting.get()) {
        out.collect(click.getAdId() + " clicked in " + signUp.country());
      }
      waiting.clear();
    }
  }
  // [END keyed-co-process]

  static void keyed(StreamExecutionEnvironment env) {
    DataStream<ClickEvent> clicks = env.fromElements(
        new ClickEvent("alice", "ad-1"), new ClickEvent("bob", "ad-2"), new ClickEvent("alice", "ad-3"));
    DataStream<SignUp> signUps = env.fromElements(new SignUp("alice", "FR"), new SignUp("bob", "NZ"));
    // [START keyed-connect]
    clicks.connect(signUps)
        .keyBy(ClickEvent::getUserId, SignUp::userId)  // equal keys of both inputs meet on one subtask
        .process(new ClicksWithCountry())
        .print();
    // [END keyed-connect]
  }

  /** Runs the examples. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    coMap(env).print();
    env.execute("co-map");
    keyed(env);
    env.execute("keyed co-process");
  }
}
