package org.talkingpiece.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Prepares a bench run through the public JSON API, the way a facilitator and participants would:
 * sign in, create a facilitator, start sessions of a shipped module, join participants by code.
 */
final class Setup {
  static final String ADMIN_PASSWORD = "bench-admin-password";
  static final String MODULE = "understanding-privilege";
  private static final String FACILITATOR = "bench-facilitator";
  private static final String FACILITATOR_PASSWORD = "bench-facilitator-password";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private String facilitatorToken;

  Setup(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A session and the people in it, with what each needs to connect. */
  record Session(String id, String joinCode, String consoleToken, List<Participant> participants) {}

  record Participant(String id, String token) {}

  /** Signs in as the admin and creates the facilitator account the sessions belong to. */
  void facilitator() throws Exception {
    String admin = token("admin", ADMIN_PASSWORD);
    post("/api/admin/accounts", admin, new JsonObject().put("username", FACILITATOR)
        .put("password", FACILITATOR_PASSWORD).put("roles", new JsonArray().add("FACILITATOR")), 201);
    facilitatorToken = token(FACILITATOR, FACILITATOR_PASSWORD);
  }

  /** Creates a session of the bench module and a console token for it. */
  Session session() throws Exception {
    JsonObject created = post("/api/sessions", facilitatorToken, new JsonObject().put("module", MODULE), 201);
    String id = created.getString("id");
    String console = post("/api/sessions/" + id + "/console-token", facilitatorToken, null, 200).getString("token");
    return new Session(id, created.getString("joinCode"), console, new ArrayList<>());
  }

  /** Joins {@code count} participants to each session, {@code parallel} requests at a time. */
  void join(List<Session> sessions, int count, int parallel) throws Exception {
    Semaphore slots = new Semaphore(parallel);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (Session s : sessions) {
      List<Participant> joined = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        slots.acquire();
        JsonObject body = new JsonObject().put("code", s.joinCode()).put("name", "Participant " + (i + 1));
        all.add(http.sendAsync(request("/api/join", null, body), HttpResponse.BodyHandlers.ofString())
            .whenComplete((r, e) -> slots.release())
            .thenAccept(r -> {
              JsonObject answer = check(r, 201, "/api/join");
              synchronized (joined) {
                joined.add(new Participant(answer.getString("participantKey"), answer.getString("token")));
              }
            }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
      s.participants().addAll(joined);
    }
  }

  private String token(String username, String password) throws Exception {
    return post("/api/auth/token", null, new JsonObject().put("username", username).put("password", password), 200)
        .getString("token");
  }

  private JsonObject post(String path, String token, JsonObject body, int expected) throws Exception {
    return check(http.send(request(path, token, body), HttpResponse.BodyHandlers.ofString()), expected, path);
  }

  private HttpRequest request(String path, String token, JsonObject body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  private static JsonObject check(HttpResponse<String> r, int expected, String path) {
    if (r.statusCode() != expected) {
      throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
  }
}
