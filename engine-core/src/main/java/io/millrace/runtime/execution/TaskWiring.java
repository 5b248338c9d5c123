package io.millrace.runtime.execution;

import io.millrace.api.OutputTag;
import io.millrace.api.eventtime.WatermarkStrategy;
import io.millrace.api.functions.KeySelector;
import io.millrace.api.source.Source;
import io.millrace.api.source.SourceReader;
import io.millrace.api.source.SourceReaderContext;
import io.millrace.api.source.SourceSplit;
import io.millrace.runtime.channel.Channel;
import io.millrace.runtime.channel.InputGate;
import io.millrace.runtime.channel.Partitioners;
import io.millrace.runtime.channel.RecordWriter;
import io.millrace.runtime.channel.StreamPartitioner;
import io.millrace.runtime.checkpoint.DurableFiles;
import io.millrace.runtime.graph.JobGraph;
import io.millrace.runtime.graph.JobVertex;
import io.millrace.runtime.graph.OneInputTransformation;
import io.millrace.runtime.graph.SourceTransformation;
import io.millrace.runtime.graph.StreamEdge;
import io.millrace.runtime.graph.StreamNode;
import io.millrace.runtime.graph.Transformation;
import io.millrace.runtime.graph.TwoInputTransformation;
import io.millrace.runtime.operators.FunctionInstances;
import io.millrace.runtime.operators.OperatorContext;
import io.millrace.runtime.operators.OperatorServices;
import io.millrace.runtime.operators.Output;
import io.millrace.runtime.operators.SourceOperator;
import io.millrace.runtime.operators.StreamOperator;
import io.millrace.runtime.task.ChainSnapshot;
import io.millrace.runtime.task.CheckpointResponder;
import io.millrace.runtime.task.OutputFactory;
import io.millrace.runtime.task.SourceFunctionDriver;
import io.millrace.runtime.task.SourceReaderDriver;
import io.millrace.runtime.task.StreamTask;
import io.millrace.runtime.time.ProcessingClock;
import io.millrace.state.internal.KeyGroupRange;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import io.millrace.state.internal.KeyedStateBackend;
import io.millrace.state.internal.OperatorStateBackend;
import io.millrace.state.internal.StateBackends;
import io.millrace.state.internal.snapshot.SnapshotInput;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import io.millrace.state.rocksdb.internal.RocksDBKeyedStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Builds the running form of a {@link JobGraph}: one {@link StreamTask} per vertex and subtask,
 * the channels of every network edge (one per producer/consumer pair; one per subtask for
 * forward edges), and each task's operator chain with its outputs and state backends.
 */
final class TaskWiring {
  private final JobGraph graph;
  private final JobSettings settings;
  private final ProcessingClock clock;
  private final StreamTask.Listener listener;

  private final Map<JobVertex, StreamTask[]> tasks = new LinkedHashMap<>();
  private final Map<JobVertex, InputGate[]> gates = new HashMap<>();
  /** Per network edge, per producer subtask: the channels its writer feeds. */
  private final Map<StreamEdge, Channel[][]> edgeChannels = new IdentityHashMap<>();
  private final List<SourceCoordinator<?>> coordinators = new ArrayList<>();
  private final List<Runnable> coordinatorStarts = new ArrayList<>();
  private final CheckpointResponder checkpoints;
  private final RestoredState restored;
  private final Consumer<OperatorServices.JobFinishedAction> jobFinishedActions;
  private final Map<StreamNode, String> uids;
  private final List<CheckpointCoordinator.SourceVertex> sources = new ArrayList<>();

  /**
   * @param checkpoints where tasks write their checkpoints
   * @param restored the state to start from, or null
   * @param jobFinishedActions collects what operators want run when the job has finished
   */
  TaskWiring(
      JobGraph graph, JobSettings settings, ProcessingClock clock, StreamTask.Listener listener,
      CheckpointResponder checkpoints, RestoredState restored,
      Consumer<OperatorServices.JobFinishedAction> jobFinishedActions) {
    this.graph = graph;
    this.settings = settings;
    this.clock = clock;
    this.listener = listener;
    this.checkpoints = checkpoints;
    this.restored = restored;
    this.jobFinishedActions = jobFinishedActions;
    this.uids = uids(graph);
  }

  /**
   * The uid of every operator: the one the user set, else {@code auto-<n>-<kind>} with n the
   * operator's rank in the order the program created them — the same for an unchanged job,
   * whatever its parallelism and chaining.
   *
   * @throws IllegalArgumentException if two operators have the same uid
   */
  static Map<StreamNode, String> uids(JobGraph graph) {
    List<StreamNode> nodes = new ArrayList<>();
    for (JobVertex vertex : graph.vertices()) {
      nodes.addAll(vertex.chain());
    }
    nodes.sort(Comparator.comparingInt(node -> node.transformation().id()));
    Map<StreamNode, String> uids = new IdentityHashMap<>();
    Map<String, StreamNode> byUid = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      StreamNode node = nodes.get(i);
      String uid = node.transformation().uid() != null
          ? node.transformation().uid()
          : "auto-" + (i + 1) + "-" + node.transformation().kind();
      StreamNode other = byUid.put(uid, node);
      if (other != null) {
        throw new IllegalArgumentException("uid '" + uid + "' is used by both " + other.name() + " and " + node.name()
            + ": every operator needs its own uid");
      }
      uids.put(node, uid);
    }
    return uids;
  }

  /** What the checkpoint coordinator needs of this attempt. */
  CheckpointCoordinator.AttemptView attemptView() {
    List<CheckpointCoordinator.OperatorInfo> operators = new ArrayList<>();
    for (Map.Entry<StreamNode, String> entry : uids.entrySet()) {
      operators.add(new CheckpointCoordinator.OperatorInfo(
          entry.getValue(), entry.getKey().parallelism(), entry.getKey().maxParallelism()));
    }
    return new CheckpointCoordinator.AttemptView(tasks(), sources, operators);
  }

  List<StreamTask> tasks() {
    List<StreamTask> all = new ArrayList<>();
    tasks.values().forEach(array -> all.addAll(List.of(array)));
    return all;
  }

  List<SourceCoordinator<?>> coordinators() {
    return coordinators;
  }

  List<Runnable> coordinatorStarts() {
    return coordinatorStarts;
  }

  void wire() {
    for (JobVertex vertex : graph.vertices()) {
      StreamTask[] subtasks = new StreamTask[vertex.parallelism()];
      for (int i = 0; i < subtasks.length; i++) {
        subtasks[i] = new StreamTask(vertex.name(), i, subtasks.length, listener);
      }
      tasks.put(vertex, subtasks);
    }
    for (StreamEdge edge : graph.networkEdges()) {
      createChannels(edge);
    }
    gates.values().forEach(array -> {
      for (InputGate gate : array) {
        gate.seal();
      }
    });
    for (JobVertex vertex : graph.vertices()) {
      StreamTask[] subtasks = tasks.get(vertex);
      for (int i = 0; i < subtasks.length; i++) {
        buildChain(vertex, subtasks[i], i);
      }
      StreamNode head = vertex.head();
      if (head.transformation() instanceof SourceTransformation<?>) {
        sources.add(new CheckpointCoordinator.SourceVertex(
            List.of(subtasks), coordinatorsByNode.get(head), uids.get(head)));
      }
    }
  }

  private InputGate gate(JobVertex vertex, int subtask) {
    InputGate[] array = gates.computeIfAbsent(vertex, v -> new InputGate[v.parallelism()]);
    if (array[subtask] == null) {
      StreamTask task = tasks.get(vertex)[subtask];
      array[subtask] = new InputGate(task.parker());
      task.setInputGate(array[subtask]);
    }
    return array[subtask];
  }

  private void createChannels(StreamEdge edge) {
    int producers = edge.source().parallelism();
    int consumers = edge.target().parallelism();
    JobVertex target = edge.target().vertex();
    int capacity = settings.channelCapacity();
    int batch = settings.effectiveBatchSize();
    Channel[][] channels = new Channel[producers][];
    if (edge.strategy() == io.millrace.runtime.graph.PartitionTransformation.Strategy.FORWARD) {
      for (int p = 0; p < producers; p++) {
        channels[p] = new Channel[] {gate(target, p).addChannel(edge.inputIndex(), capacity, batch)};
      }
    } else {
      for (int p = 0; p < producers; p++) {
        channels[p] = new Channel[consumers];
        for (int c = 0; c < consumers; c++) {
          channels[p][c] = gate(target, c).addChannel(edge.inputIndex(), capacity, batch);
        }
      }
    }
    edgeChannels.put(edge, channels);
  }

  private void buildChain(JobVertex vertex, StreamTask task, int subtask) {
    Map<StreamNode, StreamOperator<?>> operators = new LinkedHashMap<>();
    Map<StreamNode, OperatorContext> contexts = new HashMap<>();
    for (StreamNode node : vertex.chain()) {
      contexts.put(node, context(node, task, subtask));
      operators.put(node, createOperator(node, subtask));
    }
    OutputFactory outputs = new OutputFactory();
    List<StreamNode> chain = vertex.chain();
    for (int i = chain.size() - 1; i >= 0; i--) {
      StreamNode node = chain.get(i);
      Output<Object> output = outputFor(node, operators, outputs, task, subtask);
      operators.get(node).setup(contexts.get(node), cast(output));
    }
    List<StreamOperator<?>> ordered = new ArrayList<>(operators.values());
    task.setOperators(ordered, ordered.get(0));
    List<ChainSnapshot.ChainedOperator> snapshotChain = new ArrayList<>();
    for (Map.Entry<StreamNode, StreamOperator<?>> entry : operators.entrySet()) {
      snapshotChain.add(new ChainSnapshot.ChainedOperator(uids.get(entry.getKey()), entry.getValue(),
          incrementalCheckpoints() ? HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) : null));
    }
    task.setCheckpointing(checkpoints, snapshotChain);
    StreamNode head = vertex.head();
    if (head.transformation() instanceof SourceTransformation<?> source) {
      attachSourceDriver(source, head, task, subtask, cast(operators.get(head).output()), contexts.get(head));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private Output<Object> outputFor(
      StreamNode node, Map<StreamNode, StreamOperator<?>> operators, OutputFactory outputs, StreamTask task, int subtask) {
    List<Output<Object>> mains = new ArrayList<>();
    Map<OutputTag<?>, List<Output<Object>>> sides = new LinkedHashMap<>();
    for (StreamEdge edge : node.outEdges()) {
      Output<Object> edgeOutput = edge.isChained()
          ? outputs.chained(cast(operators.get(edge.target())))
          : outputs.network(writer(edge, task, subtask));
      if (edge.outputTag() == null) {
        mains.add(edgeOutput);
      } else {
        sides.computeIfAbsent(edge.outputTag(), tag -> new ArrayList<>()).add(edgeOutput);
      }
    }
    return outputs.combine(mains, sides);
  }

  private RecordWriter<Object> writer(StreamEdge edge, StreamTask task, int subtask) {
    Channel[] channels = edgeChannels.get(edge)[subtask];
    RecordWriter<Object> writer = new RecordWriter<>(
        channels, partitioner(edge, subtask), task::throwIfCancelled, settings.effectiveBatchSize());
    task.addWriter(writer);
    return writer;
  }

  private StreamPartitioner<Object> partitioner(StreamEdge edge, int subtask) {
    return switch (edge.strategy()) {
      case FORWARD -> Partitioners.forward();
      case REBALANCE -> Partitioners.rebalance();
      case SHUFFLE -> Partitioners.shuffle();
      case BROADCAST -> Partitioners.broadcast();
      case GLOBAL -> Partitioners.global();
      case KEY_GROUPS -> Partitioners.keyGroups(
          TaskWiring.<KeySelector<Object, Object>>cast(edge.keySelector()),
          edge.target().maxParallelism(), edge.partitionName(), subtask, edge.source().parallelism());
    };
  }

  private boolean incrementalCheckpoints() {
    return settings.stateBackend() instanceof EmbeddedRocksDBStateBackend rocks && rocks.isIncrementalCheckpointsEnabled();
  }

  private OperatorContext context(StreamNode node, StreamTask task, int subtask) {
    Transformation<?> transformation = node.transformation();
    boolean keyed = (transformation instanceof OneInputTransformation<?, ?> one && one.stateKeySelector() != null)
        || (transformation instanceof TwoInputTransformation<?, ?, ?> two && two.isKeyed());
    String uid = uids.get(node);
    boolean restore = restored != null && restored.has(uid);
    try {
      KeyedStateBackend<?> keyedBackend = null;
      if (keyed) {
        keyedBackend = keyedBackend(node, uid, subtask, restore);
        task.addResource(keyedBackend);
      }
      OperatorStateBackend operatorBackend = StateBackends.createOperatorStateBackend(
          settings.stateBackend(), node.name(), subtask, node.parallelism());
      task.addResource(operatorBackend);
      List<Path> timerFiles = List.of();
      if (restore) {
        restoreFrom(restored.inputs(uid, ChainSnapshot.OPERATOR), operatorBackend::restore);
        timerFiles = restored.files(uid, ChainSnapshot.TIMERS);
      }
      OperatorServices services = new OperatorServices(jobFinishedActions, settings.checkpoints() != null, restore, timerFiles);
      return new OperatorContext(node.name(), subtask, node.parallelism(), node.maxParallelism(),
          keyedBackend, operatorBackend, clock, task.mailbox(), services);
    } catch (IOException e) {
      throw new UncheckedIOException(node.name() + " (uid '" + uid + "'), subtask " + subtask
          + ": restoring its state from " + restored.checkpoint().directory() + " failed: " + e.getMessage(), e);
    }
  }

  private KeyedStateBackend<?> keyedBackend(StreamNode node, String uid, int subtask, boolean restore)
      throws IOException {
    KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
        node.maxParallelism(), node.parallelism(), subtask);
    if (restore && restored.operator(uid).maxParallelism() != node.maxParallelism()) {
      throw new IllegalStateException(node.name() + " (uid '" + uid + "') has max parallelism " + node.maxParallelism()
          + " but its state in " + restored.checkpoint().directory() + " was written with "
          + restored.operator(uid).maxParallelism() + ": keyed state moves between subtasks by key group, so the "
          + "max parallelism must stay the same; set setMaxParallelism(" + restored.operator(uid).maxParallelism() + ")");
    }
    if (restore && restored.isNative(uid, subtask) && settings.stateBackend() instanceof EmbeddedRocksDBStateBackend rocks) {
      Path directory = restored.assembleNative(uid, subtask);
      try {
        return RocksDBKeyedStateBackend.restoreFromNativeCheckpoint(
            rocks, range, node.maxParallelism(), node.name(), clock::currentTimeMillis, directory);
      } finally {
        DurableFiles.deleteRecursively(directory);
      }
    }
    if (restore && restored.isNative(uid, 0)) {
      throw new IllegalStateException(node.name() + " (uid '" + uid + "'): " + restored.checkpoint().directory()
          + " is an incremental RocksDB checkpoint, which restores only onto the RocksDB backend at the same "
          + "parallelism; take a savepoint to change the parallelism or the backend");
    }
    KeyedStateBackend<?> backend = StateBackends.createKeyedStateBackend(
        settings.stateBackend(), range, node.maxParallelism(), node.name(), clock::currentTimeMillis);
    if (restore) {
      try {
        restoreFrom(restored.inputs(uid, ChainSnapshot.KEYED), backend::restore);
      } catch (IOException | RuntimeException e) {
        backend.close();
        throw e;
      }
    }
    return backend;
  }

  @FunctionalInterface
  private interface Restore {
    void from(List<? extends SnapshotInput> inputs) throws IOException;
  }

  /** Restores from {@code inputs} and closes them. */
  private static void restoreFrom(List<SnapshotInput> inputs, Restore restore) throws IOException {
    try {
      restore.from(inputs);
    } finally {
      for (SnapshotInput input : inputs) {
        input.close();
      }
    }
  }


  private StreamOperator<?> createOperator(StreamNode node, int subtask) {
    Transformation<?> transformation = node.transformation();
    if (transformation instanceof SourceTransformation<?> source) {
      return new SourceOperator<>(source.sourceFunction() != null
          ? FunctionInstances.forSubtask(source.sourceFunction(), subtask, node.name())
          : source.source());
    }
    if (transformation instanceof OneInputTransformation<?, ?> one) {
      return one.factory().create(subtask, node.name());
    }
    if (transformation instanceof TwoInputTransformation<?, ?, ?> two) {
      return two.factory().create(subtask, node.name());
    }
    throw new IllegalStateException("no operator for " + transformation);
  }

  private <T> void attachSourceDriver(
      SourceTransformation<T> transformation, StreamNode node, StreamTask task, int subtask,
      Output<T> output, OperatorContext context) {
    if (transformation.sourceFunction() != null) {
      SourceOperator<?> head = cast(task.headOperator());
      task.setSourceDriver(new SourceFunctionDriver<>(cast(head.userFunction()), output, context));
      return;
    }
    attachReader(transformation.source(), transformation.watermarkStrategy(), node, task, subtask, output, context);
  }

  private <T, SplitT extends SourceSplit> void attachReader(
      Source<T, SplitT, ?> source, WatermarkStrategy<T> watermarkStrategy, StreamNode node, StreamTask task,
      int subtask, Output<T> output, OperatorContext context) {
    SourceCoordinator<SplitT> coordinator = coordinatorFor(source, node);
    SourceReader<T, SplitT> reader;
    try {
      reader = source.createReader(new SourceReaderContext() {
        @Override
        public int getIndexOfSubtask() {
          return subtask;
        }

        @Override
        public int currentParallelism() {
          return node.parallelism();
        }

        @Override
        public void sendSplitRequest() {
          coordinator.handleSplitRequest(subtask);
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException(node.name() + ": creating the source reader of subtask " + subtask + " failed: " + e, e);
    }
    SourceReaderDriver<T, SplitT> driver = new SourceReaderDriver<>(
        reader, output, context, watermarkStrategy, settings.autoWatermarkInterval(),
        () -> coordinator.registerReader(subtask));
    coordinator.attach(subtask, task, driver);
    task.setSourceDriver(driver);
  }

  private final Map<StreamNode, SourceCoordinator<?>> coordinatorsByNode = new IdentityHashMap<>();

  private <SplitT extends SourceSplit> SourceCoordinator<SplitT> coordinatorFor(Source<?, SplitT, ?> source, StreamNode node) {
    SourceCoordinator<?> existing = coordinatorsByNode.get(node);
    if (existing != null) {
      return cast(existing);
    }
    SourceCoordinator<SplitT> coordinator = new SourceCoordinator<>(node.name(), node.parallelism());
    coordinatorsByNode.put(node, coordinator);
    coordinators.add(coordinator);
    String uid = uids.get(node);
    coordinatorStarts.add(() -> {
      try {
        coordinator.start(source, restored != null && restored.has(uid) ? restored.enumeratorState(uid) : null);
      } catch (Exception e) {
        throw new IllegalStateException(node.name() + ": starting the split enumerator failed: " + e, e);
      }
    });
    return coordinator;
  }
}
