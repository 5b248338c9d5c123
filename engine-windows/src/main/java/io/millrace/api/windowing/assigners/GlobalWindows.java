package io.millrace.api.windowing.assigners;

import io.millrace.api.windowing.GlobalWindow;
import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.TriggerResult;
import io.millrace.api.windowing.WindowAssigner;
import io.millrace.state.serialization.TypeSerializer;
import java.util.Collection;
import java.util.List;

/**
 * Puts every element of a key into the one {@link GlobalWindow}. Its default trigger never
 * fires, so a custom trigger is needed (count windows use a {@code CountTrigger}); the
 * window is never cleaned up by time.
 *
 * <pre>{@code
 * keyed.window(GlobalWindows.create()).trigger(CountTrigger.of(100))
 * }</pre>
 */
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
  private static final long serialVersionUID = 1L;

  private final Trigger<Object, GlobalWindow> defaultTrigger;

  private GlobalWindows(Trigger<Object, GlobalWindow> defaultTrigger) {
    this.defaultTrigger = defaultTrigger;
  }

  /** The global window assigner whose default trigger never fires. */
  public static GlobalWindows create() {
    return new GlobalWindows(new NeverTrigger());
  }

  /** The global window assigner whose default trigger fires once, at the end of the input. */
  public static GlobalWindows createWithEndOfStreamTrigger() {
    return new GlobalWindows(new EndOfStreamTrigger());
  }

  @Override
  public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    return List.of(GlobalWindow.get());
  }

  @Override
  public Trigger<Object, GlobalWindow> getDefaultTrigger() {
    return defaultTrigger;
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public String toString() {
    return "GlobalWindows()";
  }

  /** A trigger that never fires: the default of {@link GlobalWindows#create()}. */
  public static final class NeverTrigger extends Trigger<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {}

    @Override
    public boolean canMerge() {
      return true;
    }

    @Override
    public void onMerge(GlobalWindow window, OnMergeContext ctx) {}

    @Override
    public String toString() {
      return "NeverTrigger()";
    }
  }

  /** Fires once when the final watermark ({@code Long.MAX_VALUE}) arrives at the end of the input. */
  public static final class EndOfStreamTrigger extends Trigger<Object, GlobalWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
      return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
      return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {
      ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
      return "EndOfStreamTrigger()";
    }
  }

  /** Windows are written as {@link GlobalWindow.Serializer}. */
  @Override
  public TypeSerializer<GlobalWindow> getWindowSerializer() {
    return GlobalWindow.Serializer.INSTANCE;
  }
}
