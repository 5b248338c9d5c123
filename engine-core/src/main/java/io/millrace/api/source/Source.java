package io.millrace.api.source;

import io.millrace.api.functions.Function;

/**
 * The split-based source: an enumerator discovers splits and assigns them to one reader per
 * parallel instance; readers are polled by the engine, so a reader never blocks the thread and
 * its position is checkpointed per split. Connectors implement this interface.
 *
 * <pre>{@code
 * env.fromSource(new DataGeneratorSource<>(i -> "event-" + i, 1_000_000, String.class),
 *     WatermarkStrategy.noWatermarks(), "generator");
 * }</pre>
 *
 * @param <T> element type
 * @param <SplitT> split type
 * @param <EnumChkT> the enumerator's checkpoint type
 */
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Function {
  /** Whether the source ends by itself. */
  Boundedness getBoundedness();

  /** Creates the enumerator for a fresh start. */
  SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> context)
      throws Exception;

  /** Creates the enumerator from its checkpointed state. */
  SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(
      SplitEnumeratorContext<SplitT> context, EnumChkT checkpoint) throws Exception;

  /** Creates the reader of one parallel instance. */
  SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;
}
