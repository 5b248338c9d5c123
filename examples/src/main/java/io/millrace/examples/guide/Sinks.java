package io.millrace.examples.guide;

import io.millrace.api.CloseableIterator;
import io.millrace.api.DataStream;
import io.millrace.api.JobClient;
import io.millrace.api.JobExecutionResult;
import io.millrace.api.JobStatus;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.sink.RichSinkFunction;
import io.millrace.api.source.DataGeneratorSource;
import io.millrace.api.source.RateLimiterStrategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Sinks, collecting results into the caller, and running a job in the background. */
public final class Sinks {
  private Sinks() {}

  /** Adds a sink of the numbers 1 to 10 into the queue it returns. */
  static ConcurrentLinkedQueue<Long> sinkFunctions(StreamExecutionEnvironment env) {
    // [START add-sink]
    ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();   // thread-safe:
    env.fromSequence(1, 10).addSink(received::add);                        // all subtasks share the lambda
    // [END add-sink]
    return received;
  }

  // [START rich-sink]
  /** Writes each subtask's elements to a writer of its own, opened in open(). */
  static final class LineWriterSink extends RichSinkFunction<String> {
    private static final long serialVersionUID = 1L;

    private transient PrintWriter writer;   // not serializable: transient, created in open()

    @Override
    public void open(OpenContext openContext) {
      writer = new PrintWriter(new StringWriter());   // a file or a client in real code
    }

    @Override
    public void invoke(String line) {
      writer.println(line);
    }

    @Override
    public void close() {
      if (writer != null) {
        writer.close();
      }
    }
  }
  // [END rich-sink]

  /** The job of {@link #main}'s {@code execute}: both sinks; returns the queue of the first. */
  static ConcurrentLinkedQueue<Long> sinks(StreamExecutionEnvironment env) {
    ConcurrentLinkedQueue<Long> received = sinkFunctions(env);
    env.fromElements("a", "b").addSink(new LineWriterSink());
    return received;
  }

  static List<Long> collectLimit(StreamExecutionEnvironment env) throws Exception {
    // [START collect-limit]
    List<Long> someMultiples = env.fromSequence(1, Long.MAX_VALUE - 1)   // practically endless
        .filter(n -> n % 7 == 0)
        .executeAndCollect(10);     // runs the job, returns the first 10 to arrive, cancels the job
    // [END collect-limit]
    return someMultiples;
  }

  static long collectIterator(StreamExecutionEnvironment env) throws Exception {
    long sum = 0;
    // [START collect-iterator]
    DataStream<Long> squares = env.fromSequence(1, 1000).map(n -> n * n);
    try (CloseableIterator<Long> results = squares.executeAndCollect()) {
      while (results.hasNext()) {
        sum += results.next();      // in no particular order across subtasks
      }
    }                               // closing early would cancel the job
    // [END collect-iterator]
    return sum;
  }

  /** Runs an endless job in the background and cancels it: its status before and after. */
  static List<JobStatus> background(StreamExecutionEnvironment env) throws Exception {
    // [START job-client]
    env.fromSource(
            new DataGeneratorSource<>(index -> index, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1000), Long.class),
            WatermarkStrategy.noWatermarks(), "endless")
        .filter(n -> n % 100 == 0)
        .print();

    JobClient job = env.executeAsync("endless");      // returns at once
    Thread.sleep(300);
    JobStatus status = job.getJobStatus().get();      // RUNNING
    job.cancel().get();                               // completes when the job has ended
    // [END job-client]
    return List.of(status, job.getJobStatus().get());
  }

  /** Runs the examples. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    ConcurrentLinkedQueue<Long> received = sinks(env);
    // [START execute]
    JobExecutionResult result = env.execute("sinks");   // blocks until the job ends
    System.out.println("took " + result.getNetRuntime() + " ms");
    // [END execute]
    System.out.println("received: " + received.stream().sorted().toList());
    System.out.println("ten multiples of 7: " + collectLimit(env));
    System.out.println("sum of squares: " + collectIterator(env));
    List<JobStatus> statuses = background(env);
    System.out.println("status before cancel: " + statuses.get(0) + ", after: " + statuses.get(1));
  }
}
