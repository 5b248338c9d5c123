package io.millrace.examples.guide;

import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.examples.clicks.ClickCounter;
import io.millrace.examples.clicks.ClickEvent;

/** The README's quick start: count clicks per user with keyed state and print the counts. */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the quick-start job. */
  public static void main(String[] args) throws Exception {
    // [START quickstart]
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

    env.fromElements(
            new ClickEvent("alice", "ad-1"),
            new ClickEvent("bob", "ad-7"),
            new ClickEvent("alice", "ad-3"))
        .keyBy(ClickEvent::getUserId)      // all clicks of a user go to one subtask
        .process(new ClickCounter())       // a KeyedProcessFunction with a ValueState<Long>
        .print();                          // "2> ClickCount{userId=alice, count=1}" ...

    env.execute("click counting");         // runs on threads of this JVM, returns at the end
    // [END quickstart]
  }
}
