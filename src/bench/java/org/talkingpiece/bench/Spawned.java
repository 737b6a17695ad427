package org.talkingpiece.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the bench runs as its own process, as an operator would: the Talking Piece jar on a data
 * directory, or the baseline bridge. It knows the process's resident memory and can ask the JVM for
 * its heap after a full collection ({@code jcmd}), which is what "memory per participant" is made of.
 */
final class Spawned implements AutoCloseable {
  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  /** What the server logs once it is ready, and what the baseline prints: the port each chose. */
  private static final Pattern LISTENING = Pattern.compile("(?:listening on port |^READY )(\\d+)");

  private final Process process;
  private volatile int port = -1;
  private final long startedNanos;
  private final List<String> output = new ArrayList<>();

  private Spawned(Process process, long startedNanos) {
    this.process = process;
    this.startedNanos = startedNanos;
  }

  /**
   * The Talking Piece server on {@code dataDir} (embedded database), with the given JVM options; the
   * class path is the fat jar, exactly what {@code java -jar} would run.
   */
  static Spawned server(String classPath, Path dataDir, List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    archiveFor(classPath).ifPresent(a ->
        command.addAll(List.of("-XX:SharedArchiveFile=" + a, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, org.talkingpiece.Main.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = pb.environment();
    env.remove("MONGO_URI");
    env.put("HTTP_HOST", "127.0.0.1");
    // Port 0: the server takes a free port and logs it; a port picked here could be taken meanwhile.
    env.put("HTTP_PORT", "0");
    env.put("PUBLIC_URL", "http://127.0.0.1");
    env.put("DATA_DIR", dataDir.toString());
    env.put("ADMIN_PASSWORD", Setup.ADMIN_PASSWORD);
    // Thousands of participants join from one address here; a venue would raise this too.
    env.put("JOINS_PER_MINUTE", "1000000");
    env.put("CONTENT_DIR", Path.of("content", "modules").toAbsolutePath().toString());
    return start(pb);
  }

  /**
   * The class-data archive {@code scripts/run} starts the jar with (recorded by the build), when there
   * is one beside the jar: the bench starts the server exactly as an operator would.
   */
  static java.util.Optional<Path> archiveFor(String classPath) {
    if (!classPath.endsWith(".jar")) {
      return java.util.Optional.empty();
    }
    Path archive = Path.of(classPath.substring(0, classPath.length() - 4) + ".jsa");
    return Files.isRegularFile(archive) ? java.util.Optional.of(archive) : java.util.Optional.empty();
  }

  /** The bare SockJS bridge publishing frames of {@code frameBytes}. */
  static Spawned baseline(String classPath, int frameBytes, List<String> jvmOptions) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, BaselineServer.class.getName(),
        "0", Integer.toString(frameBytes)));
    return start(new ProcessBuilder(command));
  }

  private static Spawned start(ProcessBuilder pb) throws IOException {
    pb.redirectErrorStream(true);
    long started = System.nanoTime();
    Spawned s = new Spawned(pb.start(), started);
    Thread reader = new Thread(s::drain, "bench-child-output");
    reader.setDaemon(true);
    reader.start();
    return s;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void drain() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        Matcher m = LISTENING.matcher(line);
        if (port < 0 && m.find()) {
          port = Integer.parseInt(m.group(1));
        }
        synchronized (output) {
          if (output.size() < 2_000) {
            output.add(line);
          }
        }
      }
    } catch (IOException ignored) {
      // The process ended.
    }
  }

  /** What the process printed so far (the first 2,000 lines), for error messages. */
  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** The port the process listens on, once it has said (after {@link #awaitReady} or {@link #awaitLine}). */
  int port() {
    if (port < 0) {
      throw new IllegalStateException("The process has not said which port it listens on yet");
    }
    return port;
  }

  long pid() {
    return process.pid();
  }

  /**
   * Waits until {@code GET path} answers 200 (polling every 10 ms) and returns the milliseconds from
   * the process's start to that answer.
   */
  double awaitReady(String path, Duration limit) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The process stopped before it was ready:\n" + output());
      }
      if (port < 0) {
        // Not listening yet: the server logs its port as it becomes ready.
        Thread.sleep(5);
        continue;
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(2)).build();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - startedNanos) / 1e6;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("Not ready after " + limit.toSeconds() + " s:\n" + output());
  }

  /** Waits for a line starting with {@code prefix} on the process's output. */
  void awaitLine(String prefix, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (output) {
        if (output.stream().anyMatch(l -> l.startsWith(prefix))) {
          return;
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("The process stopped:\n" + output());
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("No '" + prefix + "' after " + limit.toSeconds() + " s:\n" + output());
  }

  /** Resident set size in KiB, from {@code /proc}; -1 where there is no {@code /proc}. */
  long rssKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Heap in use after a full collection, in KiB ({@code jcmd GC.run}, then {@code GC.heap_info}). */
  long heapAfterGcKiB() throws Exception {
    jcmd("GC.run");
    // A second collection lets objects freed by finalisation-like cleanups go too.
    jcmd("GC.run");
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("jcmd GC.heap_info printed no heap figure");
    }
    return Long.parseLong(m.group(1));
  }

  private String jcmd(String what) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid()), what)
        .redirectErrorStream(true).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("jcmd " + what + " failed: " + out.getNow(""));
    }
    return out.get(5, TimeUnit.SECONDS);
  }

  /** Stops the process the way an operator's service manager would (SIGTERM), then waits. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
