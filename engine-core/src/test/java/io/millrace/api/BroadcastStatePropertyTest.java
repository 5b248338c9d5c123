package io.millrace.api;

import static io.millrace.api.GeneratedInput.SEED;
import static io.millrace.api.GeneratedInput.below;
import static io.millrace.api.GeneratedInput.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.BroadcastProcessFunction;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedBroadcastProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.SourceFunction;
import io.millrace.state.BroadcastState;
import io.millrace.state.ListState;
import io.millrace.state.ListStateDescriptor;
import io.millrace.state.MapStateDescriptor;
import io.millrace.state.StateBackend;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broadcast state against a sequential reference: a small bounded rule stream broadcast to a
 * million main events, with results made independent of how the two inputs interleave.
 */
class BroadcastStatePropertyTest {
  private static final long ORDERS = 1_000_000;
  private static final int KEYS = 1_000;
  /** Rules exist for ids {@code [0, RULES)}; orders also name a few ids no rule ever defines. */
  private static final int RULES = 64;
  private static final int MISSING_RULES = 4;

  static final MapStateDescriptor<Integer, Long> RULES_STATE =
      new MapStateDescriptor<>("rules", Integer.class, Long.class);

  /** Main input: {@code amount} for customer {@code key}, priced by rule {@code ruleId}. */
  record Order(int key, int ruleId, long amount) {}

  /** Broadcast input: the multiplier of rule {@code id}; each id is defined exactly once. */
  record Rule(int id, long multiplier) {}

  /** A customer's total over the {@code priced} orders whose rule was known. */
  record Priced(int key, long priced, long total) {}

  static Order order(long seed, long index) {
    return new Order(below(seed, 30, 0, index, KEYS), below(seed, 30, 1, index, RULES + MISSING_RULES),
        1 + below(seed, 30, 2, index, 1_000));
  }

  /** The rules in a seed-determined order (arrival order must not matter). */
  static List<Rule> rules(long seed) {
    List<Rule> rules = new ArrayList<>();
    for (int id = 0; id < RULES; id++) {
      rules.add(new Rule(id, 1 + below(seed, 31, 0, id, 100)));
    }
    Collections.shuffle(rules, new Random(seed));
    return rules;
  }

  // ---------------------------------------------------------------- keyed

  /**
   * Keyed broadcast processing keeps its parked orders and totals in keyed state: runs on each
   * backend (on RocksDB with a fifth of the orders, see {@link StateBackendsUnderTest#events};
   * still far more than {@link #PRICED_BEFORE_LATE_RULES}).
   */
  @Nested
  @ParameterizedClass(name = "on {0}")
  @MethodSource("io.millrace.api.StateBackendsUnderTest#all")
  class KeyedBroadcast {
    @Parameter
    StateBackend backend;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    @Timeout(60) // if the late rules were never released, the job would wait forever; this cancels it
    void keyedBroadcastPricesEveryOrderOnceItsRuleIsKnownWhateverTheArrivalOrder(int parallelism) throws Exception {
      long seed = SEED;
      long orders = StateBackendsUnderTest.events(backend, ORDERS);
      Map<Integer, Long> multipliers = new TreeMap<>();
      rules(seed).forEach(rule -> multipliers.put(rule.id(), rule.multiplier()));
      Map<Integer, Priced> expected = new TreeMap<>();
      for (long i = 0; i < orders; i++) {
        Order o = order(seed, i);
        Long multiplier = multipliers.get(o.ruleId());
        if (multiplier != null) {
          Priced p = expected.getOrDefault(o.key(), new Priced(o.key(), 0, 0));
          expected.put(o.key(), new Priced(o.key(), p.priced() + 1, p.total() + o.amount() * multiplier));
        }
      }

      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism).setStateBackend(backend);
      // Half the rules come first; the rest only once PRICED_BEFORE_LATE_RULES orders have been
      // priced. Orders naming a late rule that were processed before it are therefore certainly
      // parked and priced later by applyToKeyedState: both paths run, whatever the scheduling.
      CountDownLatch earlyOrdersPriced = new CountDownLatch(1);
      AtomicLong pricedOutputs = new AtomicLong();
      BroadcastStream<Rule> rules =
          env.addSource(new TwoPhaseRuleSource(rules(seed), earlyOrdersPriced), "rules").broadcast(RULES_STATE);
      Map<Integer, Priced> latest = new ConcurrentHashMap<>();
      env.fromSource(new DataGeneratorSource<>(i -> order(seed, i), orders, Order.class),
              WatermarkStrategy.noWatermarks(), "orders")
          .keyBy(Order::key)
          .connect(rules)
          .process(new Pricer())
          .addSink(p -> {
            latest.merge(p.key(), p, (x, y) -> x.priced() >= y.priced() ? x : y);
            if (pricedOutputs.incrementAndGet() == PRICED_BEFORE_LATE_RULES) {
              earlyOrdersPriced.countDown();
            }
          });
      env.execute("keyed broadcast property");

      assertThat(new TreeMap<>(latest)).as("%s: priced orders and total per key", describe(seed, parallelism, backend, orders))
          .isEqualTo(expected);
    }
  }

  private static final long PRICED_BEFORE_LATE_RULES = 50_000;

  /**
   * Emits the first half of {@code rules}, waits until {@code release} opens (or the job is
   * cancelled), then emits the rest. Not a rich function, so all subtasks (there is one) share this instance and its latch.
   */
  static final class TwoPhaseRuleSource implements SourceFunction<Rule> {
    private static final long serialVersionUID = 1L;
    private final ArrayList<Rule> rules;
    private final transient CountDownLatch release;
    private volatile boolean running = true;

    TwoPhaseRuleSource(List<Rule> rules, CountDownLatch release) {
      this.rules = new ArrayList<>(rules);
      this.release = release;
    }

    @Override
    public void run(SourceContext<Rule> ctx) throws InterruptedException {
      int half = rules.size() / 2;
      rules.subList(0, half).forEach(ctx::collect);
      ctx.markAsTemporarilyIdle();
      release.await();
      if (running) {
        rules.subList(half, rules.size()).forEach(ctx::collect);
      }
    }

    @Override
    public void cancel() {
      running = false;
      release.countDown();
    }
  }

  /**
   * Prices an order at once if its rule is in the broadcast state, else parks it in list state;
   * a newly arrived rule prices the parked orders of every key through
   * {@code applyToKeyedState}. Either way each order is priced exactly once, after its rule.
   */
  static final class Pricer extends KeyedBroadcastProcessFunction<Integer, Order, Rule, Priced> {
    private static final long serialVersionUID = 1L;
    static final ListStateDescriptor<Order> PARKED = new ListStateDescriptor<>("parked", Order.class);
    private transient ValueState<Priced> priced;
    private transient ListState<Order> parked;

    @Override
    public void open(OpenContext openContext) {
      priced = getRuntimeContext().getState(new ValueStateDescriptor<>("priced", Priced.class));
      parked = getRuntimeContext().getListState(PARKED);
    }

    @Override
    public void processElement(Order order, ReadOnlyContext ctx, Collector<Priced> out) throws Exception {
      Long multiplier = ctx.getBroadcastState(RULES_STATE).get(order.ruleId());
      if (multiplier != null) {
        price(ctx.getCurrentKey(), order, multiplier, out);
      } else {
        parked.add(order);
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<Priced> out) throws Exception {
      BroadcastState<Integer, Long> rules = ctx.getBroadcastState(RULES_STATE);
      if (rules.contains(rule.id())) {
        throw new IllegalStateException("rule " + rule.id() + " defined twice");
      }
      rules.put(rule.id(), rule.multiplier());
      ctx.applyToKeyedState(PARKED, (key, orders) -> {
        List<Order> stillParked = new ArrayList<>();
        Iterable<Order> all = orders.get();
        if (all == null) {
          return;
        }
        for (Order order : all) {
          if (order.ruleId() == rule.id()) {
            price(key, order, rule.multiplier(), out);
          } else {
            stillParked.add(order);
          }
        }
        orders.update(stillParked);
      });
    }

    private void price(int key, Order order, long multiplier, Collector<Priced> out) throws Exception {
      if (order.key() != key) {
        throw new IllegalStateException("order of key " + order.key() + " priced under key " + key);
      }
      Priced p = priced.value();
      Priced next = p == null
          ? new Priced(key, 1, order.amount() * multiplier)
          : new Priced(key, p.priced() + 1, p.total() + order.amount() * multiplier);
      priced.update(next);
      out.collect(next);
    }
  }

  // ---------------------------------------------------------------- non-keyed

  /** What each subtask of a test's {@link RuleCollector} saw, by test id: a side channel. */
  private static final Map<String, Map<Integer, SubtaskReport>> REPORTS = new ConcurrentHashMap<>();

  /** A subtask's broadcast state and main-input count when it closed. */
  record SubtaskReport(Map<Integer, Long> rules, long orders, long pricedWithWrongMultiplier) {}

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void everyParallelInstanceOfABroadcastProcessFunctionEndsWithAllRules(int parallelism) throws Exception {
    long seed = SEED;
    String testId = UUID.randomUUID().toString();
    Map<Integer, Long> allRules = new TreeMap<>();
    rules(seed).forEach(rule -> allRules.put(rule.id(), rule.multiplier()));
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
      BroadcastStream<Rule> rules = env.fromCollection(rules(seed)).broadcast(RULES_STATE);
      env.fromSource(new DataGeneratorSource<>(i -> order(seed, i), ORDERS, Order.class),
              WatermarkStrategy.noWatermarks(), "orders")
          .connect(rules)
          .process(new RuleCollector(testId, allRules))
          .addSink(ignored -> {});
      env.execute("broadcast property");

      Map<Integer, SubtaskReport> reports = new TreeMap<>(REPORTS.getOrDefault(testId, Map.of()));
      assertThat(reports.keySet()).as("%s: subtasks that reported", describe(seed, parallelism))
          .containsExactlyElementsOf(subtasks(parallelism));
      for (Map.Entry<Integer, SubtaskReport> report : reports.entrySet()) {
        assertThat(report.getValue().rules())
            .as("%s: broadcast state of subtask %d", describe(seed, parallelism), report.getKey())
            .isEqualTo(allRules);
        assertThat(report.getValue().pricedWithWrongMultiplier())
            .as("%s: orders of subtask %d that read a wrong multiplier", describe(seed, parallelism), report.getKey())
            .isZero();
      }
      assertThat(reports.values().stream().mapToLong(SubtaskReport::orders).sum())
          .as("%s: orders processed over all subtasks", describe(seed, parallelism))
          .isEqualTo(ORDERS);
    } finally {
      REPORTS.remove(testId);
    }
  }

  private static List<Integer> subtasks(int parallelism) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      indexes.add(i);
    }
    return indexes;
  }

  /**
   * Stores rules in broadcast state, checks every order against the rules known so far, and on
   * close reports its broadcast state to {@link #REPORTS}.
   */
  static final class RuleCollector extends BroadcastProcessFunction<Order, Rule, Long> {
    private static final long serialVersionUID = 1L;
    private final String testId;
    private final TreeMap<Integer, Long> allRules;
    private transient BroadcastState<Integer, Long> rules;
    private transient long orders;
    private transient long wrong;

    RuleCollector(String testId, Map<Integer, Long> allRules) {
      this.testId = testId;
      this.allRules = new TreeMap<>(allRules);
    }

    @Override
    public void processElement(Order order, ReadOnlyContext ctx, Collector<Long> out) throws Exception {
      orders++;
      Long multiplier = ctx.getBroadcastState(RULES_STATE).get(order.ruleId());
      if (multiplier != null && !multiplier.equals(allRules.get(order.ruleId()))) {
        wrong++;
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<Long> out) throws Exception {
      rules = ctx.getBroadcastState(RULES_STATE);
      rules.put(rule.id(), rule.multiplier());
    }

    @Override
    public void close() throws Exception {
      Map<Integer, Long> content = new TreeMap<>();
      if (rules != null) {
        for (Map.Entry<Integer, Long> entry : rules.entries()) {
          content.put(entry.getKey(), entry.getValue());
        }
      }
      REPORTS.computeIfAbsent(testId, id -> new ConcurrentHashMap<>())
          .put(getRuntimeContext().getIndexOfThisSubtask(), new SubtaskReport(content, orders, wrong));
    }
  }
}
