package io.millrace.api;

/**
 * The stream produced by one operator, with the methods that configure that operator.
 *
 * @param <T> element type
 */
public interface SingleOutputStreamOperator<T> extends DataStream<T> {

  /** Sets the operator's name, shown in logs and errors. */
  SingleOutputStreamOperator<T> name(String name);

  /** Sets the operator's stable id, used to match its state on restore. Unique per job. */
  SingleOutputStreamOperator<T> uid(String uid);

  /** Sets the operator's parallelism (at least 1). */
  SingleOutputStreamOperator<T> setParallelism(int parallelism);

  /** Sets the operator's max parallelism (the number of key groups, 1 to 32768). */
  SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism);

  /** Declares the element type where a lambda erases it. */
  SingleOutputStreamOperator<T> returns(Class<T> type);

  /** The side output named {@code tag} of this operator. */
  <X> DataStream<X> getSideOutput(OutputTag<X> tag);

  /** Runs this operator in a task of its own, not chained to its neighbours. */
  SingleOutputStreamOperator<T> disableChaining();

  /** Starts a new chain at this operator (it is not chained to its predecessor). */
  SingleOutputStreamOperator<T> startNewChain();
}
