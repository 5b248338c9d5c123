package io.millrace.api;

import static io.millrace.api.GeneratedInput.SEED;
import static io.millrace.api.GeneratedInput.below;
import static io.millrace.api.GeneratedInput.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.CoFlatMapFunction;
import io.millrace.api.functions.CoMapFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedCoProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two-input processing against a sequential reference: keyed co-processing with state on both
 * inputs, and non-keyed co-map and co-flatMap, at parallelism 1, 2 and 4 on a million events.
 */
class ConnectedPropertyTest {
  private static final long ORDERS = 600_000;
  private static final long PAYMENTS = 400_000;
  private static final int KEYS = 1_000;

  /** Left input: an order of {@code amount} for customer {@code key}. */
  record Order(int key, long amount) {}

  /** Right input: a payment of {@code amount} by customer {@code account}. */
  record Payment(int account, long amount) {}

  /** A customer's running balance after {@code seen} of its orders and payments. */
  record Balance(int key, long seen, long ordered, long paid) {}

  static Order order(long seed, long index) {
    return new Order(below(seed, 20, 0, index, KEYS), 1 + below(seed, 20, 1, index, 500));
  }

  static Payment payment(long seed, long index) {
    return new Payment(below(seed, 21, 0, index, KEYS), 1 + below(seed, 21, 1, index, 700));
  }

  private static DataStream<Order> orders(StreamExecutionEnvironment env, long seed, int parallelism) {
    return orders(env, seed, parallelism, ORDERS);
  }

  private static DataStream<Order> orders(StreamExecutionEnvironment env, long seed, int parallelism, long count) {
    return env.fromSource(new DataGeneratorSource<>(i -> order(seed, i), count, Order.class),
            WatermarkStrategy.noWatermarks(), "orders")
        .setParallelism(parallelism);
  }

  private static DataStream<Payment> payments(StreamExecutionEnvironment env, long seed, int parallelism) {
    return payments(env, seed, parallelism, PAYMENTS);
  }

  private static DataStream<Payment> payments(StreamExecutionEnvironment env, long seed, int parallelism, long count) {
    return env.fromSource(new DataGeneratorSource<>(i -> payment(seed, i), count, Payment.class),
            WatermarkStrategy.noWatermarks(), "payments")
        .setParallelism(parallelism);
  }

  // ---------------------------------------------------------------- keyed co-process

  /**
   * Keyed co-processing keeps its state in the keyed state backend: runs on each backend (on
   * RocksDB with a fifth of the events, see {@link StateBackendsUnderTest#events}).
   */
  @Nested
  @ParameterizedClass(name = "on {0}")
  @MethodSource("io.millrace.api.StateBackendsUnderTest#all")
  class KeyedCoProcess {
    @Parameter
    StateBackend backend;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedCoProcessSumsBothInputsOfEachKeyInItsState(int parallelism) throws Exception {
      long seed = SEED;
      long orders = StateBackendsUnderTest.events(backend, ORDERS);
      long payments = StateBackendsUnderTest.events(backend, PAYMENTS);
      Map<Integer, Balance> expected = new TreeMap<>();
      for (long i = 0; i < orders; i++) {
        Order o = order(seed, i);
        Balance b = expected.getOrDefault(o.key(), new Balance(o.key(), 0, 0, 0));
        expected.put(o.key(), new Balance(o.key(), b.seen() + 1, b.ordered() + o.amount(), b.paid()));
      }
      for (long i = 0; i < payments; i++) {
        Payment p = payment(seed, i);
        Balance b = expected.getOrDefault(p.account(), new Balance(p.account(), 0, 0, 0));
        expected.put(p.account(), new Balance(p.account(), b.seen() + 1, b.ordered(), b.paid() + p.amount()));
      }

      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
      Map<Integer, Balance> latest = new ConcurrentHashMap<>();
      // The two inputs interleave in no defined order, but each key's balance is updated by one
      // subtask, so the emission with the most events seen is the key's final state.
      orders(env, seed, parallelism, orders)
          .connect(payments(env, seed, Math.max(1, parallelism / 2), payments))
          .keyBy(Order::key, Payment::account)
          .process(new BalanceTracker())
          .addSink(b -> latest.merge(b.key(), b, (x, y) -> x.seen() >= y.seen() ? x : y));
      env.execute("keyed co-process property");

      assertThat(new TreeMap<>(latest)).as("%s: final balance per key", describe(seed, parallelism, backend, orders + payments))
          .isEqualTo(expected);
    }
  }

  /** Keeps each customer's ordered and paid totals in value state; emits the balance on every element. */
  static final class BalanceTracker extends KeyedCoProcessFunction<Integer, Order, Payment, Balance> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Balance> balance;

    @Override
    public void open(OpenContext openContext) {
      balance = getRuntimeContext().getState(new ValueStateDescriptor<>("balance", Balance.class));
    }

    @Override
    public void processElement1(Order order, Context ctx, Collector<Balance> out) throws Exception {
      Balance b = current(ctx.getCurrentKey());
      update(new Balance(b.key(), b.seen() + 1, b.ordered() + order.amount(), b.paid()), out);
    }

    @Override
    public void processElement2(Payment payment, Context ctx, Collector<Balance> out) throws Exception {
      Balance b = current(ctx.getCurrentKey());
      update(new Balance(b.key(), b.seen() + 1, b.ordered(), b.paid() + payment.amount()), out);
    }

    private Balance current(int key) throws Exception {
      Balance b = balance.value();
      return b != null ? b : new Balance(key, 0, 0, 0);
    }

    private void update(Balance next, Collector<Balance> out) throws Exception {
      balance.update(next);
      out.collect(next);
    }
  }

  // ---------------------------------------------------------------- non-keyed co-map and co-flatMap

  /** What a co-function emitted: from which input ({@code side}), for which key, how much. */
  record Tagged(int side, int key, long amount) {}

  /** Count and total of the {@link Tagged} records of one (side, key). */
  record Tally(long count, long total) {
    Tally plus(Tally other) {
      return new Tally(count + other.count, total + other.total);
    }
  }

  private static int tallyKey(int side, int key) {
    return side * KEYS + key;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void coMapMapsEveryElementOfBothInputsExactlyOnce(int parallelism) throws Exception {
    long seed = SEED;
    Map<Integer, Tally> expected = new TreeMap<>();
    for (long i = 0; i < ORDERS; i++) {
      Order o = order(seed, i);
      expected.merge(tallyKey(1, o.key()), new Tally(1, o.amount()), Tally::plus);
    }
    for (long i = 0; i < PAYMENTS; i++) {
      Payment p = payment(seed, i);
      expected.merge(tallyKey(2, p.account()), new Tally(1, -p.amount()), Tally::plus);
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    Map<Integer, Tally> tallies = new ConcurrentHashMap<>();
    orders(env, seed, parallelism)
        .connect(payments(env, seed, 3))
        .map(new CoMapFunction<Order, Payment, Tagged>() {
          private static final long serialVersionUID = 1L;

          @Override
          public Tagged map1(Order order) {
            return new Tagged(1, order.key(), order.amount());
          }

          @Override
          public Tagged map2(Payment payment) {
            return new Tagged(2, payment.account(), -payment.amount());
          }
        })
        .addSink(t -> tallies.merge(tallyKey(t.side(), t.key()), new Tally(1, t.amount()), Tally::plus));
    env.execute("co-map property");

    assertThat(new TreeMap<>(tallies)).as("%s: count and total per (input, key)", describe(seed, parallelism))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void coFlatMapEmitsExactlyWhatEachElementOfBothInputsExpandsTo(int parallelism) throws Exception {
    long seed = SEED;
    Map<Integer, Tally> expected = new TreeMap<>();
    for (long i = 0; i < ORDERS; i++) {
      Order o = order(seed, i);
      for (long copy = 0; copy < o.amount() % 3; copy++) {
        expected.merge(tallyKey(1, o.key()), new Tally(1, o.amount() + copy), Tally::plus);
      }
    }
    for (long i = 0; i < PAYMENTS; i++) {
      Payment p = payment(seed, i);
      if (p.amount() % 2 == 0) {
        expected.merge(tallyKey(2, p.account()), new Tally(1, p.amount()), Tally::plus);
      }
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    Map<Integer, Tally> tallies = new ConcurrentHashMap<>();
    orders(env, seed, 1)
        .connect(payments(env, seed, parallelism))
        .flatMap(new CoFlatMapFunction<Order, Payment, Tagged>() {
          private static final long serialVersionUID = 1L;

          @Override
          public void flatMap1(Order order, Collector<Tagged> out) {
            for (long copy = 0; copy < order.amount() % 3; copy++) {
              out.collect(new Tagged(1, order.key(), order.amount() + copy));
            }
          }

          @Override
          public void flatMap2(Payment payment, Collector<Tagged> out) {
            if (payment.amount() % 2 == 0) {
              out.collect(new Tagged(2, payment.account(), payment.amount()));
            }
          }
        })
        .addSink(t -> tallies.merge(tallyKey(t.side(), t.key()), new Tally(1, t.amount()), Tally::plus));
    env.execute("co-flatMap property");

    assertThat(new TreeMap<>(tallies)).as("%s: count and total per (input, key)", describe(seed, parallelism))
        .isEqualTo(expected);
  }
}
