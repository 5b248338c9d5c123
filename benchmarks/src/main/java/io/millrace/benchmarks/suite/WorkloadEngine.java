package io.millrace.benchmarks.suite;

/**
 * An engine the workload suite measures: Millrace, the hand-written single-threaded loop, or a
 * peer (Flink, Hazelcast Jet, Esper — in the {@code peers} Maven profile). The suite times each
 * {@link #run} call (its wall time is the job's) and compares the {@link Outcome#check()} figures
 * of all engines for a workload.
 *
 * <p>Peers live in {@code benchmarks/src/peers/<peer>/java}, compiled only with {@code -Ppeers},
 * and are found by class name ({@code io.millrace.benchmarks.peers.<Peer>Engine}, public no-arg
 * constructor).
 */
public interface WorkloadEngine {

  /**
   * What one run produced.
   *
   * @param check the check figure of {@link Workload#check()}, as a plain number: equal across engines
   * @param detail more figures that may legitimately differ between engines (e.g. window counts),
   *     or the empty string
   */
  record Outcome(String check, String detail) {}

  /** The engine's name in the table: "millrace", "loop", "flink", "jet", "esper". */
  String name();

  /** Whether this engine runs {@code workload}. */
  boolean supports(Workload workload);

  /**
   * Runs {@code workload} once over events {@code 0 .. events-1} at {@code parallelism} and
   * returns when the job has ended (results delivered). Setup the engine keeps between runs (an
   * embedded cluster member) is made before, in the constructor, and not timed.
   */
  Outcome run(Workload workload, long events, int parallelism) throws Exception;

  /** A note the report prints under the table when this engine's semantics differ, or empty. */
  default String semanticsNote(Workload workload) {
    return "";
  }

  /** Releases what the engine keeps between runs (called once, after its last run). */
  default void shutDown() throws Exception {}
}
