package io.millrace.cep.internal.buffer;

/**
 * An edge of the shared buffer: from a node to the node the partial match took before it (null
 * for the first event of a match), written by the run of {@code version}. Reference counted: the
 * edge goes when no partial match reaches it any more. Mutable count, otherwise immutable.
 */
public final class BufferEdge {
  private final NodeId target;
  private final DeweyNumber version;
  private int references;

  /** An edge to {@code target} (null: start of a match) by the run {@code version}, with {@code references}. */
  public BufferEdge(NodeId target, DeweyNumber version, int references) {
    this.target = target;
    this.version = version;
    this.references = references;
  }

  /** The previous node, or null at the start of a match. */
  public NodeId target() {
    return target;
  }

  /** The version of the run that wrote the edge. */
  public DeweyNumber version() {
    return version;
  }

  int references() {
    return references;
  }

  void lock() {
    references++;
  }

  /** Drops one reference; true when none is left. */
  boolean release() {
    if (references <= 0) {
      return true;
    }
    references--;
    return references == 0;
  }

  @Override
  public String toString() {
    return "->" + target + "/" + version + "x" + references;
  }
}
