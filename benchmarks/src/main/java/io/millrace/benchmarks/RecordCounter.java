package io.millrace.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The records processed, reported by JMH as a secondary result {@code :records} in
 * records/second: an {@code OPERATIONS} counter is divided by the iteration's time like the
 * primary score (JMH prints its unit as "ops/s"). With one operation = one whole job over N
 * events, this is the workload's N / wall time.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RecordCounter {
  /** Records processed in the current iteration. */
  public long records;

  /** Starts each iteration from zero. */
  @Setup(Level.Iteration)
  public void reset() {
    records = 0;
  }
}
