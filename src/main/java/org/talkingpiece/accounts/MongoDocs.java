package org.talkingpiece.accounts;

import com.mongodb.MongoException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.talkingpiece.shared.AppException;
import org.talkingpiece.store.Database;

/** The few conversions the account stores share: dates, duplicate keys and storage failures. */
final class MongoDocs {
  private MongoDocs() {}

  /** A BSON date as the Vert.x client writes it, so TTL indexes and range queries work. */
  static JsonObject date(Instant instant) {
    return new JsonObject().put("$date", instant.toString());
  }

  /** Reads a date written by {@link #date}; {@code null} when absent. */
  static Instant instant(JsonObject doc, String field) {
    Object v = doc.getValue(field);
    if (v instanceof JsonObject o) {
      Object d = o.getValue("$date");
      return d instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.parse(String.valueOf(d));
    }
    if (v instanceof String s) {
      return Instant.parse(s);
    }
    if (v instanceof Instant i) {
      return i;
    }
    return null;
  }

  /** True for a unique-index violation (E11000), however the driver wrapped it. */
  static boolean duplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MongoException m && m.getCode() == 11000) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("E11000")) {
        return true;
      }
    }
    return false;
  }

  /** Keeps {@link AppException}s as they are and reports anything else as the database not answering. */
  static <T> Future<T> storageFailure(Throwable e) {
    return Future.failedFuture(e instanceof AppException ? e : Database.unavailable(e));
  }
}
