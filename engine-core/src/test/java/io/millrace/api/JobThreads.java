package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The engine's threads (every name starts with "millrace"), for tests that check a job leaves
 * none behind: snapshot before the job, then assert that no thread born since is still alive.
 */
final class JobThreads {
  private final Set<Thread> before;

  private JobThreads(Set<Thread> before) {
    this.before = before;
  }

  /** The engine threads alive now; later checks ignore them. */
  static JobThreads snapshot() {
    return new JobThreads(liveEngineThreads());
  }

  /** Asserts that every engine thread started since the snapshot has ended — without waiting. */
  void assertNoneLeftBehind() {
    Set<Thread> leftBehind = liveEngineThreads();
    leftBehind.removeAll(before);
    Set<String> names = leftBehind.stream().map(Thread::getName).collect(Collectors.toCollection(TreeSet::new));
    assertThat(names).as("engine threads still alive after the job ended").isEmpty();
  }

  static Set<Thread> liveEngineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("millrace") && thread.isAlive())
        .collect(Collectors.toSet());
  }
}
