package org.talkingpiece.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/** The JSON API as a test uses it: bearer tokens, accounts, sessions and joins, each call awaited. */
public final class Api {
  private final WebClient client;

  public Api(Vertx vertx, TestServer server) {
    this.client = server.client(vertx);
  }

  public HttpResponse<Buffer> call(HttpMethod method, String path, String token, Object body) {
    try {
      var request = client.request(method, path).putHeader("Accept", "application/json");
      if (token != null) {
        request.putHeader("Authorization", "Bearer " + token);
      }
      var sent = body == null ? request.send() : request.sendJson(body);
      return sent.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " did not answer", e);
    }
  }

  public String token(String username, String password) {
    HttpResponse<Buffer> r = call(HttpMethod.POST, "/api/auth/token", null,
        new JsonObject().put("username", username).put("password", password));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("sign-in failed: " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  public String adminToken() {
    return token("admin", TestServer.ADMIN_PASSWORD);
  }

  /** Creates an account with the given roles and returns its bearer token. */
  public String account(String username, String... roles) {
    String password = "password-of-" + username;
    HttpResponse<Buffer> r = call(HttpMethod.POST, "/api/admin/accounts", adminToken(), new JsonObject()
        .put("username", username).put("password", password).put("roles", new JsonArray(java.util.List.of(roles))));
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new IllegalStateException("account not created: " + r.statusCode() + " " + r.bodyAsString());
    }
    return token(username, password);
  }

  /** Starts a session of a shipped module; returns the API's answer. */
  public JsonObject createSession(String facilitatorToken, String module) {
    HttpResponse<Buffer> r = call(HttpMethod.POST, "/api/sessions", facilitatorToken, new JsonObject().put("module", module));
    if (r.statusCode() != 201) {
      throw new IllegalStateException("session not created: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  /** Joins by code; returns {sessionId, participantKey, token, name}. */
  public JsonObject join(String code, String name) {
    JsonObject body = new JsonObject().put("code", code);
    if (name != null) {
      body.put("name", name);
    }
    HttpResponse<Buffer> r = call(HttpMethod.POST, "/api/join", null, body);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("join failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  public String consoleToken(String facilitatorToken, String sessionId) {
    return call(HttpMethod.POST, "/api/sessions/" + sessionId + "/console-token", facilitatorToken, null)
        .bodyAsJsonObject().getString("token");
  }
}
