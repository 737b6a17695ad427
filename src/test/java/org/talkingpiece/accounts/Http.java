package org.talkingpiece.accounts;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny browser for tests: keeps cookies like a browser does, reads the CSRF token from the last page
 * it was shown (the layout's {@code <meta name="csrf-token">}) and sends it with forms. Also plain JSON
 * API calls.
 * Blocking: call it from the test thread, never from an event loop.
 */
final class Http {
  static final String CSRF_FIELD = "X-XSRF-TOKEN";
  static final String CSRF_COOKIE = "XSRF-TOKEN";
  private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

  private final WebClient client;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken = "";

  Http(WebClient client) {
    this.client = client;
  }

  /** Loads a page as a browser would (Accept: text/html). */
  HttpResponse<Buffer> get(String path) {
    return send(client.get(path).putHeader("Accept", "text/html"), null);
  }

  /** Submits a form with the CSRF field from the last page loaded. */
  HttpResponse<Buffer> post(String path, Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add(CSRF_FIELD, csrfToken);
    fields.forEach(form::add);
    return postRaw(path, form);
  }

  /** Submits exactly these fields: no CSRF field unless the caller adds one. */
  HttpResponse<Buffer> postRaw(String path, MultiMap form) {
    HttpRequest<Buffer> req = client.post(path).putHeader("Accept", "text/html");
    return send(req, form);
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  private HttpResponse<Buffer> send(HttpRequest<Buffer> req, MultiMap form) {
    if (!cookies.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      cookies.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      req.putHeader("Cookie", sb.toString());
    }
    try {
      HttpResponse<Buffer> r = (form == null ? req.send() : req.sendForm(form)).await(20, TimeUnit.SECONDS);
      // Like a browser, the next form comes from the page just shown (after a POST the token changes).
      Matcher m = META.matcher(r.bodyAsString() == null ? "" : r.bodyAsString());
      if (m.find()) {
        csrfToken = m.group(1);
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
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- JSON API, no cookies ----

  static HttpResponse<Buffer> api(WebClient client, HttpMethod method, String path, String token, Object body) {
    HttpRequest<Buffer> req = client.request(method, path);
    if (token != null) {
      req.putHeader("Authorization", "Bearer " + token);
    }
    try {
      return (body == null ? req.send()
          : body instanceof JsonObject o ? req.sendJsonObject(o)
          : req.sendBuffer(Buffer.buffer(String.valueOf(body)))).await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<Buffer> signIn(WebClient client, String username, String password) {
    return api(client, HttpMethod.POST, "/api/auth/token", null,
        new JsonObject().put("username", username).put("password", password));
  }

  /** A token for a user whose password is right; fails the test otherwise. */
  static String token(WebClient client, String username, String password) {
    HttpResponse<Buffer> r = signIn(client, username, password);
    if (r.statusCode() != 200) {
      throw new AssertionError("sign-in as " + username + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  /** Creates an account through the admin API; fails the test unless it answers 201. */
  static JsonObject createAccount(WebClient client, String adminToken, String username, String password,
      String... roles) {
    JsonObject body = new JsonObject().put("username", username).put("roles", new JsonArray(java.util.List.of(roles)));
    if (password != null) {
      body.put("password", password);
    }
    HttpResponse<Buffer> r = api(client, HttpMethod.POST, "/api/admin/accounts", adminToken, body);
    if (r.statusCode() != 201) {
      throw new AssertionError("creating " + username + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }
}
