package io.millrace.api;

import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.FilterFunction;
import io.millrace.api.functions.FlatMapFunction;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.functions.MapFunction;
import io.millrace.api.functions.ProcessFunction;
import io.millrace.api.sink.Sink;
import io.millrace.api.windowing.AllWindowedStream;
import io.millrace.api.windowing.Window;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.api.sink.SinkFunction;
import io.millrace.api.sink.TwoPhaseCommitSink;
import io.millrace.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream of elements of type {@code T}: the result of a source or a transformation. Methods
 * add operators to the job and return the resulting stream; nothing runs until
 * {@link StreamExecutionEnvironment#execute()}.
 *
 * <pre>{@code
 * env.fromSequence(1, 1000)
 *     .filter(n -> n % 2 == 0)
 *     .map(n -> n * n)
 *     .print();
 * env.execute("squares");
 * }</pre>
 *
 * <p>Elements pass between operators by reference: never mutate an element after emitting it.
 *
 * @param <T> element type
 */
public interface DataStream<T> {

  /** The environment this stream belongs to. */
  StreamExecutionEnvironment getExecutionEnvironment();

  /** The parallelism of the operator producing this stream. */
  int getParallelism();

  /** Applies {@code mapper} to each element. */
  <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper);

  /** Applies {@code flatMapper} to each element; it emits zero or more elements each. */
  <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper);

  /** Keeps the elements for which {@code filter} returns true. */
  SingleOutputStreamOperator<T> filter(FilterFunction<T> filter);

  /** Applies a {@link ProcessFunction}: side outputs and element timestamps. */
  <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction);

  /**
   * Partitions the stream by key: all elements with equal keys go to the same parallel
   * instance of the next operator, which may keep keyed state. The key must never be null.
   */
  <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector);

  /** Merges this stream with {@code other} (same element type); no order between them. */
  DataStream<T> union(DataStream<T> other);

  /** Merges this stream with two others. */
  DataStream<T> union(DataStream<T> second, DataStream<T> third);

  /** Merges this stream with three others. */
  DataStream<T> union(DataStream<T> second, DataStream<T> third, DataStream<T> fourth);

  /** Merges this stream with all of {@code others}. */
  DataStream<T> union(List<? extends DataStream<T>> others);

  /** Connects this stream with {@code other} for a two-input operator (co-map, co-process). */
  <R> ConnectedStreams<T, R> connect(DataStream<R> other);

  /**
   * Connects this stream with a broadcast stream: every parallel instance sees all of its
   * elements and keeps them in broadcast state.
   */
  <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream);

  /**
   * Cuts the whole (non-keyed) stream into windows; the window operator runs with parallelism 1.
   * Needs {@code millrace-windows} on the class path.
   */
  <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner);

  /** Starts a window join with {@code other}. Needs {@code millrace-windows}. */
  <T2> JoinedStreams<T, T2> join(DataStream<T2> other);

  /** Starts a window co-group with {@code other}. Needs {@code millrace-windows}. */
  <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other);

  /** Sends every element to every parallel instance of the next operator. */
  DataStream<T> broadcast();

  /**
   * Makes this stream a broadcast stream whose elements are kept in the broadcast state
   * described by {@code descriptors}; connect a stream to it.
   */
  BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... descriptors);

  /** Distributes elements round-robin over the next operator's parallel instances. */
  DataStream<T> rebalance();

  /** Distributes elements randomly over the next operator's parallel instances. */
  DataStream<T> shuffle();

  /** Sends every element to the first parallel instance of the next operator. */
  DataStream<T> global();

  /**
   * Assigns event timestamps and generates watermarks with {@code strategy} from here on;
   * watermarks from upstream are dropped (except the final one at the end of input).
   */
  SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy);

  /** Writes every element with {@code sinkFunction}. */
  DataStreamSink<T> addSink(SinkFunction<T> sinkFunction);

  /** Writes every element to {@code sink}. */
  DataStreamSink<T> sinkTo(Sink<T> sink);

  /**
   * Writes every element to {@code sink} exactly once, in transactions committed when the
   * checkpoints that cover them complete (see {@link TwoPhaseCommitSink}).
   *
   * <p>Written data becomes visible only at a completed checkpoint, or, for the last
   * transaction of a bounded input, once the whole job has finished; without checkpointing,
   * only then. After a failure, data of transactions not covered by the restored checkpoint is
   * discarded and written again from the replayed input. A plain (non-rich) sink instance is
   * shared by all parallel instances, so it must be safe to call from several subtask threads
   * for different transactions.
   *
   * <pre>{@code
   * env.enableCheckpointing(Duration.ofSeconds(10));
   * events.map(Event::toJson)
   *     .sinkTo(FileSink.forRowFormat(Path.of("/data/events"), line -> line));
   * }</pre>
   */
  DataStreamSink<T> sinkTo(TwoPhaseCommitSink<T, ?> sink);

  /**
   * Prints every element to standard output, prefixed with {@code "n> "} (the 1-based subtask)
   * when the sink runs with parallelism above 1.
   */
  DataStreamSink<T> print();

  /**
   * Runs the job and returns an iterator over this stream's elements as they arrive; the job
   * ends with the iterator (closing it early cancels the job). Elements of parallel instances
   * interleave in no particular order.
   */
  CloseableIterator<T> executeAndCollect() throws Exception;

  /** Runs the job, returns the first {@code limit} elements and cancels the rest of the job. */
  List<T> executeAndCollect(int limit) throws Exception;
}
