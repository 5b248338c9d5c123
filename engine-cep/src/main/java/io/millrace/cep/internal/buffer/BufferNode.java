package io.millrace.cep.internal.buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of the shared buffer: the edges to the nodes taken before it, and the number of
 * references from partial matches and later nodes. Mutable; lives in keyed state.
 */
public final class BufferNode {
  private final List<BufferEdge> edges;
  private int references;

  BufferNode() {
    this(new ArrayList<>(2), 0);
  }

  BufferNode(List<BufferEdge> edges, int references) {
    this.edges = edges;
    this.references = references;
  }

  /** The edges, in the order they were added. */
  public List<BufferEdge> edges() {
    return edges;
  }

  int references() {
    return references;
  }

  void lock() {
    references++;
  }

  boolean release() {
    if (references <= 0) {
      return true;
    }
    references--;
    return references == 0;
  }

  @Override
  public String toString() {
    return "Node" + edges + "x" + references;
  }
}
