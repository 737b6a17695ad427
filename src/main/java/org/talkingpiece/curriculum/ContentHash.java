package org.talkingpiece.curriculum;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SHA-256 over a canonical JSON form of a module's authored content: object keys sorted, no
 * whitespace, whole numbers without a fraction. The same content always hashes the same, whatever
 * the key order or YAML style it was written in.
 *
 * <p>Left out: the server fields ({@code _id}, {@code updatedAt}, {@code updatedBy},
 * {@code contentHash}) and {@code status}. Status is lifecycle, not content: publishing or retiring
 * a version must not make its shipped file look changed, or the importer would refuse that file
 * on every start.
 */
public final class ContentHash {
  /** Fields that are not part of the authored content. */
  public static final Set<String> EXCLUDED = Set.of("_id", "updatedAt", "updatedBy", "contentHash", "status");

  private ContentHash() {}

  public static String of(JsonObject document) {
    StringBuilder canonical = new StringBuilder();
    JsonObject content = document.copy();
    EXCLUDED.forEach(content::remove);
    write(content, canonical);
    return org.talkingpiece.shared.Hashes.sha256Hex(canonical.toString());
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof JsonObject object) {
      out.append('{');
      String comma = "";
      for (Map.Entry<String, Object> e : new TreeMap<>(object.getMap()).entrySet()) {
        out.append(comma).append(Json.encode(e.getKey())).append(':');
        write(wrap(e.getValue()), out);
        comma = ",";
      }
      out.append('}');
    } else if (value instanceof JsonArray array) {
      out.append('[');
      for (int i = 0; i < array.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(wrap(array.getValue(i)), out);
      }
      out.append(']');
    } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && !Double.isInfinite(n.doubleValue())) {
      out.append(n.longValue());
    } else {
      out.append(Json.encode(value));
    }
  }

  /** Nested values may be raw maps and lists; look at them as Vert.x JSON. */
  @SuppressWarnings("unchecked")
  private static Object wrap(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    if (value instanceof java.util.List<?> list) {
      return new JsonArray((java.util.List<Object>) list);
    }
    return value;
  }
}
