package org.talkingpiece.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.talkingpiece.session.Addresses;
import org.talkingpiece.support.Api;
import org.talkingpiece.support.RawBridgeClient;
import org.talkingpiece.support.TestServer;

/**
 * A session on a running test server, driven as the console and the participants' phones drive it:
 * created through the API, joined by code, commands sent over the bridge with each one's token.
 */
final class LiveSession implements AutoCloseable {
  final String id;
  final String joinCode;
  final String console;
  final Map<String, JsonObject> people = new LinkedHashMap<>();
  private final Api api;
  private final RawBridgeClient bridge;

  private LiveSession(Api api, RawBridgeClient bridge, JsonObject created, String console) {
    this.api = api;
    this.bridge = bridge;
    this.id = created.getString("id");
    this.joinCode = created.getString("joinCode");
    this.console = console;
  }

  /** Creates a session of {@code module} with {@code settings} (may be null) as the facilitator. */
  static LiveSession create(Vertx vertx, TestServer server, Api api, String facilitator, String module,
      JsonObject settings) throws Exception {
    JsonObject body = new JsonObject().put("module", module);
    if (settings != null) {
      body.put("settings", settings);
    }
    HttpResponse<Buffer> r = api.call(HttpMethod.POST, "/api/sessions", facilitator, body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    JsonObject created = r.bodyAsJsonObject();
    return new LiveSession(api, RawBridgeClient.connect(vertx, server.port()), created,
        api.consoleToken(facilitator, created.getString("id")));
  }

  /** Someone joins by code; returns their participant id. */
  String join(String name) {
    JsonObject joined = api.join(joinCode, name);
    people.put(name, joined);
    return joined.getString("participantKey");
  }

  String idOf(String name) {
    return people.get(name).getString("participantKey");
  }

  /** A command from the console; fails the test unless it is accepted. Returns the reply body. */
  JsonObject facilitator(String command, JsonObject args) throws Exception {
    return send(console, command, args);
  }

  JsonObject facilitator(String command) throws Exception {
    return send(console, command, null);
  }

  JsonObject give(String name) throws Exception {
    return facilitator("floor.give-floor", new JsonObject().put("participantId",
        "facilitator".equals(name) ? "facilitator" : idOf(name)));
  }

  /** A command from one participant's phone. */
  JsonObject participant(String name, String command, JsonObject args) throws Exception {
    return send(people.get(name).getString("token"), command, args);
  }

  private JsonObject send(String token, String command, JsonObject args) throws Exception {
    String reply = "r-" + System.nanoTime();
    JsonObject body = new JsonObject().put("command", command);
    if (args != null) {
      body.put("args", args);
    }
    bridge.send(Addresses.command(id), token, body, reply);
    JsonObject got = bridge.nextMatching(f -> reply.equals(f.getString("address")), 10_000);
    assertThat(got).as(command + " answered").isNotNull();
    assertThat(got.getString("type")).as(command + " accepted: " + got.encode()).isNotEqualTo("err");
    return got.getJsonObject("body");
  }

  @Override
  public void close() {
    bridge.close();
  }
}
