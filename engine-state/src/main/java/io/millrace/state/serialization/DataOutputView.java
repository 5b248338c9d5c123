package io.millrace.state.serialization;

import java.io.DataOutput;

/**
 * The target of {@link TypeSerializer#serialize}: a {@link DataOutput} (big-endian, as
 * {@link java.io.DataOutputStream}). Implementations: {@link DataOutputSerializer} (a reusable
 * in-memory buffer, for the state hot path) and {@link DataOutputViewStreamWrapper} (over a
 * stream, for snapshots and files).
 */
public interface DataOutputView extends DataOutput {}
