package io.millrace.api.functions;

/**
 * Base class for rich functions: stores the runtime context and gives {@code open} and
 * {@code close} empty defaults.
 */
public abstract class AbstractRichFunction implements RichFunction {
  private static final long serialVersionUID = 1L;

  private transient RuntimeContext runtimeContext;

  @Override
  public void open(OpenContext openContext) throws Exception {}

  @Override
  public void close() throws Exception {}

  @Override
  public RuntimeContext getRuntimeContext() {
    if (runtimeContext == null) {
      throw new IllegalStateException(
          "The runtime context of " + getClass().getName() + " is not set yet: "
              + "use getRuntimeContext() in open() or later, not in the constructor.");
    }
    return runtimeContext;
  }

  @Override
  public void setRuntimeContext(RuntimeContext runtimeContext) {
    this.runtimeContext = runtimeContext;
  }
}
