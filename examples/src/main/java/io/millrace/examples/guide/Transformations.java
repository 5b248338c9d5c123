package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.FlatMapFunction;

/** The stateless transformations, partitioning and chaining of the guide. */
public final class Transformations {
  private Transformations() {}

  /** map, flatMap, filter. */
  static DataStream<String> basics(StreamExecutionEnvironment env) {
    // [START basics]
    DataStream<String> lines = env.fromElements("to be or not to be", "that is the question");

    DataStream<String> words = lines
        .flatMap((String line, Collector<String> out) -> {
          for (String word : line.split(" ")) {
            out.collect(word);
          }
        })
        .filter(word -> word.length() > 2)
        .map(String::toUpperCase);
    // [END basics]
    return words;
  }

  /** A flatMap as a class: reusable, nameable, testable. */
  // [START flatmap-class]
  static final class Tokenizer implements FlatMapFunction<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(String line, Collector<String> out) {
      for (String word : line.toLowerCase().split("\\W+")) {
        if (!word.isEmpty()) {
          out.collect(word);
        }
      }
    }
  }
  // [END flatmap-class]

  /** The {@link Tokenizer} on one line. */
  static DataStream<String> tokens(StreamExecutionEnvironment env) {
    return env.fromElements("Tokens, tokens: TOKENS!").flatMap(new Tokenizer());
  }

  /** union and the partitioning methods. */
  static void partitioning(StreamExecutionEnvironment env) {
    // [START partitioning]
    DataStream<Long> evens = env.fromSequence(0, 9).filter(n -> n % 2 == 0);
    DataStream<Long> odds = env.fromSequence(10, 19).filter(n -> n % 2 == 1);

    DataStream<Long> all = evens.union(odds);      // same type, no order between the inputs
    all.rebalance().map(n -> n * 10).print();      // round-robin over the map's subtasks
    all.shuffle().map(n -> n + 1).print();         // random
    all.global().map(n -> -n).print();             // everything to subtask 0 of the map
    all.broadcast().map(n -> n * n).print();       // every element to every subtask
    // [END partitioning]
  }

  /** Operator configuration and chaining control. */
  static void configuration(StreamExecutionEnvironment env) {
    // [START configure]
    env.fromSequence(1, 100)
        .map(n -> n * 2).name("double")            // shown in logs and errors: map@2 (double)
        .filter(n -> n % 3 == 0).setParallelism(1) // a parallelism change cuts the chain
        .map(n -> n + 1).startNewChain()           // this map starts a new chain (a new task)
        .map(n -> n - 1).disableChaining()         // and this one runs in a task of its own
        .print();
    // [END configure]
  }

  /** Runs the examples. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    basics(env).print();
    tokens(env).print();
    env.execute("basics");
    partitioning(env);
    env.execute("partitioning");
    configuration(env);
    env.execute("configuration");
  }
}
