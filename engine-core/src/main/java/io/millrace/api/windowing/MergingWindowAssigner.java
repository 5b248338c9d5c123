package io.millrace.api.windowing;

import java.util.Collection;

/**
 * An assigner whose windows can merge (session windows).
 *
 * @param <T> element type
 * @param <W> window type
 */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
  private static final long serialVersionUID = 1L;

  /** Finds which of {@code windows} merge, reporting each merge to {@code callback}. */
  public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /**
   * Receives merges.
   *
   * @param <W> window type
   */
  @FunctionalInterface
  public interface MergeCallback<W> {
    /** {@code toBeMerged} (two or more windows) merge into {@code mergeResult}. */
    void merge(Collection<W> toBeMerged, W mergeResult);
  }
}
