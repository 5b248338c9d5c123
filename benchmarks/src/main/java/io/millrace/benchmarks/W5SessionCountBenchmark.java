package io.millrace.benchmarks;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.windowing.assigners.EventTimeSessionWindows;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
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
 * Workload W5 (WORKLOADS.md): clicks in event time (bounded out-of-orderness 2 s) →
 * {@code keyBy(userId)} → event-time session windows with a 30 s gap → count (a mergeable
 * {@code AggregateFunction}) → a sink counting the sessions and summing the counts. One
 * operation is one whole job over {@code n} events; {@code :records} is records/second.
 *
 * <p>The baseline {@link #handLoop} computes the same sessions on one thread: each click opens
 * the session {@code [ts, ts + 30 s)}, merged with every open session of its user that it
 * overlaps or touches (as {@code TimeWindow.intersects} does); a session is emitted when the
 * watermark ({@code max ts - 2000 - 1}, advanced after every click) reaches its end - 1, found
 * through a binary heap of end timers; everything is emitted at the end. Open sessions live in
 * pooled arrays, linked per user: nothing is allocated per click.
 *
 * <p>Check figures, per run: the sum of the counts = {@code n}; the number of sessions = the
 * loop's. W5 proper: {@code -p n=10000000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class W5SessionCountBenchmark {
  private static final AtomicLong RUNS = new AtomicLong();

  /** Session gap, milliseconds. */
  static final long GAP_MILLIS = 30_000;

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

  /** What a run must produce: the number of sessions and the sum of their counts. */
  public record Figures(long sessions, long sumOfCounts) {}

  /** Computes the check figures. */
  @Setup(Level.Trial)
  public void computeCheckFigures() {
    expected = loop(n);
    System.out.println("W5 check figures: n=" + n + " " + expected);
  }

  /** W5 on Millrace at the engine's parallelism. */
  @Benchmark
  public long millrace(Engine engine, RecordCounter counter) throws Exception {
    Figures actual = runJob(StreamExecutionEnvironment.createLocalEnvironment(engine.parallelism), n);
    check("Millrace p=" + engine.parallelism, actual);
    counter.records += n;
    return actual.sessions();
  }

  /** The same sessions in a plain single-threaded loop: the practical limit. */
  @Benchmark
  public long handLoop(RecordCounter counter) {
    Figures actual = loop(n);
    check("hand loop", actual);
    counter.records += n;
    return actual.sessions();
  }

  /**
   * Runs W5's job over {@code n} clicks on {@code env} (at its parallelism) and returns what its
   * sink received. The workload suite runs it too.
   */
  public static Figures runJob(StreamExecutionEnvironment env, long n) throws Exception {
    String id = "w5-" + RUNS.incrementAndGet();
    EventTimeClicks.source(env, n)
        .keyBy(Click::userId)
        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP_MILLIS)))
        .aggregate(new CountPerWindow())
        .addSink(new WindowCountSink(id));
    env.execute("W5 session count");
    return new Figures(RunCounters.take(id + "/windows"), RunCounters.take(id + "/sum"));
  }

  /** W5's sessions over {@code n} clicks, computed by the hand loop. */
  public static Figures loop(long n) {
    Sessions sessions = EventTimeClicks.runLoop(n, new Sessions());
    if (sessions.sumOfCounts != n) {
      throw new IllegalStateException("hand loop: " + sessions.sessions + " sessions count "
          + sessions.sumOfCounts + " clicks for n=" + n);
    }
    return new Figures(sessions.sessions, sessions.sumOfCounts);
  }

  private void check(String who, Figures actual) {
    if (!actual.equals(expected)) {
      throw new IllegalStateException(
          who + " produced " + actual + " for n=" + n + "; the hand loop produces " + expected);
    }
  }

  /**
   * The hand loop's open sessions: a pool of (start, end, count) slots, each user's open
   * sessions a linked list through {@code next} from {@code head[user]} (almost always one),
   * freed slots on a free list; and a binary min-heap of (end - 1, user) timers. A session
   * whose end moves gets a new timer; the old one, when it comes due, finds nothing to fire.
   */
  static final class Sessions implements EventTimeClicks.LoopWindows {
    private static final int NIL = -1;

    private final int[] head = new int[(int) ClickGenerator.USERS];
    private long[] start = new long[1 << 16];
    private long[] end = new long[1 << 16];
    private long[] count = new long[1 << 16];
    private int[] next = new int[1 << 16];
    private int freeList = NIL;
    private int used;

    private long[] timerTime = new long[1 << 16];
    private int[] timerUser = new int[1 << 16];
    private int timers;

    long sessions;
    long sumOfCounts;

    Sessions() {
      Arrays.fill(head, NIL);
    }

    /** Adds a click of {@code user} at {@code ts}, merging the sessions it overlaps or touches. */
    @Override
    public void add(Click c) {
      add((int) c.userId(), c.ts());
    }

    void add(int user, long ts) {
      long newStart = ts;
      long newEnd = ts + GAP_MILLIS;
      long newCount = 1;
      int prev = NIL;
      for (int s = head[user]; s != NIL; ) {
        int following = next[s];
        if (start[s] <= newEnd && end[s] >= newStart) {
          newStart = Math.min(newStart, start[s]);
          newEnd = Math.max(newEnd, end[s]);
          newCount += count[s];
          unlink(user, prev, s);
        } else {
          prev = s;
        }
        s = following;
      }
      int slot = allocate();
      start[slot] = newStart;
      end[slot] = newEnd;
      count[slot] = newCount;
      next[slot] = head[user];
      head[user] = slot;
      pushTimer(newEnd - 1, user);
    }

    /** Emits every session whose end - 1 is at most {@code watermark}. */
    @Override
    public void fireUpTo(long watermark) {
      while (timers > 0 && timerTime[0] <= watermark) {
        int user = timerUser[0];
        popTimer();
        int prev = NIL;
        for (int s = head[user]; s != NIL; ) {
          int following = next[s];
          if (end[s] - 1 <= watermark) {
            sessions++;
            sumOfCounts += count[s];
            unlink(user, prev, s);
          } else {
            prev = s;
          }
          s = following;
        }
      }
    }

    private void unlink(int user, int prev, int s) {
      if (prev == NIL) {
        head[user] = next[s];
      } else {
        next[prev] = next[s];
      }
      next[s] = freeList;
      freeList = s;
    }

    private int allocate() {
      if (freeList != NIL) {
        int slot = freeList;
        freeList = next[slot];
        return slot;
      }
      if (used == start.length) {
        int capacity = used * 2;
        start = Arrays.copyOf(start, capacity);
        end = Arrays.copyOf(end, capacity);
        count = Arrays.copyOf(count, capacity);
        next = Arrays.copyOf(next, capacity);
      }
      return used++;
    }

    private void pushTimer(long time, int user) {
      if (timers == timerTime.length) {
        timerTime = Arrays.copyOf(timerTime, timers * 2);
        timerUser = Arrays.copyOf(timerUser, timers * 2);
      }
      int i = timers++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (timerTime[parent] <= time) {
          break;
        }
        timerTime[i] = timerTime[parent];
        timerUser[i] = timerUser[parent];
        i = parent;
      }
      timerTime[i] = time;
      timerUser[i] = user;
    }

    private void popTimer() {
      int last = --timers;
      long time = timerTime[last];
      int user = timerUser[last];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= last) {
          break;
        }
        if (child + 1 < last && timerTime[child + 1] < timerTime[child]) {
          child++;
        }
        if (timerTime[child] >= time) {
          break;
        }
        timerTime[i] = timerTime[child];
        timerUser[i] = timerUser[child];
        i = child;
      }
      timerTime[i] = time;
      timerUser[i] = user;
    }
  }
}
