package io.millrace.api.source;

/**
 * Where a {@link SourceReader} emits. A reader that reads several splits with their own event
 * time (such as Kafka partitions) should emit each split's records through
 * {@link #createOutputForSplit}: each split then gets its own watermark generator, and the
 * reader's watermark is the minimum over its active splits.
 *
 * @param <T> element type
 */
public interface ReaderOutput<T> extends SourceOutput<T> {
  /** The output of split {@code splitId}, created on first use; same id, same output. */
  SourceOutput<T> createOutputForSplit(String splitId);

  /** Forgets the output of a finished split, so it no longer holds the watermark back. */
  void releaseOutputForSplit(String splitId);
}
