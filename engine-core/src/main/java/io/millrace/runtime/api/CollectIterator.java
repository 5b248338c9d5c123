package io.millrace.runtime.api;

import io.millrace.api.CloseableIterator;
import io.millrace.api.JobExecutionResult;
import io.millrace.api.sink.SinkFunction;
import io.millrace.runtime.execution.LocalJob;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The iterator of {@code executeAndCollect}: a parallelism-1 sink hands elements through a
 * bounded queue (so a slow reader backpressures the job) to the caller's thread.
 */
final class CollectIterator<T> implements CloseableIterator<T> {
  private static final int CAPACITY = 1024;
  private static final long POLL_MILLIS = 20;
  /**
   * Put behind the last element when the job ends, so the reader learns of the end at once
   * instead of at its next poll timeout (which was most of a short job's wall time).
   */
  private static final Object JOB_ENDED = new Object();

  private final BlockingQueue<Object> queue;
  private final CollectState state;
  private LocalJob job;
  private T next;
  private boolean closed;

  /** What the sink and the iterator share; the sink is a plain (shared) function. */
  private static final class CollectState {
    volatile boolean closed;
  }

  private CollectIterator(BlockingQueue<Object> queue, CollectState state) {
    this.queue = queue;
    this.state = state;
  }

  static <T> CollectIterator<T> start(DataStreamImpl<T> stream, int limit) {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    CollectState state = new CollectState();
    CollectIterator<T> iterator = new CollectIterator<>(queue, state);
    SinkFunction<T> sink = value -> {
      while (!queue.offer(value, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (state.closed) {
          throw new io.millrace.runtime.channel.CancelledException();
        }
      }
    };
    stream.addSinkOperator("collect", sink,
        (subtask, name) -> new io.millrace.runtime.operators.SinkFunctionOperator<>(sink)).setParallelism(1);
    iterator.job = stream.env.startJob("collect");
    iterator.job.result().whenComplete((result, error) -> {
      state.closed = true;
      queue.offer(JOB_ENDED); // if the queue is full, the reader sees the end at a poll timeout
    });
    return iterator;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    try {
      while (true) {
        Object polled = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (polled != null && polled != JOB_ENDED) {
          next = cast(polled);
          return true;
        }
        CompletableFuture<JobExecutionResult> result = job.result();
        if (result.isDone() && queue.isEmpty()) {
          result.get();
          return false;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the job's next element", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }

  @SuppressWarnings("unchecked") // the sink puts only elements of the stream, and the end marker
  private static <T> T cast(Object element) {
    return (T) element;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the job has ended");
    }
    T element = next;
    next = null;
    return element;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    state.closed = true;
    job.cancel().join();
    try {
      for (Thread thread : job.threads()) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
