package io.millrace.api.windowing;

import io.millrace.state.serialization.DataInputView;
import io.millrace.state.serialization.DataOutputView;
import io.millrace.state.serialization.TypeSerializer;
import io.millrace.state.serialization.TypeSerializerSnapshot;

/** The one window of {@code GlobalWindows}: every element of a key, fired by its trigger. */
public final class GlobalWindow extends Window {
  private static final GlobalWindow INSTANCE = new GlobalWindow();

  private GlobalWindow() {}

  /** The global window. */
  public static GlobalWindow get() {
    return INSTANCE;
  }

  @Override
  public long maxTimestamp() {
    return Long.MAX_VALUE;
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }

  /** Writes the global window as nothing: there is only one. */
  public static final class Serializer extends TypeSerializer<GlobalWindow> {
    private static final long serialVersionUID = 1L;

    /** The shared instance. */
    public static final Serializer INSTANCE = new Serializer();

    /** Public for restoring from a serializer snapshot; use {@link #INSTANCE}. */
    public Serializer() {}

    @Override
    public void serialize(GlobalWindow window, DataOutputView out) {}

    @Override
    public GlobalWindow deserialize(DataInputView in) {
      return GlobalWindow.INSTANCE;
    }

    @Override
    public GlobalWindow copy(GlobalWindow window) {
      return window;
    }

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializerSnapshot<GlobalWindow> snapshotConfiguration() {
      return TypeSerializerSnapshot.stateless(this);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Serializer;
    }

    @Override
    public int hashCode() {
      return Serializer.class.hashCode();
    }
  }
}
