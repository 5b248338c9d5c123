package io.millrace.runtime.graph;

import io.millrace.api.OutputTag;
import io.millrace.api.functions.KeySelector;
import io.millrace.state.internal.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the recorded transformations into a {@link JobGraph}: resolves virtual steps into edge
 * properties, fixes each operator's parallelism, validates, and chains operators joined by a
 * forward edge of equal parallelism.
 */
public final class JobGraphBuilder {
  private final int defaultParallelism;
  private final int defaultMaxParallelism;
  private static final Logger LOG = LoggerFactory.getLogger(JobGraphBuilder.class);

  private final Map<Transformation<?>, StreamNode> nodes = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param defaultParallelism the environment's parallelism
   * @param defaultMaxParallelism the environment's max parallelism, or {@link Transformation#DEFAULT}
   */
  public JobGraphBuilder(int defaultParallelism, int defaultMaxParallelism) {
    this.defaultParallelism = defaultParallelism;
    this.defaultMaxParallelism = defaultMaxParallelism;
  }

  /** Builds the graph of everything the sinks read from. */
  public JobGraph build(String jobName, List<Transformation<?>> sinks) {
    if (sinks.isEmpty()) {
      throw new IllegalStateException(
          "The job has no sink, so nothing would consume its results: add one with print(), "
              + "addSink(...) or sinkTo(...) before execute()");
    }
    for (Transformation<?> sink : sinks) {
      node(sink);
    }
    warnAboutEventTimeWithoutWatermarks();
    List<StreamEdge> networkEdges = new ArrayList<>();
    List<JobVertex> vertices = chain(networkEdges);
    return new JobGraph(jobName, vertices, networkEdges);
  }

  /**
   * An event-time operator with no watermark source upstream would only fire at the end of a
   * bounded input — almost always a mistake, so say so when the job is built.
   */
  private void warnAboutEventTimeWithoutWatermarks() {
    for (Transformation<?> transformation : nodes.keySet()) {
      if (transformation.needsWatermarks() && !watermarksReach(transformation, new IdentityHashMap<>())) {
        String warning = transformation.readableName() + " works in event time, but nothing upstream produces "
            + "watermarks, so it fires only when a bounded input ends: give fromSource(...) a WatermarkStrategy "
            + "such as forBoundedOutOfOrderness, or call assignTimestampsAndWatermarks(...) before it";
        warnings.add(warning);
        LOG.warn(warning);
      }
    }
  }

  private static boolean watermarksReach(Transformation<?> transformation, Map<Transformation<?>, Boolean> seen) {
    if (seen.put(transformation, Boolean.TRUE) != null) {
      return false;
    }
    if (transformation.producesWatermarks()) {
      return true;
    }
    if (transformation instanceof SourceTransformation<?> source) {
      // A SourceFunction may emit watermarks itself; only a Source's strategy says for sure.
      return source.sourceFunction() != null || source.watermarkStrategy().producesWatermarks();
    }
    for (Transformation<?> input : transformation.inputs()) {
      if (watermarksReach(input, seen)) {
        return true;
      }
    }
    return false;
  }

  /** The warnings the last {@link #build} logged. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  private StreamNode node(Transformation<?> transformation) {
    StreamNode existing = nodes.get(transformation);
    if (existing != null) {
      return existing;
    }
    int parallelism = parallelismOf(transformation);
    int maxParallelism = transformation.maxParallelism() != Transformation.DEFAULT
        ? transformation.maxParallelism()
        : defaultMaxParallelism != Transformation.DEFAULT
            ? defaultMaxParallelism
            : KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
    StreamNode node = new StreamNode(transformation, parallelism, maxParallelism);
    List<Transformation<?>> inputs = transformation.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      for (Resolved upstream : resolve(inputs.get(i))) {
        StreamNode source = node(upstream.transformation);
        PartitionTransformation.Strategy strategy = upstream.strategy != null
            ? upstream.strategy
            : source.parallelism() == parallelism
                ? PartitionTransformation.Strategy.FORWARD
                : PartitionTransformation.Strategy.REBALANCE;
        StreamEdge edge = new StreamEdge(
            source, node, i + 1, strategy, upstream.keySelector, upstream.partitionName, upstream.tag);
        source.outEdges.add(edge);
        node.inEdges.add(edge);
      }
    }
    // Checked after the inputs, so the most upstream offender is the one named.
    if (maxParallelism < parallelism) {
      throw new IllegalArgumentException(
          transformation.readableName() + ": max parallelism " + maxParallelism + " is below its parallelism "
              + parallelism + "; raise the max parallelism (setMaxParallelism on the operator or the "
              + "environment) or lower the parallelism");
    }
    nodes.put(transformation, node);
    return node;
  }

  private int parallelismOf(Transformation<?> transformation) {
    int parallelism = transformation.parallelism() != Transformation.DEFAULT
        ? transformation.parallelism()
        : defaultParallelism;
    if (transformation instanceof SourceTransformation<?> source && !source.isParallel()) {
      if (transformation.parallelism() > 1) {
        throw new IllegalArgumentException(
            transformation.readableName() + " is a non-parallel source and cannot run with parallelism "
                + transformation.parallelism() + ": implement ParallelSourceFunction, or use fromSequence/fromSource");
      }
      return 1;
    }
    return parallelism;
  }

  /** An upstream physical operator with the edge properties the virtual steps on the way add. */
  private record Resolved(
      Transformation<?> transformation,
      PartitionTransformation.Strategy strategy,
      KeySelector<?, ?> keySelector,
      String partitionName,
      OutputTag<?> tag) {}

  private List<Resolved> resolve(Transformation<?> transformation) {
    if (!transformation.isVirtual()) {
      return List.of(new Resolved(transformation, null, null, null, null));
    }
    List<Resolved> resolved = new ArrayList<>();
    if (transformation instanceof PartitionTransformation<?> partition) {
      for (Resolved upstream : resolve(partition.input())) {
        resolved.add(new Resolved(upstream.transformation, partition.strategy(), partition.keySelector(),
            partition.readableName(), upstream.tag));
      }
    } else if (transformation instanceof UnionTransformation<?> union) {
      for (Transformation<?> input : union.inputs()) {
        resolved.addAll(resolve(input));
      }
    } else if (transformation instanceof SideOutputTransformation<?> side) {
      for (Resolved upstream : resolve(side.inputs().get(0))) {
        resolved.add(new Resolved(upstream.transformation, upstream.strategy, upstream.keySelector,
            upstream.partitionName, side.tag()));
      }
    } else {
      throw new IllegalStateException("unknown virtual transformation " + transformation);
    }
    return resolved;
  }

  private static boolean chainable(StreamEdge edge) {
    StreamNode target = edge.target();
    StreamNode source = edge.source();
    return target.inEdges().size() == 1
        && edge.strategy() == PartitionTransformation.Strategy.FORWARD
        && source.parallelism() == target.parallelism()
        && target.transformation() instanceof OneInputTransformation<?, ?>
        && !target.transformation().startsNewChain()
        && !target.transformation().chainingDisabled()
        && !source.transformation().chainingDisabled();
  }

  private List<JobVertex> chain(List<StreamEdge> networkEdges) {
    List<JobVertex> vertices = new ArrayList<>();
    Map<StreamNode, Boolean> visited = new IdentityHashMap<>();
    // Nodes were created sinks-first; heads are the nodes nobody chains into.
    List<StreamNode> ordered = new ArrayList<>(nodes.values());
    for (StreamNode node : ordered) {
      boolean isHead = node.inEdges().size() != 1 || !chainable(node.inEdges().get(0));
      if (isHead && !visited.containsKey(node)) {
        JobVertex vertex = new JobVertex(vertices.size());
        addToChain(vertex, node, visited);
        vertices.add(vertex);
      }
    }
    for (StreamNode node : ordered) {
      for (StreamEdge edge : node.outEdges()) {
        if (!edge.isChained()) {
          networkEdges.add(edge);
        }
      }
    }
    vertices.sort((a, b) -> Integer.compare(a.head().transformation().id(), b.head().transformation().id()));
    return vertices;
  }

  private void addToChain(JobVertex vertex, StreamNode node, Map<StreamNode, Boolean> visited) {
    visited.put(node, Boolean.TRUE);
    node.vertex = vertex;
    vertex.chain().add(node);
    for (StreamEdge edge : node.outEdges()) {
      if (chainable(edge) && !visited.containsKey(edge.target())) {
        addToChain(vertex, edge.target(), visited);
      }
    }
  }
}
