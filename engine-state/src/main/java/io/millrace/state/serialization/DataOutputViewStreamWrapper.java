package io.millrace.state.serialization;

import java.io.DataOutputStream;
import java.io.OutputStream;

/** A {@link DataOutputView} over an {@link OutputStream}; for snapshots and files, not per record. */
public final class DataOutputViewStreamWrapper extends DataOutputStream implements DataOutputView {
  /** Writes to {@code out}; closing this wrapper closes {@code out}. */
  public DataOutputViewStreamWrapper(OutputStream out) {
    super(out);
  }
}
