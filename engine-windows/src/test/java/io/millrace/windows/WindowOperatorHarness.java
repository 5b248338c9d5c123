package io.millrace.windows;

import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.runtime.api.StreamInternals;
import io.millrace.runtime.graph.OneInputTransformation;
import io.millrace.runtime.operators.OneInputStreamOperator;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.time.ManualProcessingClock;
import io.millrace.state.StateBackend;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.StateBackends;
import io.millrace.state.internal.heap.HeapOperatorStateBackend;
import io.millrace.windows.internal.operator.SlicingWindowOperator;
import io.millrace.windows.internal.operator.WindowOperator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Runs the window operator a windowed stream recorded, alone, on the test's thread: feeds it
 * elements, watermarks and processing time (a {@link ManualProcessingClock}), runs its mailbox
 * after each step as the task would, and records what it emits with the record timestamps.
 * Its keyed state lives in a backend built from the given configuration (heap or RocksDB) as the
 * runtime builds it, with state TTL on the manual clock; {@link #close} releases the operator
 * and the backend (RocksDB holds native memory and a directory), so tests use it in a
 * try-with-resources block.
 *
 * @param <IN> element type
 * @param <OUT> output type
 */
final class WindowOperatorHarness<IN, OUT> implements AutoCloseable {
  /** An emitted record and its timestamp; {@code tag} is null on the main output. */
  record Emitted(String tag, Object value, long timestamp) {
    @Override
    public String toString() {
      return (tag == null ? "" : tag + ":") + value + "@" + timestamp;
    }
  }

  private final ManualProcessingClock clock = new ManualProcessingClock(0);
  private final Queue<Runnable> mailbox = new ArrayDeque<>();
  private final List<Emitted> emitted = new ArrayList<>();
  private final List<Long> watermarks = new ArrayList<>();
  private final OneInputStreamOperator<IN, OUT> operator;
  private final KeyedStateBackend<Object> backend;

  /** The operator {@code windowed} recorded, opened on a keyed backend built from {@code stateBackend}. */
  @SuppressWarnings("unchecked")
  WindowOperatorHarness(SingleOutputStreamOperator<OUT> windowed, StateBackend stateBackend) throws Exception {
    OneInputTransformation<IN, OUT> transformation = (OneInputTransformation<IN, OUT>) StreamInternals.transformation(windowed);
    operator = (OneInputStreamOperator<IN, OUT>) transformation.factory().create(0, "window@test");
    backend = StateBackends.createKeyedStateBackend(
        stateBackend, new KeyGroupRange(0, 127), 128, "window@test", clock::currentTimeMillis);
    try {
      setUpAndOpen();
    } catch (Exception | Error e) {
      backend.close();
      throw e;
    }
  }

  private void setUpAndOpen() throws Exception {
    OperatorContext context = new OperatorContext(
        "window@test", 0, 1, 128, backend, new HeapOperatorStateBackend(), clock, mailbox::add);
    operator.setup(context, new Output<>() {
      @Override
      public void collect(OUT record, long timestamp) {
        emitted.add(new Emitted(null, record, timestamp));
      }

      @Override
      public <X> void collect(OutputTag<X> tag, X record, long timestamp) {
        emitted.add(new Emitted(tag.getId(), record, timestamp));
      }

      @Override
      public void emitWatermark(long watermark) {
        watermarks.add(watermark);
      }
    });
    operator.open();
  }

  WindowOperatorHarness<IN, OUT> element(IN value, long timestamp) throws Exception {
    operator.processElement(value, timestamp);
    runMailbox();
    return this;
  }

  WindowOperatorHarness<IN, OUT> watermark(long watermark) throws Exception {
    operator.processWatermark(watermark);
    runMailbox();
    return this;
  }

  WindowOperatorHarness<IN, OUT> processingTime(long time) {
    clock.advanceTo(time);
    runMailbox();
    return this;
  }

  /** What was emitted since the last call, main and side outputs, in order. */
  List<String> take() {
    List<String> out = new ArrayList<>();
    emitted.forEach(e -> out.add(e.toString()));
    emitted.clear();
    return out;
  }

  /** The (key, namespace) entries of every state: window contents, trigger, merge set, window state. */
  int numStateEntries() {
    return backend.numStateEntries();
  }

  long numLateRecordsDropped() {
    return operator instanceof SlicingWindowOperator<?, ?, ?, ?, ?> slicing
        ? slicing.numLateRecordsDropped() : ((WindowOperator<?, ?, ?, ?, ?, ?>) operator).numLateRecordsDropped();
  }

  /** Whether the windowed stream chose the slicing operator. */
  boolean isSlicing() {
    return operator instanceof SlicingWindowOperator<?, ?, ?, ?, ?>;
  }

  List<Long> watermarks() {
    return watermarks;
  }

  /** Closes the operator, then the keyed backend (also when closing the operator fails). */
  @Override
  public void close() {
    try {
      operator.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the window operator failed", e);
    } finally {
      backend.close();
    }
  }

  private void runMailbox() {
    Runnable action;
    while ((action = mailbox.poll()) != null) {
      action.run();
    }
  }
}
