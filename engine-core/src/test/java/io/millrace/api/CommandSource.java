package io.millrace.api;

import io.millrace.api.source.SourceFunction;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A non-parallel source the test drives: it emits what the test hands it, hands each element
 * downstream at once, and holds the job open until {@link #end()} (or cancellation). Lets a
 * test interleave elements with moves of a manual clock. Not copied by the engine (it is not a
 * rich function), so the test's instance is the one that runs.
 *
 * @param <T> element type
 */
final class CommandSource<T> implements SourceFunction<T> {
  private static final long serialVersionUID = 1L;
  private static final Object END = new Object();

  private final transient BlockingQueue<Object> commands = new LinkedBlockingQueue<>();

  /** Emits {@code element} downstream. */
  void emit(T element) {
    commands.add(element);
  }

  /** Ends the source, so the job finishes once everything emitted was processed. */
  void end() {
    commands.add(END);
  }

  @Override
  @SuppressWarnings("unchecked") // only emit(T) adds anything but END
  public void run(SourceContext<T> ctx) throws InterruptedException {
    while (true) {
      Object next = commands.take();
      if (next == END) {
        return;
      }
      ctx.collect((T) next);
      ctx.markAsTemporarilyIdle(); // hands the element over now, not at the next batch
    }
  }

  @Override
  public void cancel() {
    end();
  }
}
