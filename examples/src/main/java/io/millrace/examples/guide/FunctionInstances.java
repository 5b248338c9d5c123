package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.OpenContext;
import io.millrace.api.functions.RichMapFunction;
import java.util.concurrent.atomic.LongAdder;

/** Which function instance runs where: rich functions per subtask, lambdas shared. */
public final class FunctionInstances {
  private FunctionInstances() {}

  // [START rich-per-subtask]
  /** Numbers its elements per subtask: each subtask has its own instance, so its own counter. */
  static final class Numbering extends RichMapFunction<String, String> {
    private static final long serialVersionUID = 1L;

    private long seen;            // per subtask: no synchronization needed
    private transient String prefix;

    @Override
    public void open(OpenContext openContext) {
      prefix = "subtask " + getRuntimeContext().getIndexOfThisSubtask() + ", element ";
    }

    @Override
    public String map(String value) {
      return prefix + (++seen) + ": " + value;
    }
  }
  // [END rich-per-subtask]

  /** Four elements numbered per subtask after a rebalance. */
  static DataStream<String> numbered(StreamExecutionEnvironment env) {
    return env.fromElements("a", "b", "c", "d").rebalance().map(new Numbering());
  }

  /** Runs the examples. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    numbered(env).print();
    env.execute("rich function per subtask");
    sharedLambda(env);
  }

  /** Counts the even numbers to a million in a sink shared by 4 subtasks and prints the count. */
  static void sharedLambda(StreamExecutionEnvironment env) throws Exception {
    // [START shared-lambda]
    LongAdder evens = new LongAdder();       // captured by a lambda that 4 subtasks share:
    env.fromSequence(1, 1_000_000)           // must be thread-safe (a plain long[] or HashMap
        .filter(n -> n % 2 == 0)             // would lose updates)
        .setParallelism(4)
        .addSink(n -> evens.increment());
    env.execute("shared lambda");
    System.out.println(evens.sum());         // 500000
    // [END shared-lambda]
  }
}
