package io.millrace.runtime.graph;

import java.util.List;

/**
 * One step of a job as the fluent API records it: a source, an operator, a sink, or a virtual
 * step (partitioning, union, side output) that only shapes the edges. Plain data: the job
 * graph builder (and, one day, a runner for another engine) reads it; nothing here runs.
 *
 * @param <T> the type of the elements this step produces
 */
public abstract class Transformation<T> {
  /** Parallelism not set: the environment's default applies. */
  public static final int DEFAULT = -1;

  private final int id;
  private final String kind;
  private final String functionDescription;
  private final int generation;
  private String name;
  private String uid;
  private int parallelism = DEFAULT;
  private int maxParallelism = DEFAULT;
  private boolean chainingDisabled;
  private boolean startsNewChain;
  private boolean needsWatermarks;
  private boolean producesWatermarks;
  private Class<T> outputType;

  protected Transformation(int id, String kind, String functionDescription, int generation) {
    this.id = id;
    this.kind = kind;
    this.functionDescription = functionDescription;
    this.generation = generation;
  }

  /** The inputs of this step, in input order. */
  public abstract List<Transformation<?>> inputs();

  /** Whether this step only shapes edges (partitioning, union, side output). */
  public boolean isVirtual() {
    return false;
  }

  /** A unique, readable name: {@code kind@id (function or user-given name)}. */
  public String readableName() {
    return kind + "@" + id + " (" + (name != null ? name : functionDescription) + ")";
  }

  public int id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  /** The job this step belongs to: the environment's count of executions when it was added. */
  public int generation() {
    return generation;
  }

  public String name() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String uid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  /** The parallelism set on this step, or {@link #DEFAULT}. */
  public int parallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    this.parallelism = parallelism;
  }

  /** The max parallelism set on this step, or {@link #DEFAULT}. */
  public int maxParallelism() {
    return maxParallelism;
  }

  public void setMaxParallelism(int maxParallelism) {
    this.maxParallelism = maxParallelism;
  }

  public boolean chainingDisabled() {
    return chainingDisabled;
  }

  public void disableChaining() {
    this.chainingDisabled = true;
  }

  public boolean startsNewChain() {
    return startsNewChain;
  }

  public void startNewChain() {
    this.startsNewChain = true;
  }

  /** Whether this step works in event time and so needs watermarks from upstream. */
  public boolean needsWatermarks() {
    return needsWatermarks;
  }

  /** Marks this step as working in event time (event-time windows, joins, CEP). */
  public void setNeedsWatermarks() {
    this.needsWatermarks = true;
  }

  /** Whether this step generates watermarks ({@code assignTimestampsAndWatermarks}). */
  public boolean producesWatermarks() {
    return producesWatermarks;
  }

  /** Marks this step as a generator of watermarks. */
  public void setProducesWatermarks() {
    this.producesWatermarks = true;
  }

  public Class<T> outputType() {
    return outputType;
  }

  public void setOutputType(Class<T> outputType) {
    this.outputType = outputType;
  }

  @Override
  public String toString() {
    return readableName();
  }
}
