package io.millrace.api.windowing.triggers;

import io.millrace.api.windowing.Trigger;
import io.millrace.api.windowing.TriggerResult;
import io.millrace.api.windowing.Window;
import java.util.Objects;

/**
 * Turns every {@code FIRE} of the trigger it wraps into {@code FIRE_AND_PURGE}: the window's
 * contents are discarded after each evaluation.
 *
 * <pre>{@code
 * keyed.window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(100)))
 * }</pre>
 *
 * @param <T> element type
 * @param <W> window type
 */
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
  private static final long serialVersionUID = 1L;

  private final Trigger<T, W> nested;

  private PurgingTrigger(Trigger<T, W> nested) {
    this.nested = nested;
  }

  /** Wraps {@code nested}. */
  public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> nested) {
    return new PurgingTrigger<>(Objects.requireNonNull(nested, "nested trigger must not be null for PurgingTrigger.of(...)"));
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
    return purging(nested.onElement(element, timestamp, window, ctx));
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    return purging(nested.onEventTime(time, window, ctx));
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
    return purging(nested.onProcessingTime(time, window, ctx));
  }

  private static TriggerResult purging(TriggerResult result) {
    return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    nested.clear(window, ctx);
  }

  @Override
  public boolean canMerge() {
    return nested.canMerge();
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    nested.onMerge(window, ctx);
  }

  /** The wrapped trigger. */
  public Trigger<T, W> getNestedTrigger() {
    return nested;
  }

  @Override
  public String toString() {
    return "PurgingTrigger(" + nested + ")";
  }
}
