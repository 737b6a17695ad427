package org.talkingpiece.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.FileTemplateLoader;
import com.github.jknack.handlebars.io.TemplateLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Server-rendered pages: Handlebars templates under {@code web/templates} ({@code layouts/},
 * {@code partials/}, {@code pages/}). Templates are read from {@code ./web/templates} when the
 * server runs in a checkout, otherwise from the jar.
 *
 * <p>Outside development every template is compiled once at start on a worker thread, so
 * {@link #render} never touches the disk on the event loop. In development ({@code TP_DEV=true})
 * templates are recompiled on each render so edits show on reload. Thread-safe.
 */
public final class Pages {
  static final String ROOT = "web/templates";
  private static final String SUFFIX = ".hbs";

  private final Handlebars handlebars;
  private final boolean dev;
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  private Pages(Handlebars handlebars, boolean dev) {
    this.handlebars = handlebars;
    this.dev = dev;
  }

  /** Compiles every template on a worker thread (unordered: it may run beside other start-up work). */
  public static Future<Pages> load(Vertx vertx, boolean dev) {
    return vertx.executeBlocking(() -> {
      Path onDisk = Path.of(ROOT);
      TemplateLoader loader = Files.isDirectory(onDisk)
          ? new FileTemplateLoader(onDisk.toFile(), SUFFIX)
          : new ClassPathTemplateLoader("/" + ROOT, SUFFIX);
      Handlebars hb = new Handlebars(loader).prettyPrint(false);
      if (!dev) {
        // Partials are looked up on every use; the cache keeps each one parsed once.
        hb = hb.with(new ConcurrentMapTemplateCache());
      }
      Helpers.register(hb);
      Pages pages = new Pages(hb, dev);
      for (String name : templateNames(onDisk)) {
        pages.compiled.put(name, hb.compile(name));
      }
      return pages;
    }, false);
  }

  /** Renders {@code pages/NAME} (or any template path without its suffix) with the model. */
  public Buffer render(String name, Map<String, Object> model) {
    try {
      Template template = dev ? handlebars.compile(name) : compiled.get(name);
      if (template == null) {
        throw new IllegalArgumentException("No template named " + name);
      }
      return Buffer.buffer(template.apply(model));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Iterable<String> templateNames(Path onDisk) throws IOException, URISyntaxException {
    if (Files.isDirectory(onDisk)) {
      try (Stream<Path> files = Files.walk(onDisk)) {
        return files.filter(p -> p.toString().endsWith(SUFFIX))
            .map(p -> stripSuffix(onDisk.relativize(p).toString().replace('\\', '/')))
            .toList();
      }
    }
    URL url = Pages.class.getResource("/" + ROOT);
    if (url == null) {
      throw new IOException("No templates found in ./" + ROOT + " or in the jar");
    }
    if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        String prefix = ROOT + "/";
        return jar.stream()
            .map(e -> e.getName())
            .filter(n -> n.startsWith(prefix) && n.endsWith(SUFFIX))
            .map(n -> stripSuffix(n.substring(prefix.length())))
            .toList();
      }
    }
    return templateNames(Path.of(url.toURI()));
  }

  private static String stripSuffix(String name) {
    return name.substring(0, name.length() - SUFFIX.length());
  }
}
