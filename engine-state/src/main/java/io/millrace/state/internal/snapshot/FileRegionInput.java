package io.millrace.state.internal.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A {@link SnapshotInput} over a region of an open file; closing it closes the file. */
final class FileRegionInput implements SnapshotInput {
  private final FileChannel channel;
  private final String description;
  private final long start;
  private final long length;

  FileRegionInput(FileChannel channel, String description, long start, long length) {
    this.channel = channel;
    this.description = description;
    this.start = start;
    this.length = length;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public long size() {
    return length;
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int count) throws IOException {
    if (position < 0 || position + count > length) {
      throw new EOFException(
          description + " has " + length + " bytes; cannot read " + count
              + " bytes at position " + position);
    }
    ByteBuffer target = ByteBuffer.wrap(buffer, offset, count);
    long at = start + position;
    while (target.hasRemaining()) {
      int read = channel.read(target, at);
      if (read < 0) {
        throw new EOFException(description + " ended at " + (at - start) + " bytes");
      }
      at += read;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  @Override
  public String toString() {
    return description;
  }
}
