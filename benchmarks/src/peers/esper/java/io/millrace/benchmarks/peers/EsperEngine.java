package io.millrace.benchmarks.peers;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventSender;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.common.client.configuration.common.ConfigurationCommonEventTypeBean;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import io.millrace.benchmarks.suite.Workload;
import io.millrace.benchmarks.suite.WorkloadEngine;
import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Esper 9 as the suite's peer for W6 (and only W6): the clicks, generated and sorted by
 * timestamp before the run, are sent one by one to an embedded Esper runtime on one thread,
 * whose clock is external and advanced to each click's timestamp; a {@code match_recognize}
 * statement partitioned by user finds the pairs and a listener counts them.
 *
 * <p>The statement reproduces W6's semantics (W6CepBenchmark): per user, events in timestamp
 * order, equal timestamps in index (arrival) order — the order of the stable sort; a match is a
 * pair of consecutive events of one user ({@code match_recognize} rows of a partition are
 * strictly contiguous: {@code PATTERN (A B)} with no quantifier between them), the first with
 * amount under 10, the second over 1000, the second's timestamp less than 5 min after the
 * first's (W6's exclusive {@code within}, measured from the first event). The 5 min is a
 * condition on the events' timestamps in {@code DEFINE} rather than Esper's {@code interval}
 * clause, which is not a "within" (it waits for more rows before emitting, it does not prune);
 * as the clock follows the timestamps, the two agree. After a match, matching resumes after its
 * last event (Esper's default {@code AFTER MATCH SKIP PAST LAST ROW}); as the last event is over
 * 1000 it could not start a match anyway, so this equals W6's skip strategy.
 *
 * <p>Input outside the timed region: the suite times the whole {@link #run} call, so the sorted
 * clicks are kept in a static cache keyed by N, filled by the first run for that N — the
 * warm-up run pays the generation and the sort, the measured runs only Esper's processing (and
 * the deployment of the compiled statement, a few milliseconds). The EPL is compiled once, in
 * the constructor. Parallelism: Esper's runtime processes the events of one sender on the
 * calling thread, so the run ignores the requested parallelism and is single-threaded.
 */
public final class EsperEngine implements WorkloadEngine {
  /** W6's {@code within}, milliseconds. */
  private static final long WITHIN_MILLIS = Duration.ofMinutes(5).toMillis();

  private static final String EPL = """
      @name('w6') select * from Click
      match_recognize (
        partition by userId
        measures A.ts as smallTs, B.ts as largeTs
        pattern (A B)
        define
          A as A.amount < 10,
          B as B.amount > 1000 and B.ts - A.ts < %d
      )
      """.formatted(WITHIN_MILLIS);

  /** The clicks of the last N asked for, sorted by timestamp (stable: ties in index order). */
  private static long cachedEvents = -1;
  private static Click[] cachedClicks;

  private final Configuration configuration;
  private final EPCompiled compiled;
  private final EPRuntime runtime;

  /** Compiles the statement and starts a runtime with an external clock (not timed). */
  public EsperEngine() throws Exception {
    configuration = new Configuration();
    // Click is a record: its properties are its accessor methods, not JavaBean getters.
    ConfigurationCommonEventTypeBean clickType = new ConfigurationCommonEventTypeBean();
    clickType.addMethodProperty("userId", "userId");
    clickType.addMethodProperty("ts", "ts");
    clickType.addMethodProperty("amount", "amount");
    configuration.getCommon().addEventType("Click", Click.class.getName(), clickType);
    configuration.getRuntime().getThreading().setInternalTimerEnabled(false);
    compiled = EPCompilerProvider.getCompiler().compile(EPL, new CompilerArguments(configuration));
    runtime = EPRuntimeProvider.getRuntime("millrace-suite-esper-" + System.identityHashCode(this),
        configuration);
  }

  @Override
  public String name() {
    return "esper";
  }

  @Override
  public boolean supports(Workload workload) {
    return workload == Workload.W6;
  }

  @Override
  public Outcome run(Workload workload, long events, int parallelism) throws Exception {
    if (workload != Workload.W6) {
      throw new IllegalArgumentException("the Esper peer runs only W6, got " + workload);
    }
    Click[] clicks = sortedClicks(events);
    Matches matches = process(clicks);
    return new Outcome(Long.toString(matches.count), "sum of gaps " + matches.sumOfGaps + " ms");
  }

  @Override
  public String semanticsNote(Workload workload) {
    return workload == Workload.W6
        ? "esper: one thread whatever the parallelism (Esper's runtime processes events on the"
            + " sending thread); external clock advanced to each click's ts; input generated and"
            + " sorted by ts outside the timed region (the warm-up run pays it)"
        : "";
  }

  @Override
  public void shutDown() {
    runtime.destroy();
  }

  /** W6 over {@code clicks} (sorted by ts) on a fresh deployment of the statement. */
  Matches process(Click[] clicks) throws Exception {
    runtime.initialize(); // drops the previous run's deployment and state
    EPEventService events = runtime.getEventService();
    events.clockExternal();
    long time = clicks.length == 0 ? 0 : clicks[0].ts();
    events.advanceTime(time);
    EPDeployment deployment = runtime.getDeploymentService().deploy(compiled);
    EPStatement statement = deployment.getStatements()[0];
    Matches matches = new Matches();
    statement.addListener((newEvents, oldEvents, stmt, rt) -> {
      for (var match : newEvents) {
        matches.count++;
        matches.sumOfGaps += (Long) match.get("largeTs") - (Long) match.get("smallTs");
      }
    });
    EventSender sender = events.getEventSender("Click");
    for (Click c : clicks) {
      if (c.ts() > time) {
        time = c.ts();
        events.advanceTime(time);
      }
      sender.sendEvent(c);
    }
    return matches;
  }

  /** The matches a run found and the sum of their gaps (ms). */
  static final class Matches {
    long count;
    long sumOfGaps;
  }

  /**
   * Clicks {@code 0 .. events-1} sorted by timestamp, equal timestamps in index order (a stable
   * sort): cached for the last {@code events} asked for, so only the first run for an N pays.
   */
  static synchronized Click[] sortedClicks(long events) {
    if (events != cachedEvents) {
      if (events > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("the Esper peer holds its input in an array: at most "
            + (Integer.MAX_VALUE - 8) + " events, got " + events);
      }
      cachedClicks = null; // let the previous N's array go before allocating the next
      Click[] clicks = new Click[(int) events];
      for (int i = 0; i < clicks.length; i++) {
        clicks[i] = ClickGenerator.click(i);
      }
      Arrays.sort(clicks, Comparator.comparingLong(Click::ts)); // stable for objects
      cachedClicks = clicks;
      cachedEvents = events;
    }
    return cachedClicks;
  }
}
