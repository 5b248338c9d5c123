package io.millrace.runtime.checkpoint;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes {@code _metadata}: the JSON envelope {@code {formatVersion, crc32c,
 * checkpoint}} around a {@link CheckpointMetadata} (format in the package documentation).
 */
final class MetadataFile {
  /** The file's name in a checkpoint or savepoint directory. */
  static final String NAME = "_metadata";

  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MetadataFile() {}

  /** Writes {@code metadata} to {@code directory/_metadata} atomically and durably. */
  static void write(Path directory, CheckpointMetadata metadata) throws IOException {
    JsonNode content = MAPPER.valueToTree(metadata);
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.put("formatVersion", FORMAT_VERSION);
    envelope.put("crc32c", DurableFiles.crc32c(MAPPER.writeValueAsBytes(content)));
    envelope.set("checkpoint", content);
    byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(envelope);
    DurableFiles.writeAtomically(directory.resolve(NAME), bytes);
  }

  /**
   * Reads and verifies {@code directory/_metadata}.
   *
   * @throws CorruptCheckpointException if it is missing, truncated, not the expected JSON, of an
   *     unknown version, or its checksum does not match
   */
  static CheckpointMetadata read(Path directory) throws IOException {
    Path file = directory.resolve(NAME);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CorruptCheckpointException(file, "no metadata file: " + directory
          + " is not a completed checkpoint or savepoint (it was aborted, or is still being written)");
    }
    JsonNode envelope;
    try {
      envelope = MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      throw new CorruptCheckpointException(file,
          "not valid JSON (truncated or overwritten, " + bytes.length + " bytes)", e);
    }
    if (envelope == null || !envelope.isObject()) {
      throw new CorruptCheckpointException(file, "empty or not a JSON object (" + bytes.length + " bytes)");
    }
    JsonNode version = envelope.get("formatVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new CorruptCheckpointException(file, "no formatVersion");
    }
    if (version.asInt() != FORMAT_VERSION) {
      throw new CorruptCheckpointException(file, "unknown format version " + version.asInt()
          + " (this Millrace reads version " + FORMAT_VERSION + "); restore with a newer Millrace");
    }
    JsonNode content = envelope.get("checkpoint");
    JsonNode recorded = envelope.get("crc32c");
    if (content == null || recorded == null) {
      throw new CorruptCheckpointException(file, "the checkpoint or crc32c field is missing");
    }
    String actual = DurableFiles.crc32c(MAPPER.writeValueAsBytes(content));
    if (!actual.equals(recorded.asText())) {
      throw new CorruptCheckpointException(file,
          "checksum mismatch: recorded " + recorded.asText() + ", content has " + actual);
    }
    try {
      return MAPPER.treeToValue(content, CheckpointMetadata.class);
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      throw new CorruptCheckpointException(file, "unexpected content: " + e.getMessage(), e);
    }
  }
}
