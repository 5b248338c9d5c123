package io.millrace.runtime.graph;

import java.util.ArrayList;
import java.util.List;

/** A physical operator of the job graph with its resolved parallelism and its edges. */
public final class StreamNode {
  private final Transformation<?> transformation;
  private final int parallelism;
  private final int maxParallelism;
  final List<StreamEdge> inEdges = new ArrayList<>();
  final List<StreamEdge> outEdges = new ArrayList<>();
  JobVertex vertex;

  StreamNode(Transformation<?> transformation, int parallelism, int maxParallelism) {
    this.transformation = transformation;
    this.parallelism = parallelism;
    this.maxParallelism = maxParallelism;
  }

  public Transformation<?> transformation() {
    return transformation;
  }

  public int parallelism() {
    return parallelism;
  }

  public int maxParallelism() {
    return maxParallelism;
  }

  public List<StreamEdge> inEdges() {
    return inEdges;
  }

  public List<StreamEdge> outEdges() {
    return outEdges;
  }

  /** The vertex (chain) this node runs in. */
  public JobVertex vertex() {
    return vertex;
  }

  public String name() {
    return transformation.readableName();
  }

  @Override
  public String toString() {
    return name() + " x" + parallelism;
  }
}
