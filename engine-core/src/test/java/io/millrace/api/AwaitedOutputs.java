package io.millrace.api;

import static org.assertj.core.api.Assertions.fail;

import io.millrace.api.sink.SinkFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a job's sink received, in arrival order, for tests that wait for the job to reach a point
 * (an element processed, a timer fired) before they act. Waiting is bounded: a missing output
 * fails the test after a generous timeout instead of hanging it.
 *
 * @param <T> element type
 */
final class AwaitedOutputs<T> {
  private static final long TIMEOUT_SECONDS = 10;

  private final BlockingQueue<T> received = new LinkedBlockingQueue<>();

  /** A sink (shared by all its subtasks) that hands every element to this test. */
  SinkFunction<T> sink() {
    BlockingQueue<T> queue = received;
    return queue::add;
  }

  /** Waits for and returns the next {@code count} elements. */
  List<T> next(int count) throws InterruptedException {
    List<T> elements = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      T element = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (element == null) {
        fail("expected " + count + " more outputs, got only " + elements + "; engine threads:" + engineThreadDump());
      }
      elements.add(element);
    }
    return elements;
  }

  private static String engineThreadDump() {
    StringBuilder dump = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (thread.getName().startsWith("millrace")) {
        dump.append("\n  ").append(thread.getName()).append(" ").append(thread.getState());
        for (int i = 0; i < Math.min(8, stack.length); i++) {
          dump.append("\n      at ").append(stack[i]);
        }
      }
    });
    return dump.toString();
  }

  /** Whatever arrived and was not taken yet. */
  List<T> remaining() {
    List<T> elements = new ArrayList<>();
    received.drainTo(elements);
    return elements;
  }
}
