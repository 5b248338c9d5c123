package io.millrace.state.serialization;

import java.io.DataInputStream;
import java.io.InputStream;

/** A {@link DataInputView} over an {@link InputStream}; for snapshots and files, not per record. */
public final class DataInputViewStreamWrapper extends DataInputStream implements DataInputView {
  /** Reads from {@code in}; closing this wrapper closes {@code in}. */
  public DataInputViewStreamWrapper(InputStream in) {
    super(in);
  }
}
