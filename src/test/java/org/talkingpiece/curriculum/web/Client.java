package org.talkingpiece.curriculum.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.talkingpiece.support.TestServer;

/**
 * A browser without JavaScript for tests: keeps cookies, takes the CSRF token from the last page it
 * was shown and sends it with forms, the way the pages' own forms do. Also plain API calls with a
 * bearer token. Blocking: call it from the test thread only.
 */
final class Client {
  static final String CSRF_FIELD = "X-XSRF-TOKEN";
  private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

  private final WebClient web;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken = "";

  Client(WebClient web) {
    this.web = web;
  }

  /** A browser signed in through the sign-in form; fails the test if signing in does not work. */
  static Client signedIn(WebClient web, String username, String password) {
    Client c = new Client(web);
    c.get("/signin");
    HttpResponse<Buffer> r = c.post("/signin", Map.of("username", username, "password", password));
    if (r.statusCode() != 303) {
      throw new AssertionError("signing in as " + username + " answered " + r.statusCode());
    }
    return c;
  }

  HttpResponse<Buffer> get(String path) {
    return send(web.get(path).putHeader("Accept", "text/html"), null);
  }

  /** Posts a form with the CSRF token of the last page, as the page's own form would. */
  HttpResponse<Buffer> post(String path, Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add(CSRF_FIELD, csrfToken);
    fields.forEach(form::add);
    return send(web.post(path).putHeader("Accept", "text/html"), form);
  }

  /** Posts exactly these fields (repeated names allowed) plus the CSRF token. */
  HttpResponse<Buffer> post(String path, MultiMap fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add(CSRF_FIELD, csrfToken);
    form.addAll(fields);
    return send(web.post(path).putHeader("Accept", "text/html"), form);
  }

  /** Posts a form the way a script does: asking for JSON, the token in the header. */
  HttpResponse<Buffer> postForJson(String path, MultiMap fields) {
    HttpRequest<Buffer> req = web.post(path).putHeader("Accept", "application/json").putHeader(CSRF_FIELD, csrfToken);
    return send(req, fields);
  }

  /** Uploads a file from the import form. */
  HttpResponse<Buffer> upload(String path, String fileName, String content) {
    MultipartForm form = MultipartForm.create()
        .attribute(CSRF_FIELD, csrfToken)
        .textFileUpload("file", fileName, Buffer.buffer(content), "application/x-yaml");
    HttpRequest<Buffer> req = web.post(path).putHeader("Accept", "text/html");
    addCookies(req);
    try {
      return remember(req.sendMultipartForm(form).await(20, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String csrfToken() {
    return csrfToken;
  }

  private HttpResponse<Buffer> send(HttpRequest<Buffer> req, MultiMap form) {
    addCookies(req);
    try {
      return remember((form == null ? req.send() : req.sendForm(form)).await(20, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void addCookies(HttpRequest<Buffer> req) {
    if (!cookies.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      cookies.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      req.putHeader("Cookie", sb.toString());
    }
  }

  private HttpResponse<Buffer> remember(HttpResponse<Buffer> r) {
    String body = r.bodyAsString() == null ? "" : r.bodyAsString();
    Matcher m = META.matcher(body);
    if (m.find()) {
      csrfToken = m.group(1);
    } else if (r.getHeader(CSRF_FIELD) != null) {
      csrfToken = r.getHeader(CSRF_FIELD);
    }
    for (String header : r.cookies()) {
      String[] pair = header.split(";", 2)[0].split("=", 2);
      boolean expired = header.toLowerCase().contains("max-age=0");
      if (expired || pair.length < 2 || pair[1].isEmpty()) {
        cookies.remove(pair[0]);
      } else {
        cookies.put(pair[0], pair[1]);
      }
    }
    return r;
  }

  // ---- JSON API with bearer tokens (no cookies, no CSRF) ----

  static HttpResponse<Buffer> api(WebClient web, HttpMethod method, String path, String token) {
    return api(web, method, path, token, null, null);
  }

  static HttpResponse<Buffer> api(WebClient web, HttpMethod method, String path, String token, String contentType,
      Object body) {
    HttpRequest<Buffer> req = web.request(method, path);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      req.putHeader("Content-Type", contentType);
    }
    try {
      return (body == null ? req.send()
          : body instanceof JsonObject o ? req.sendJsonObject(o)
          : req.sendBuffer(Buffer.buffer(String.valueOf(body)))).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String token(WebClient web, String username, String password) {
    HttpResponse<Buffer> r = api(web, HttpMethod.POST, "/api/auth/token", null, null,
        new JsonObject().put("username", username).put("password", password));
    if (r.statusCode() != 200) {
      throw new AssertionError("sign-in as " + username + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  /** Creates an account through the admin API and returns its API token. */
  static String account(WebClient web, String adminToken, String username, String password, String... roles) {
    JsonObject body = new JsonObject().put("username", username).put("password", password)
        .put("roles", new JsonArray(List.of(roles)));
    HttpResponse<Buffer> r = api(web, HttpMethod.POST, "/api/admin/accounts", adminToken, null, body);
    if (r.statusCode() != 201) {
      throw new AssertionError("creating " + username + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return token(web, username, password);
  }

  /** Starts a test server with an author, a facilitator and their API tokens. */
  static final class World implements AutoCloseable {
    static final String AUTHOR = "ada-author";
    static final String FACILITATOR = "fred-facilitator";
    static final String PASSWORD = "a-long-test-password";
    final TestServer server;
    final io.vertx.core.Vertx vertx;
    final WebClient web;
    final String authorToken;
    final String facilitatorToken;

    World() {
      server = TestServer.start();
      vertx = io.vertx.core.Vertx.vertx();
      web = server.client(vertx);
      String admin = token(web, "admin", TestServer.ADMIN_PASSWORD);
      authorToken = account(web, admin, AUTHOR, PASSWORD, "author");
      facilitatorToken = account(web, admin, FACILITATOR, PASSWORD, "facilitator");
    }

    Client author() {
      return signedIn(web, AUTHOR, PASSWORD);
    }

    Client facilitator() {
      return signedIn(web, FACILITATOR, PASSWORD);
    }

    @Override
    public void close() throws Exception {
      server.close();
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
