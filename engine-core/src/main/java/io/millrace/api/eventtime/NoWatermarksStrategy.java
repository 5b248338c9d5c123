package io.millrace.api.eventtime;

/** The strategy behind {@link WatermarkStrategy#noWatermarks()}. */
final class NoWatermarksStrategy<T> implements WatermarkStrategy<T> {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean producesWatermarks() {
    return false;
  }
}
