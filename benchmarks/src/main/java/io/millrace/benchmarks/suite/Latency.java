package io.millrace.benchmarks.suite;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.sink.RichSinkFunction;
import io.millrace.api.source.RichParallelSourceFunction;
import io.millrace.benchmarks.workload.ClickGenerator;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Workload L (Millrace only): a source creating events at a fixed rate → {@code keyBy(adId)} → a
 * {@code KeyedProcessFunction} (a per-ad count in {@code ValueState}, the event passed on) → a
 * sink recording {@code System.nanoTime()} − the event's creation time in an HdrHistogram.
 *
 * <p>The source paces itself against {@code System.nanoTime()}: event {@code k} of a subtask is
 * due at {@code start + k / rate}; ahead of its deadline the source parks (far ahead) or yields
 * (close to it), never sleeping per event; behind it, it creates events at once. The creation
 * time is {@code System.nanoTime()} when the event is created, so a source that falls behind
 * hides its backlog: the report prints the rate achieved beside the rate asked for. Events of
 * the first {@code warmUp} of a run are not recorded. Everything runs in one JVM, so the source's
 * and the sink's {@code nanoTime} share an origin.
 */
public final class Latency {
  private static final AtomicLong RUNS = new AtomicLong();
  private static final Map<String, Histogram> HISTOGRAMS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicLong> CREATED = new ConcurrentHashMap<>();

  /** The longest latency recorded exactly: a minute, in nanoseconds. */
  private static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);

  private Latency() {}

  /** An event of L: its key and when the source created it. */
  public record Timed(long adId, long createdNanos, boolean measured) implements Serializable {}

  /**
   * What one run measured: the rate asked for and achieved (events/s over the whole run) and
   * the latencies of the measured events, in nanoseconds.
   */
  public record Result(double targetRate, double achievedRate, Histogram latencies) {}

  /**
   * Runs L's job unpaced over {@code events} events at {@code parallelism} and returns its
   * records per second: the maximum throughput the paced runs take fractions of.
   */
  public static double maxThroughput(int parallelism, long events) throws Exception {
    long start = System.nanoTime();
    Result result = run(parallelism, 0, events, 0, null);
    long nanos = System.nanoTime() - start;
    if (result.latencies().getTotalCount() != events) {
      throw new IllegalStateException("L's sink received " + result.latencies().getTotalCount()
          + " events, the source created " + events);
    }
    return events * 1e9 / nanos;
  }

  /**
   * Runs L's job at {@code rate} events/s in total (split evenly over the source subtasks) for
   * {@code warmUp + measured}, with {@code bufferTimeout} (null: the default), and returns the
   * latencies of the events created after the warm-up.
   */
  public static Result paced(int parallelism, double rate, Duration warmUp, Duration measured,
      Duration bufferTimeout) throws Exception {
    long totalNanos = warmUp.plus(measured).toNanos();
    return run(parallelism, rate, totalNanos, warmUp.toNanos(), bufferTimeout);
  }

  /** {@code rate} 0: {@code limit} events unpaced; otherwise {@code limit} nanoseconds at the rate. */
  private static Result run(int parallelism, double rate, long limit, long warmUpNanos, Duration bufferTimeout)
      throws Exception {
    String id = "latency-" + RUNS.incrementAndGet();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    if (bufferTimeout != null) {
      env.setBufferTimeout(bufferTimeout);
    }
    env.addSource(new PacedSource(id, rate, limit, warmUpNanos), "paced events")
        .keyBy(Timed::adId)
        .process(new CountPerAd())
        .addSink(new LatencySink(id));
    long start = System.nanoTime();
    env.execute("L latency");
    long nanos = System.nanoTime() - start;
    Histogram latencies = HISTOGRAMS.remove(id);
    AtomicLong created = CREATED.remove(id);
    double achieved = created == null ? 0 : created.get() * 1e9 / nanos;
    return new Result(rate, achieved, latencies == null ? new Histogram(HIGHEST_NANOS, 3) : latencies);
  }

  /** The paced source; each subtask takes an even share of the rate or of the events. */
  static final class PacedSource extends RichParallelSourceFunction<Timed> {
    private static final long serialVersionUID = 1L;
    /** Ahead of the deadline by more than this, park (its wake-up takes tens of microseconds). */
    private static final long PARK_ABOVE_NANOS = 200_000;

    private final String id;
    private final double rate;
    private final long limit;
    private final long warmUpNanos;
    private volatile boolean running = true;

    PacedSource(String id, double rate, long limit, long warmUpNanos) {
      this.id = id;
      this.rate = rate;
      this.limit = limit;
      this.warmUpNanos = warmUpNanos;
    }

    @Override
    public void run(SourceContext<Timed> ctx) {
      int subtasks = getRuntimeContext().getNumberOfParallelSubtasks();
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      long created = rate == 0 ? unpaced(ctx, subtask, subtasks) : paced(ctx, subtask, subtasks);
      CREATED.computeIfAbsent(id, k -> new AtomicLong()).addAndGet(created);
    }

    private long unpaced(SourceContext<Timed> ctx, int subtask, int subtasks) {
      long from = limit * subtask / subtasks;
      long to = limit * (subtask + 1) / subtasks;
      for (long i = from; i < to && running; i++) {
        ctx.collect(new Timed(ClickGenerator.adId(i), System.nanoTime(), true));
      }
      return to - from;
    }

    private long paced(SourceContext<Timed> ctx, int subtask, int subtasks) {
      double periodNanos = 1e9 * subtasks / rate;
      long start = System.nanoTime();
      long k = 0;
      for (; running; k++) {
        long due = (long) (k * periodNanos);
        if (due >= limit) {
          break;
        }
        long deadline = start + due;
        long now;
        while ((now = System.nanoTime()) < deadline) {
          long ahead = deadline - now;
          if (ahead > PARK_ABOVE_NANOS) {
            LockSupport.parkNanos(ahead - PARK_ABOVE_NANOS / 2);
          } else {
            Thread.yield(); // lets the job's other tasks have the core (2 cores, 4+ threads)
          }
        }
        long i = k * subtasks + subtask;
        ctx.collect(new Timed(ClickGenerator.adId(i), now, now - start >= warmUpNanos));
      }
      return k;
    }

    @Override
    public void cancel() {
      running = false;
    }
  }

  /** Counts the events of each ad in keyed state and passes every event on. */
  static final class CountPerAd extends KeyedProcessFunction<Long, Timed, Timed> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext openContext) {
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Timed event, Context ctx, Collector<Timed> out) throws Exception {
      Long previous = count.value();
      count.update(previous == null ? 1L : previous + 1);
      out.collect(event);
    }
  }

  /** Records each measured event's latency; merges its histogram into the run's in {@code close()}. */
  static final class LatencySink extends RichSinkFunction<Timed> {
    private static final long serialVersionUID = 1L;
    private final String id;
    private transient Histogram latencies;

    LatencySink(String id) {
      this.id = id;
    }

    @Override
    public void open(OpenContext openContext) {
      latencies = new Histogram(HIGHEST_NANOS, 3);
    }

    @Override
    public void invoke(Timed event) {
      if (event.measured()) {
        latencies.recordValue(Math.min(System.nanoTime() - event.createdNanos(), HIGHEST_NANOS));
      }
    }

    @Override
    public void close() {
      HISTOGRAMS.merge(id, latencies, (a, b) -> {
        a.add(b);
        return a;
      });
    }
  }
}
