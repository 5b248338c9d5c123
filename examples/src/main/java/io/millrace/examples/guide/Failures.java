package io.millrace.examples.guide;

import io.millrace.api.JobExecutionException;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.examples.clicks.ClickCount;
import io.millrace.examples.clicks.ClickCounter;
import io.millrace.examples.clicks.ClickEvent;

/** What a failing job reports. */
public final class Failures {
  private Failures() {}

  /** Runs a job whose key selector fails on a click without a user. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    // [START failure]
    env.fromElements(new ClickEvent("alice", "ad-1"), new ClickEvent(null, "ad-2"))
        .keyBy(ClickEvent::getUserId)               // a null key fails the job
        .process(new ClickCounter())
        .map(ClickCount::getCount)
        .print();
    try {
      env.execute("clicks");
    } catch (JobExecutionException e) {
      System.out.println(e.getMessage());          // names the operator and the subtask
      System.out.println(e.getOperatorName() + ", subtask " + e.getSubtaskIndex() + ", cause: " + e.getCause());
    }
    // [END failure]

    env.fromElements(new ClickEvent("alice", "ad-1"), new ClickEvent("bob", "ad-2"))
        .keyBy(ClickEvent::getUserId)
        .process(new ClickCounter())
        .map(count -> 10 / (count.getCount() - 1))  // divides by zero on the first click
        .print();
    try {
      env.execute("division");
    } catch (JobExecutionException e) {
      System.out.println(e.getMessage());
    }
  }
}
