package org.talkingpiece.support;

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

/**
 * A browser without JavaScript for tests: keeps cookies as a browser does, takes the CSRF token from
 * the last page it was shown (the layout's {@code <meta name="csrf-token">}) and sends it with forms,
 * the way the pages' own forms do. The static methods are plain JSON API calls with a bearer token
 * (no cookies, no CSRF); {@link Api} is the higher-level fixture for accounts, sessions and joins.
 * Blocking: call it from the test thread, never from an event loop.
 */
public final class Http {
  public static final String CSRF_FIELD = "X-XSRF-TOKEN";
  public static final String CSRF_COOKIE = "XSRF-TOKEN";
  private static final Pattern META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");

  private final WebClient web;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken = "";

  public Http(WebClient web) {
    this.web = web;
  }

  /** A browser signed in through the sign-in form; fails the test if signing in does not work. */
  public static Http signedIn(WebClient web, String username, String password) {
    Http c = new Http(web);
    c.get("/signin");
    HttpResponse<Buffer> r = c.post("/signin", Map.of("username", username, "password", password));
    if (r.statusCode() != 303) {
      throw new AssertionError("signing in as " + username + " answered " + r.statusCode());
    }
    return c;
  }

  /** Loads a page as a browser would (Accept: text/html). */
  public HttpResponse<Buffer> get(String path) {
    return send(web.get(path).putHeader("Accept", "text/html"), null);
  }

  /** Posts a form with the CSRF token of the last page, as the page's own form would. */
  public HttpResponse<Buffer> post(String path, Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add(CSRF_FIELD, csrfToken);
    fields.forEach(form::add);
    return postRaw(path, form);
  }

  /** Posts exactly these fields (repeated names allowed) plus the CSRF token. */
  public HttpResponse<Buffer> post(String path, MultiMap fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add(CSRF_FIELD, csrfToken);
    form.addAll(fields);
    return postRaw(path, form);
  }

  /** Submits exactly these fields: no CSRF field unless the caller adds one. */
  public HttpResponse<Buffer> postRaw(String path, MultiMap form) {
    return send(web.post(path).putHeader("Accept", "text/html"), form);
  }

  /** Posts a form the way a script does: asking for JSON, the token in the header. */
  public HttpResponse<Buffer> postForJson(String path, MultiMap fields) {
    HttpRequest<Buffer> req = web.post(path).putHeader("Accept", "application/json").putHeader(CSRF_FIELD, csrfToken);
    return send(req, fields);
  }

  /** Uploads a file from the import form. */
  public HttpResponse<Buffer> upload(String path, String fileName, String content) {
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

  public String csrfToken() {
    return csrfToken;
  }

  public String cookie(String name) {
    return cookies.get(name);
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

  /** Like a browser, the next form comes from the page just shown (after a POST the token changes). */
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

  public static HttpResponse<Buffer> api(WebClient web, HttpMethod method, String path, String token) {
    return api(web, method, path, token, null, null);
  }

  public static HttpResponse<Buffer> api(WebClient web, HttpMethod method, String path, String token, Object body) {
    return api(web, method, path, token, null, body);
  }

  /**
   * One API call, awaited. A {@link JsonObject} body goes as JSON; anything else goes as its text, with
   * {@code contentType} when given, so tests can send malformed or mislabelled bodies.
   */
  public static HttpResponse<Buffer> api(WebClient web, HttpMethod method, String path, String token,
      String contentType, Object body) {
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

  public static HttpResponse<Buffer> signIn(WebClient web, String username, String password) {
    return api(web, HttpMethod.POST, "/api/auth/token", null,
        new JsonObject().put("username", username).put("password", password));
  }

  /** A token for a user whose password is right; fails the test otherwise. */
  public static String token(WebClient web, String username, String password) {
    HttpResponse<Buffer> r = signIn(web, username, password);
    if (r.statusCode() != 200) {
      throw new AssertionError("sign-in as " + username + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  /**
   * Creates an account through the admin API and returns the API's answer; fails the test unless it
   * answers 201. A null password leaves the account to set its own.
   */
  public static JsonObject createAccount(WebClient web, String adminToken, String username, String password,
      String... roles) {
    JsonObject body = new JsonObject().put("username", username).put("roles", new JsonArray(List.of(roles)));
    if (password != null) {
      body.put("password", password);
    }
    HttpResponse<Buffer> r = api(web, HttpMethod.POST, "/api/admin/accounts", adminToken, body);
    if (r.statusCode() != 201) {
      throw new AssertionError("creating " + username + " answered " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  /** Creates an account through the admin API and returns its API token. */
  public static String account(WebClient web, String adminToken, String username, String password, String... roles) {
    createAccount(web, adminToken, username, password, roles);
    return token(web, username, password);
  }
}
