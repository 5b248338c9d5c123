package io.millrace.windows.join;

import io.millrace.api.OutputTag;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.TwoInputStreamOperator;
import io.millrace.runtime.time.ManualProcessingClock;
import io.millrace.state.StateBackend;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.StateBackends;
import io.millrace.state.internal.heap.HeapOperatorStateBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one keyed two-input operator subtask by hand: records of either input and watermarks
 * in exactly the order a test gives, with a keyed backend built from the given configuration
 * (heap or RocksDB) as the runtime builds it, which the test can inspect. {@link #close}
 * releases the operator and the backend.
 *
 * @param <IN1> first input type
 * @param <IN2> second input type
 * @param <OUT> output type
 */
final class TwoInputHarness<IN1, IN2, OUT> implements AutoCloseable {

  /** An emitted record: its value and timestamp, and the side output's id (null for the main output). */
  record Emitted(Object value, long ts, String tag) {}

  private final TwoInputStreamOperator<IN1, IN2, OUT> operator;
  private final KeyedStateBackend<Object> backend;
  private final ManualProcessingClock clock = new ManualProcessingClock(0);
  private final List<Emitted> emitted = new ArrayList<>();
  private final List<Long> watermarks = new ArrayList<>();

  /** Sets up and opens {@code operator} on a keyed backend built from {@code stateBackend}. */
  TwoInputHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator, StateBackend stateBackend) throws Exception {
    this.operator = operator;
    this.backend = StateBackends.createKeyedStateBackend(
        stateBackend, new KeyGroupRange(0, 127), 128, "intervalJoin@0 (test)", clock::currentTimeMillis);
    try {
      setUpAndOpen();
    } catch (Exception | Error e) {
      backend.close();
      throw e;
    }
  }

  private void setUpAndOpen() throws Exception {
    OperatorContext context = new OperatorContext("intervalJoin@0 (test)", 0, 1, 128, backend,
        new HeapOperatorStateBackend(), clock, Runnable::run);
    operator.setup(context, new Output<OUT>() {
      @Override
      public void collect(OUT record, long timestamp) {
        emitted.add(new Emitted(record, timestamp, null));
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
        emitted.add(new Emitted(record, timestamp, tag.getId()));
      }

      @Override
      public void emitWatermark(long watermark) {
        watermarks.add(watermark);
      }
    });
    operator.open();
  }

  TwoInputHarness<IN1, IN2, OUT> left(IN1 record, long ts) throws Exception {
    operator.processElement1(record, ts);
    return this;
  }

  TwoInputHarness<IN1, IN2, OUT> right(IN2 record, long ts) throws Exception {
    operator.processElement2(record, ts);
    return this;
  }

  TwoInputHarness<IN1, IN2, OUT> watermark(long wm) throws Exception {
    operator.processWatermark(wm);
    return this;
  }

  /** Main-output records emitted so far, with their timestamps. */
  List<Emitted> output() {
    return emitted.stream().filter(e -> e.tag() == null).toList();
  }

  /** Records emitted to the side output {@code tagId}. */
  List<Emitted> sideOutput(String tagId) {
    return emitted.stream().filter(e -> tagId.equals(e.tag())).toList();
  }

  /** Forgets what was emitted so far. */
  void clearOutput() {
    emitted.clear();
  }

  List<Long> watermarks() {
    return watermarks;
  }

  /** The number of (key, namespace) entries over all keyed states. */
  int stateEntries() {
    return backend.numStateEntries();
  }

  @Override
  public void close() {
    try {
      operator.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the operator failed", e);
    } finally {
      backend.close();
    }
  }
}
