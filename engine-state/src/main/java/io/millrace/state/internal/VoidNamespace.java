package io.millrace.state.internal;

/** The namespace of state that has no namespace (everything but window and CEP state). */
public final class VoidNamespace {
  /** The only instance. */
  public static final VoidNamespace INSTANCE = new VoidNamespace();

  private VoidNamespace() {}

  @Override
  public String toString() {
    return "VoidNamespace";
  }
}
