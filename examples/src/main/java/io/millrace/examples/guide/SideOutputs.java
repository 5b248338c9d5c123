package io.millrace.examples.guide;

import io.millrace.api.DataStream;
import io.millrace.api.OutputTag;
import io.millrace.api.SingleOutputStreamOperator;
import io.millrace.api.StreamExecutionEnvironment;
import io.millrace.api.functions.Collector;
import io.millrace.api.functions.ProcessFunction;

/** Side outputs: a second (third, ...) output of one operator. */
public final class SideOutputs {
  private SideOutputs() {}

  /** Runs the example. */
  public static void main(String[] args) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<String> lines = env.fromElements("1", "2", "three", "4");
    // [START side-output]
    OutputTag<String> rejected = new OutputTag<>("rejected", String.class);

    SingleOutputStreamOperator<Integer> numbers = lines.process(new ProcessFunction<String, Integer>() {
      private static final long serialVersionUID = 1L;

      @Override
      public void processElement(String line, Context ctx, Collector<Integer> out) {
        try {
          out.collect(Integer.parseInt(line));
        } catch (NumberFormatException e) {
          ctx.output(rejected, line);                  // to the side output, not the main one
        }
      }
    });

    numbers.print();                                   // 1, 2, 4
    numbers.getSideOutput(rejected).print();           // three
    // [END side-output]
    env.execute("side outputs");
  }
}
