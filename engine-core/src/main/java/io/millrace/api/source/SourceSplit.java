package io.millrace.api.source;

/** A part of a source's input that one reader reads: a file, a partition, a range of numbers. */
public interface SourceSplit {
  /** An id unique within the source. */
  String splitId();
}
