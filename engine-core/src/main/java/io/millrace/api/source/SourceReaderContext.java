package io.millrace.api.source;

/** What a {@link SourceReader} knows about its place in the job. */
public interface SourceReaderContext {
  /** The index of this reader's parallel instance. */
  int getIndexOfSubtask();

  /** The source's parallelism. */
  int currentParallelism();

  /** Asks the enumerator for a split; it answers through {@link SourceReader#addSplits}. */
  void sendSplitRequest();
}
