package io.millrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.millrace.api.functions.Collector;
import io.millrace.api.functions.KeyedProcessFunction;
import io.millrace.api.functions.OpenContext;
import io.millrace.runtime.api.LocalStreamEnvironment;
import io.millrace.runtime.time.ManualProcessingClock;
import io.millrace.state.StateBackend;
import io.millrace.state.StateTtlConfig;
import io.millrace.state.ValueState;
import io.millrace.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State TTL in a running job: keyed state expires on the job's processing clock (a
 * {@link ManualProcessingClock} the test moves between elements). Each command is
 * {@code "<key> set <value>"} or {@code "<key> get"}; the test waits for each command's output
 * before it moves the clock (and before it sends a command for another key, which another
 * subtask may process), so every output is exact. On each state backend: both must expire state
 * on the job's clock.
 */
@ParameterizedClass(name = "on {0}")
@MethodSource("io.millrace.api.StateBackendsUnderTest#all")
class StateTtlJobTest {
  @Parameter
  StateBackend backend;

  private final ManualProcessingClock clock = new ManualProcessingClock(0);
  private final CommandSource<String> commands = new CommandSource<>();
  private final AwaitedOutputs<String> outputs = new AwaitedOutputs<>();
  private JobClient job;

  private void start(StateTtlConfig.UpdateType updateType) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2).setStateBackend(backend);
    ((LocalStreamEnvironment) env).setProcessingClock(clock);
    env.addSource(commands)
        .keyBy(command -> command.split(" ")[0])
        .process(new RememberWithTtl(updateType))
        .addSink(outputs.sink());
    job = env.executeAsync("ttl");
  }

  private List<String> send(String... lines) throws InterruptedException {
    for (String line : lines) {
      commands.emit(line);
    }
    return outputs.next(lines.length);
  }

  private void finishJob() throws Exception {
    commands.end();
    job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
    assertThat(outputs.remaining()).as("outputs after the last expected one").isEmpty();
  }

  @Test
  void valueStateExpiresOnTheJobsProcessingClockOneTtlAfterItWasWritten() throws Exception {
    start(StateTtlConfig.UpdateType.OnCreateAndWrite);
    assertThat(send("a set 1", "a get")).containsExactly("a stored 1", "a has 1");

    clock.advanceTo(60);
    assertThat(send("b set 2")).containsExactly("b stored 2");
    assertThat(send("a get")).containsExactly("a has 1");
    clock.advanceTo(99);
    assertThat(send("a get")).containsExactly("a has 1");
    assertThat(send("b get")).containsExactly("b has 2");
    clock.advanceTo(100);
    assertThat(send("a get")).containsExactly("a has nothing");
    assertThat(send("b get")).containsExactly("b has 2");
    clock.advanceTo(160);
    assertThat(send("b get")).containsExactly("b has nothing");
    assertThat(send("a set 3", "a get")).containsExactly("a stored 3", "a has 3");
    finishJob();
  }

  @Test
  void readsKeepTheValueAliveUnderOnReadAndWrite() throws Exception {
    start(StateTtlConfig.UpdateType.OnReadAndWrite);
    assertThat(send("a set 1")).containsExactly("a stored 1");
    clock.advanceTo(90);
    assertThat(send("a get")).containsExactly("a has 1");
    clock.advanceTo(180);
    assertThat(send("a get")).containsExactly("a has 1");
    clock.advanceTo(280);
    assertThat(send("a get")).containsExactly("a has nothing");
    finishJob();
  }

  /** Stores or reports a value per key in a ValueState with a TTL of 100 ms. */
  private static final class RememberWithTtl extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    private final StateTtlConfig.UpdateType updateType;
    private transient ValueState<String> value;

    RememberWithTtl(StateTtlConfig.UpdateType updateType) {
      this.updateType = updateType;
    }

    @Override
    public void open(OpenContext openContext) {
      ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("value", String.class);
      descriptor.enableTimeToLive(
          StateTtlConfig.newBuilder(Duration.ofMillis(100)).setUpdateType(updateType).build());
      value = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(String command, Context ctx, Collector<String> out) throws Exception {
      String[] words = command.split(" ");
      if (words[1].equals("set")) {
        value.update(words[2]);
        out.collect(words[0] + " stored " + words[2]);
      } else {
        String current = value.value();
        out.collect(words[0] + " has " + (current == null ? "nothing" : current));
      }
    }
  }
}
