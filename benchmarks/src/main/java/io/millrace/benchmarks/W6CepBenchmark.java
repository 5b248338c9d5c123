package io.millrace.benchmarks;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
import io.millrace.cep.CEP;
import io.millrace.cep.pattern.Pattern;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload W6 (WORKLOADS.md): clicks in event time (bounded out-of-orderness 2 s) →
 * {@code keyBy(userId)} → CEP, pattern {@code amount < 10} {@code next} {@code amount > 1000}
 * {@code within} 5 min (event time, the default skip strategy) → a sink counting the matches
 * and summing their gaps (the second event's timestamp - the first's). One operation is one
 * whole job over {@code n} events; {@code :records} is records/second.
 *
 * <p>The semantics matched (Flink's, as engine-cep implements them): each user's events are
 * matched in timestamp order, equal timestamps in arrival order, as the watermark passes them;
 * {@code next} is strict contiguity within the user's sequence, so a match is a pair of
 * consecutive events of one user, the first under 10, the second over 1000; {@code within}
 * is exclusive and measured from the first event: the gap must be under 5 min (a partial match
 * is pruned when time reaches its start + 5 min, before the event at that time is matched).
 *
 * <p>The baseline {@link #handLoop} computes the same matches on one thread: clicks are
 * generated in index order (the arrival order of one source subtask), held in a ring of
 * per-millisecond buckets (arrival order within a bucket) and released in timestamp order
 * when the watermark ({@code max ts - 2000 - 1}, advanced after every click) reaches them, as
 * the CEP operator releases its buffered events; each user keeps only the timestamp of its
 * last released event if that event was under 10. The generator's disorder does change the
 * order of some users' events (two clicks of one user within 2 s of each other), so the loop
 * does not skip the reordering. Nothing is allocated per click.
 *
 * <p>Check figures, per run: the number of matches and the sum of their gaps = the loop's.
 * W6 proper: {@code -p n=10000000}, which needs a larger heap than the fork's 2 GiB at
 * parallelism 2 (probably because the second source subtask runs ahead in event time and the
 * CEP operator buffers its clicks until the first subtask's watermark passes them), hence the
 * default of 2,000,000.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class W6CepBenchmark {
  private static final AtomicLong RUNS = new AtomicLong();

  /** The pattern's {@code within}, milliseconds. */
  static final long WITHIN_MILLIS = Duration.ofMinutes(5).toMillis();
  /** The first event's condition: {@code amount < SMALL}. */
  static final double SMALL = 10;
  /** The second event's condition: {@code amount > LARGE}. */
  static final double LARGE = 1000;

  /** Events per job. */
  @Param("2000000")
  public long n;

  private Figures expected;

  /** The engine's parallelism: a state of its own so that the hand loop runs only once. */
  @State(Scope.Benchmark)
  public static class Engine {
    /** Parallelism of every operator of the job. */
    @Param({"1", "2"})
    public int parallelism;
  }

  /** What a run must produce: the number of matches and the sum of their gaps (ms). */
  public record Figures(long matches, long sumOfGaps) {}

  /** Computes the check figures. */
  @Setup(Level.Trial)
  public void computeCheckFigures() {
    expected = loop(n);
    System.out.println("W6 check figures: n=" + n + " " + expected);
  }

  /** The pattern of W6: a small amount, then at once (per user) a large one, within 5 min. */
  static Pattern<Click, Click> pattern() {
    return Pattern.<Click>begin("small").where(c -> c.amount() < SMALL)
        .next("large").where(c -> c.amount() > LARGE)
        .within(Duration.ofMillis(WITHIN_MILLIS));
  }

  /** W6 on Millrace at the engine's parallelism. */
  @Benchmark
  public long millrace(Engine engine, RecordCounter counter) throws Exception {
    Figures actual = runJob(StreamExecutionEnvironment.createLocalEnvironment(engine.parallelism), n);
    check("Millrace p=" + engine.parallelism, actual);
    counter.records += n;
    return actual.matches();
  }

  /** The same matches in a plain single-threaded loop: the practical limit. */
  @Benchmark
  public long handLoop(RecordCounter counter) {
    Figures actual = loop(n);
    check("hand loop", actual);
    counter.records += n;
    return actual.matches();
  }

  /**
   * Runs W6's job over {@code n} clicks on {@code env} (at its parallelism) and returns what its
   * sink received. The workload suite runs it too.
   */
  public static Figures runJob(StreamExecutionEnvironment env, long n) throws Exception {
    String id = "w6-" + RUNS.incrementAndGet();
    CEP.pattern(EventTimeClicks.source(env, n).keyBy(Click::userId), pattern())
        .inEventTime()
        .select(match -> match.get("large").get(0).ts() - match.get("small").get(0).ts())
        .addSink(new WindowCountSink(id)); // counts the matches and sums the gaps
    env.execute("W6 CEP");
    return new Figures(RunCounters.take(id + "/windows"), RunCounters.take(id + "/sum"));
  }

  /** W6's matches over {@code n} clicks, computed by the hand loop. */
  public static Figures loop(long n) {
    Matcher matcher = new Matcher();
    long maxTs = Long.MIN_VALUE;
    long watermark = Long.MIN_VALUE;
    for (long i = 0; i < n; i++) {
      Click c = ClickGenerator.click(i);
      if (c.ts() > maxTs) {
        maxTs = c.ts();
        watermark = EventTimeClicks.watermark(maxTs);
        matcher.releaseUpTo(watermark);
      }
      EventTimeClicks.checkOnTime(c, watermark);
      matcher.add(c);
    }
    matcher.releaseUpTo(Long.MAX_VALUE);
    return new Figures(matcher.matches, matcher.sumOfGaps);
  }

  private void check(String who, Figures actual) {
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          who + " produced " + actual + " for n=" + n + "; the hand loop produces " + expected);
    }
  }

  /**
   * The hand loop's state. Clicks not yet released sit in a pool of slots, linked per
   * timestamp into a ring of millisecond buckets (arrival order within a bucket); each user
   * keeps the timestamp of its last released click if that click was small. The pending
   * timestamps lie in (watermark, max ts], about 2 s, and a click stays pending for under
   * 4,000 indexes, so {@link #RING} buckets and slots are plenty: overrunning either throws.
   */
  static final class Matcher {
    private static final int RING = 1 << 13;
    private static final int MASK = RING - 1;
    private static final long NONE = Long.MIN_VALUE;
    private static final int FREE = -1;
    private static final byte OTHER = 0;
    private static final byte SMALL_AMOUNT = 1;
    private static final byte LARGE_AMOUNT = 2;

    /** First and last pending slot of each bucket ({@code ts & MASK}), or {@link #FREE}. */
    private final int[] head = new int[RING];
    private final int[] tail = new int[RING];
    /** Per slot: the next slot of its bucket, its user ({@link #FREE} if unused), ts, kind. */
    private final int[] next = new int[RING];
    private final int[] user = new int[RING];
    private final long[] ts = new long[RING];
    private final byte[] kind = new byte[RING];
    private int nextSlot;
    /** The lowest and highest pending timestamp; {@code from > to} when nothing is pending. */
    private long pendingFrom = Long.MAX_VALUE;
    private long pendingTo = Long.MIN_VALUE;

    /** Per user: the timestamp of its last released click if that was small, else {@link #NONE}. */
    private final long[] smallAt = new long[(int) ClickGenerator.USERS];

    long matches;
    long sumOfGaps;

    Matcher() {
      Arrays.fill(head, FREE);
      Arrays.fill(tail, FREE);
      Arrays.fill(user, FREE);
      Arrays.fill(smallAt, NONE);
    }

    /** Holds an on-time click until the watermark reaches its timestamp. */
    void add(Click c) {
      int slot = nextSlot;
      nextSlot = (nextSlot + 1) & MASK;
      if (user[slot] != FREE) {
        throw new IllegalStateException("hand loop: more than " + RING + " clicks pending");
      }
      long t = c.ts();
      pendingFrom = Math.min(pendingFrom, t);
      pendingTo = Math.max(pendingTo, t);
      if (pendingTo - pendingFrom >= RING) {
        throw new IllegalStateException("hand loop: pending timestamps span more than " + RING + " ms");
      }
      user[slot] = (int) c.userId();
      ts[slot] = t;
      kind[slot] = c.amount() < SMALL ? SMALL_AMOUNT : c.amount() > LARGE ? LARGE_AMOUNT : OTHER;
      next[slot] = FREE;
      int bucket = (int) (t & MASK);
      if (head[bucket] == FREE) {
        head[bucket] = slot;
      } else {
        next[tail[bucket]] = slot;
      }
      tail[bucket] = slot;
    }

    /** Matches every pending click with a timestamp at most {@code watermark}, in timestamp order. */
    void releaseUpTo(long watermark) {
      while (pendingFrom <= pendingTo && pendingFrom <= watermark) {
        int bucket = (int) (pendingFrom & MASK);
        for (int slot = head[bucket]; slot != FREE; slot = next[slot]) {
          match(user[slot], ts[slot], kind[slot]);
          user[slot] = FREE;
        }
        head[bucket] = FREE;
        tail[bucket] = FREE;
        pendingFrom++;
      }
      if (pendingFrom > pendingTo) {
        pendingFrom = Long.MAX_VALUE;
        pendingTo = Long.MIN_VALUE;
      }
    }

    /** The next click of user {@code u} in its event-time sequence. */
    private void match(int u, long t, byte k) {
      long small = smallAt[u];
      if (k == LARGE_AMOUNT && small != NONE && t - small < WITHIN_MILLIS) {
        matches++;
        sumOfGaps += t - small;
      }
      smallAt[u] = k == SMALL_AMOUNT ? t : NONE;
    }
  }
}
