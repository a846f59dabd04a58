package org.svmsim.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.svmsim.scenario.unit.BadValueException;

/**
 * The one place that configures Jackson: strict binding (unknown fields, missing or null values, and
 * floats for integers all fail), ISO-8601 instants, and readable YAML; scenarios and summaries use the
 * shared mappers, events.jsonl its own compact one ({@link #eventLines()}). The shared mappers must not
 * be reconfigured ({@code copy()} one instead).
 */
public final class Mappers {
  /** Built on first use: a JVM that only prints YAML need not build the JSON mapper, and vice versa. */
  private static final class Yaml {
    static final ObjectMapper MAPPER = strict(YAMLMapper.builder(YAMLFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .disable(YAMLGenerator.Feature.SPLIT_LINES));
  }

  private static final class Json {
    static final ObjectMapper MAPPER = strict(JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(SerializationFeature.INDENT_OUTPUT));
  }

  private static final class Compact {
    static final ObjectMapper MAPPER = strict(JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION));
  }

  private Mappers() {}

  public static ObjectMapper yaml() {
    return Yaml.MAPPER;
  }

  public static ObjectMapper json() {
    return Json.MAPPER;
  }

  /** JSON on one line (data embedded in report.html, for one). */
  public static ObjectMapper compactJson() {
    return Compact.MAPPER;
  }

  /**
   * A new mapper for one JSON object a line (events.jsonl): no indentation, unknown fields and duplicate
   * keys fail. Each caller gets its own, to register its types on.
   */
  public static ObjectMapper eventLines() {
    return JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
  }

  private static ObjectMapper strict(MapperBuilder<?, ?> b) {
    return b.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .addModule(instants())
        .build();
  }

  /** ISO-8601 UTC instants as text, without pulling in the whole java.time module. */
  private static SimpleModule instants() {
    SimpleModule m = new SimpleModule("svmsim-instants");
    m.addSerializer(Instant.class, new JsonSerializer<>() {
      @Override
      public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
        g.writeString(v.toString());
      }
    });
    m.addDeserializer(Instant.class, new JsonDeserializer<>() {
      @Override
      public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
        String text = p.getValueAsString();
        try {
          return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
          throw BadValueException.of(text, "expected an ISO-8601 UTC instant like 2016-05-19T12:41:00.000Z");
        }
      }
    });
    return m;
  }
}
