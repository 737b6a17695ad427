package org.talkingpiece.accounts;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A bearer token just issued. The token itself exists only here and in the client's hands; the
 * server keeps only its SHA-256 hash.
 */
public record IssuedToken(String token, Instant expiresAt) {
  /** Never prints the token, so logging this value cannot leak it. */
  @Override
  public String toString() {
    return "IssuedToken[token=***, expiresAt=" + expiresAt + "]";
  }

  /** {@code {token, expiresAt}} with the expiry in ISO-8601. */
  public JsonObject toJson() {
    return new JsonObject().put("token", token).put("expiresAt", expiresAt.toString());
  }
}
