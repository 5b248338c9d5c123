package io.millrace.runtime.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain of operators that run in one task per subtask: the head receives the task's input,
 * the others are called by their predecessor.
 */
public final class JobVertex {
  private final int id;
  private final List<StreamNode> chain = new ArrayList<>();

  JobVertex(int id) {
    this.id = id;
  }

  public int id() {
    return id;
  }

  /** The chained nodes, head first, each after its chained predecessor. */
  public List<StreamNode> chain() {
    return chain;
  }

  public StreamNode head() {
    return chain.get(0);
  }

  public int parallelism() {
    return head().parallelism();
  }

  /** A readable name of the chain: its operators joined by arrows. */
  public String name() {
    StringBuilder name = new StringBuilder();
    for (StreamNode node : chain) {
      if (name.length() > 0) {
        name.append(" -> ");
      }
      name.append(node.name());
    }
    return name.toString();
  }

  @Override
  public String toString() {
    return name() + " x" + parallelism();
  }
}
