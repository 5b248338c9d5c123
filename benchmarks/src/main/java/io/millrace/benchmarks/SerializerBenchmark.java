package io.millrace.benchmarks;

import io.millrace.benchmarks.workload.Click;
import io.millrace.benchmarks.workload.ClickGenerator;
import io.millrace.state.serialization.DataInputDeserializer;
import io.millrace.state.serialization.DataOutputSerializer;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializers;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A round trip (serialize, then deserialize) of the workloads' {@link Click} record through the
 * serializer Millrace derives for it ({@link TypeSerializers#forClass}, what state and snapshots
 * use), through the generic fallback serializer (what a state without a type gets: class name per
 * value), beside the baseline of the same four fields written and read by hand. One invocation
 * round-trips {@value #CLICKS} clicks; the score is clicks/second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class SerializerBenchmark {
  static final int CLICKS = 1_024;

  private final Click[] clicks = new Click[CLICKS];
  private final DataOutputSerializer out = new DataOutputSerializer(256);
  private final DataInputDeserializer in = new DataInputDeserializer();
  private TypeSerializer<Click> derived;
  private TypeSerializer<Object> generic;

  @Setup
  public void setUp() {
    for (int i = 0; i < CLICKS; i++) {
      clicks[i] = ClickGenerator.click(i);
    }
    derived = TypeSerializers.forClass(Click.class);
    generic = TypeSerializers.generic();
  }

  @Benchmark
  @OperationsPerInvocation(CLICKS)
  public long derivedSerializer() throws IOException {
    long check = 0;
    for (Click click : clicks) {
      out.clear();
      derived.serialize(click, out);
      in.setBuffer(out.getSharedBuffer(), 0, out.length());
      check += derived.deserialize(in).adId();
    }
    return check;
  }

  @Benchmark
  @OperationsPerInvocation(CLICKS)
  public long genericSerializer() throws IOException {
    long check = 0;
    for (Click click : clicks) {
      out.clear();
      generic.serialize(click, out);
      in.setBuffer(out.getSharedBuffer(), 0, out.length());
      check += ((Click) generic.deserialize(in)).adId();
    }
    return check;
  }

  @Benchmark
  @OperationsPerInvocation(CLICKS)
  public long handWritten() throws IOException {
    long check = 0;
    for (Click click : clicks) {
      out.clear();
      out.writeLong(click.adId());
      out.writeLong(click.userId());
      out.writeLong(click.ts());
      out.writeDouble(click.amount());
      in.setBuffer(out.getSharedBuffer(), 0, out.length());
      Click copy = new Click(in.readLong(), in.readLong(), in.readLong(), in.readDouble());
      check += copy.adId();
    }
    return check;
  }
}
