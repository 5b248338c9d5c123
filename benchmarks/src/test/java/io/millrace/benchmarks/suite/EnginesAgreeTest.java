package io.millrace.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every engine of the default build (Millrace, the loop) and of the peers profile when it is
 * built gives the loop's check figure for every workload it runs, on 20,000 events. W3 and W7
 * (W2 on RocksDB, W2 with checkpoints) and S have no loop of their own: W3 and W7 must give W2's
 * loop figure, S its ten elements.
 */
class EnginesAgreeTest {
  private static final long EVENTS = 20_000;
  private static final int PARALLELISM = 2;

  @Test
  void everyEngineGivesTheLoopsCheckFigureForEveryWorkloadItRuns() throws Exception {
    LoopEngine loop = new LoopEngine();
    List<WorkloadEngine> engines = enginesOfThisBuild();
    try {
      for (Workload workload : Workload.values()) {
        String expected = expectedCheck(loop, workload);
        for (WorkloadEngine engine : engines) {
          if (engine.supports(workload)) {
            String actual = engine.run(workload, EVENTS, PARALLELISM).check();
            assertThat(Checks.agree(expected, actual))
                .as("%s on %s: check %s, the loop's %s", workload, engine.name(), actual, expected)
                .isTrue();
          }
        }
      }
    } finally {
      for (WorkloadEngine engine : engines) {
        engine.shutDown();
      }
    }
  }

  @Test
  void checkFiguresAgreeExactlyOrAsDecimalsWithinTheTolerance() {
    assertThat(Checks.agree("20000000", "20000000")).isTrue();
    assertThat(Checks.agree("20000000", "19999999")).isFalse();
    assertThat(Checks.agree("600563879.34", "600563879.35")).isTrue();
    assertThat(Checks.agree("600563879.34", "600563979.34")).isFalse();
  }

  private static String expectedCheck(LoopEngine loop, Workload workload) {
    switch (workload) {
      case W3:
      case W7:
        return loop.run(Workload.W2, EVENTS, 1).check();
      case S:
        return Integer.toString(StartupJob.ELEMENTS);
      default:
        return loop.run(workload, EVENTS, 1).check();
    }
  }

  private static List<WorkloadEngine> enginesOfThisBuild() throws ReflectiveOperationException {
    List<WorkloadEngine> engines = new ArrayList<>(List.of(new MillraceEngine(), new LoopEngine()));
    for (String className : Suite.PEERS) {
      try {
        engines.add((WorkloadEngine) Class.forName(className).getConstructor().newInstance());
      } catch (ClassNotFoundException e) {
        // not in this build: the peers profile is off
      }
    }
    return engines;
  }
}
