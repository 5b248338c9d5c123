package io.millrace.state.internal;

import io.millrace.state.StateBackend;
import io.millrace.state.heap.HashMapStateBackend;
import io.millrace.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.nio.file.Path;

/** The keyed state backends that every contract test runs on. */
enum Backend {
  HEAP {
    @Override
    StateBackend config(Path localDirectory) {
      return new HashMapStateBackend();
    }
  },
  ROCKSDB {
    @Override
    StateBackend config(Path localDirectory) {
      return new EmbeddedRocksDBStateBackend().setLocalDirectory(localDirectory);
    }
  };

  /** The user's configuration object of this backend. */
  abstract StateBackend config(Path localDirectory);
}
