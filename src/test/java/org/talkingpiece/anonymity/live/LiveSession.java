package org.talkingpiece.anonymity.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.talkingpiece.shared.Ids;
import org.talkingpiece.support.TestServer;

/**
 * A session on a real server, set up the way people do it: the admin adds a facilitator, who starts
 * a session; participants join by code; everyone then speaks over the bridge. Blocking; test thread.
 */
final class LiveSession implements AutoCloseable {
  final TestServer server;
  final Vertx client;
  final WebClient http;
  final String sessionId;
  final String joinCode;
  final String displayToken;
  final BridgeActor facilitator;
  final List<Person> people = new ArrayList<>();

  /** A participant as the test knows them: what the server gave them on joining, and their connection. */
  record Person(String id, String name, String token, BridgeActor bridge) {}

  private LiveSession(TestServer server, Vertx client, WebClient http, JsonObject created, String facilitatorToken)
      throws Exception {
    this.server = server;
    this.client = client;
    this.http = http;
    this.sessionId = created.getString("id");
    this.joinCode = created.getString("joinCode");
    String displayUrl = created.getString("displayUrl");
    this.displayToken = displayUrl.substring(displayUrl.indexOf("key=") + 4);
    this.facilitator = new BridgeActor(client, server.port(), sessionId, facilitatorToken);
  }

  /** A facilitator account, a session of {@code module} with threshold {@code k}, and its console token. */
  static LiveSession create(TestServer server, Vertx client, String module, int k) throws Exception {
    WebClient http = server.client(client);
    String admin = post(http, "/api/auth/token", null,
        new JsonObject().put("username", "admin").put("password", TestServer.ADMIN_PASSWORD)).getString("token");
    String username = "fac" + Ids.random().substring(0, 8).toLowerCase(java.util.Locale.ROOT).replace('-', 'x').replace('_', 'x');
    String password = "a-good-long-password-" + Ids.random();
    post(http, "/api/admin/accounts", admin, new JsonObject().put("username", username)
        .put("roles", new JsonArray().add("facilitator")).put("password", password));
    String bearer = post(http, "/api/auth/token", null,
        new JsonObject().put("username", username).put("password", password)).getString("token");
    JsonObject created = post(http, "/api/sessions", bearer, new JsonObject().put("module", module)
        .put("settings", new JsonObject().put("anonymityThreshold", k)));
    String console = post(http, "/api/sessions/" + created.getString("id") + "/console-token", bearer, new JsonObject())
        .getString("token");
    return new LiveSession(server, client, http, created, console);
  }

  Person join(String name) throws Exception {
    JsonObject joined = post(http, "/api/join", null, new JsonObject().put("code", joinCode).put("name", name));
    Person p = new Person(joined.getString("participantKey"), joined.getString("name"), joined.getString("token"),
        new BridgeActor(client, server.port(), sessionId, joined.getString("token")));
    people.add(p);
    return p;
  }

  /** A second connection with this token, e.g. to listen while another connection sends. */
  BridgeActor connect(String token) throws Exception {
    return new BridgeActor(client, server.port(), sessionId, token);
  }

  /** The facilitator moves the agenda to the first activity of this type. */
  void goTo(String type) throws Exception {
    JsonArray agenda = facilitatorView().getJsonArray("agenda");
    for (int i = 0; i < agenda.size(); i++) {
      if (type.equals(agenda.getJsonObject(i).getString("type"))) {
        facilitator.send("goto", new JsonObject().put("index", i));
        return;
      }
    }
    throw new IllegalArgumentException("no " + type + " activity");
  }

  JsonObject facilitatorView() throws Exception {
    return facilitator.send("sync", null).getJsonObject("views").getJsonObject("facilitator");
  }

  JsonObject anonymousForFacilitator() throws Exception {
    return facilitatorView().getJsonObject("anonymous");
  }

  static JsonObject post(WebClient http, String path, String bearer, JsonObject body) throws Exception {
    var req = http.post(path).putHeader("Accept", "application/json");
    if (bearer != null) {
      req.putHeader("Authorization", "Bearer " + bearer);
    }
    HttpResponse<Buffer> res = req.sendJsonObject(body).await(10, TimeUnit.SECONDS);
    if (res.statusCode() >= 300) {
      throw new AssertionError(path + " answered " + res.statusCode() + ": " + res.bodyAsString());
    }
    return res.bodyAsJsonObject();
  }

  @Override
  public void close() {
    facilitator.close();
    people.forEach(p -> p.bridge().close());
  }
}
