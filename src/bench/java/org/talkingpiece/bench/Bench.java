package org.talkingpiece.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code scripts/bench}: runs the server as its own process on a fresh embedded database, loads it with
 * real SockJS WebSocket participants, runs the bare-bridge baseline the same way, prints a table and
 * writes every figure to {@code bench-results/}. See docs/performance.md.
 */
public final class Bench {
  /** How big a run is. Commands per session per second are always five, as in the targets. */
  record Profile(String name, int hall, int hallChanges, int sessions, int perSession, int updateSeconds,
      int roundTripRate, int roundTripSeconds, int startRuns, int rebuildEvents, int rebuildRuns, long drainMs) {}

  static final Profile FULL = new Profile("full", 1_000, 100, 200, 50, 20, 1_000, 15, 5, 10_000, 10, 2_000);
  static final Profile QUICK = new Profile("quick", 200, 25, 80, 5, 5, 400, 4, 1, 10_000, 3, 1_000);
  /** A few connections, for the test suite: every part runs, nothing is measured seriously. */
  static final Profile TINY = new Profile("tiny", 5, 5, 2, 3, 2, 20, 1, 1, 300, 2, 1_000);

  static final int COMMANDS_PER_SESSION_PER_SECOND = 5;
  private static final long HALL_GAP_MS = 150;

  private final Profile profile;
  private final Launch launch;
  private final Path work;
  private final JsonObject results = new JsonObject();
  private final List<String[]> table = new ArrayList<>();

  /**
   * How to start the server and the baseline, and with which JVM options.
   *
   * @param serverClassPath the server as an operator runs it: the shaded jar (which does not hold the
   *     bench), or any class path holding {@code org.talkingpiece.Main}
   * @param baselineClassPath a class path holding {@link BaselineServer} and Vert.x: the bench's own
   */
  record Launch(String serverClassPath, String baselineClassPath, List<String> serverJvm) {
    /** One class path holding both the server and the bench, as a test run has. */
    Launch(String classPath, List<String> serverJvm) {
      this(classPath, classPath, serverJvm);
    }
  }

  Bench(Profile profile, Launch launch, Path work) {
    this.profile = profile;
    this.launch = launch;
    this.work = work;
  }

  private static final String USAGE =
      "Usage: scripts/bench [--quick | --full] [--out DIR] [--server-jvm 'JVM OPTIONS']";

  public static void main(String[] args) throws Exception {
    Profile profile = FULL;
    Path jar = Path.of("target", "talking-piece.jar");
    Path out = Path.of("bench-results");
    List<String> serverJvm = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> profile = QUICK;
        case "--full" -> profile = FULL;
        case "--tiny" -> profile = TINY;
        case "--jar" -> jar = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--server-jvm" -> serverJvm.addAll(List.of(args[++i].trim().split("\\s+")));
        case "--help", "-h" -> {
          System.out.println(USAGE);
          return;
        }
        default -> {
          System.err.println(USAGE + "\n  unknown option: " + args[i]);
          System.exit(2);
        }
      }
    }
    if (!Files.isRegularFile(jar)) {
      System.err.println("No " + jar + ": build it first (scripts/bench does).");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("talking-piece-bench");
    try {
      // The server runs from the jar alone; the baseline runs from the class path this bench runs on.
      Launch launch = new Launch(jar.toAbsolutePath().toString(), System.getProperty("java.class.path"), serverJvm);
      Bench bench = new Bench(profile, launch, work);
      JsonObject results = bench.run();
      Files.createDirectories(out);
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      Path file = out.resolve("bench-" + profile.name() + "-" + stamp + ".json");
      Files.writeString(file, results.encodePrettily());
      System.out.println();
      System.out.println(bench.table());
      System.out.println("Figures written to " + file);
    } finally {
      deleteTree(work);
    }
  }

  /** Runs every measure in turn and returns all figures. */
  JsonObject run() throws Exception {
    long started = System.nanoTime();
    results.put("profile", profile.name())
        .put("date", LocalDateTime.now().toString())
        .put("machine", new JsonObject()
            .put("cores", Runtime.getRuntime().availableProcessors())
            .put("java", System.getProperty("java.version"))
            .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
    rebuild();
    startup();
    hall();
    manySessions();
    results.put("seconds", Math.round((System.nanoTime() - started) / 1e9));
    return results;
  }

  // 5. Rebuilding a session from its log.

  private void rebuild() throws Exception {
    say("Rebuilding a session from " + profile.rebuildEvents() + " events...");
    Rebuild.Result r = Rebuild.run(Files.createDirectories(work.resolve("rebuild")), profile.rebuildEvents(),
        profile.rebuildRuns());
    results.put("rebuild", new JsonObject().put("events", r.events()).put("turns", r.turns())
        .put("firstMs", round(r.firstMs())).put("medianMs", ms(r.warmMicros().percentile(50)))
        .put("maxMs", ms(r.warmMicros().max())));
    row("Rebuild a session from " + r.events() + " events (first / median)",
        fmt(r.firstMs()) + " / " + fmt(ms(r.warmMicros().percentile(50))) + " ms", "", "", "≤ 500 ms",
        Math.max(r.firstMs(), ms(r.warmMicros().percentile(50))) <= 500);
  }

  // 4. Start to ready.

  private void startup() throws Exception {
    say("Starting the server " + profile.startRuns() + " times on a fresh database and on an existing one...");
    Samples fresh = new Samples();
    Samples again = new Samples();
    for (int i = 0; i < profile.startRuns(); i++) {
      Path data = work.resolve("start-" + i);
      for (Samples s : List.of(fresh, again)) {
        try (Spawned server = Spawned.server(launch.serverClassPath(), data, launch.serverJvm())) {
          s.add(Math.round(server.awaitReady("/health", Duration.ofSeconds(60)) * 1_000));
        }
      }
    }
    results.put("startup", new JsonObject().put("runs", profile.startRuns())
        .put("classDataArchive", Spawned.archiveFor(launch.serverClassPath()).isPresent())
        .put("freshMedianMs", ms(fresh.percentile(50))).put("freshMaxMs", ms(fresh.max()))
        .put("restartMedianMs", ms(again.percentile(50))).put("restartMaxMs", ms(again.max())));
    row("Start to ready, fresh data / restart (median)", fmt(ms(fresh.percentile(50))) + " / "
        + fmt(ms(again.percentile(50))) + " ms", "", "", "≤ 3 s",
        Math.max(fresh.percentile(50), again.percentile(50)) <= 3_000_000);
  }

  // 1. One session, a hall of participants, floor changes.

  private void hall() throws Exception {
    int n = profile.hall();
    say("One session with " + n + " participants: floor changes...");
    JsonObject server;
    int frameBytes;
    Path data = Files.createDirectories(work.resolve("hall"));
    try (Spawned process = Spawned.server(launch.serverClassPath(), data, launch.serverJvm())) {
      process.awaitReady("/health", Duration.ofSeconds(60));
      Setup setup = new Setup(process.port());
      setup.facilitator();
      Setup.Session session = setup.session();
      setup.join(List.of(session), n, 16);
      try (World world = new World.Sessions(new LoadClient("127.0.0.1", process.port(), n + 1), List.of(session), n)) {
        server = floorChanges(world);
        frameBytes = (int) world.sharedFrameBytes.get();
        server.put("frameBytes", frameBytes).put("rssKiB", process.rssKiB());
        say("Everyone in the hall answers a poll within a second...");
        results.put("pollBurst", ((World.Sessions) world).pollBurst(1_000));
      }
    }
    say("The baseline: " + n + " sockets, frames of " + frameBytes + " bytes...");
    JsonObject baseline;
    try (Spawned process = Spawned.baseline(launch.baselineClassPath(), frameBytes, launch.serverJvm())) {
      process.awaitLine("READY", Duration.ofSeconds(60));
      try (World world = new World.Baseline(new LoadClient("127.0.0.1", process.port(), n), 1, n)) {
        baseline = floorChanges(world);
        baseline.put("frameBytes", frameBytes);
      }
    }
    results.put("hall", new JsonObject().put("participants", n).put("server", server).put("baseline", baseline));
    compare("Floor change reaches each of " + n + " (p50)", server, baseline, "arrival", "p50", null, 0);
    compare("Floor change reaches each of " + n + " (p99)", server, baseline, "arrival", "p99", "≤ 50 ms, ≤ 1.25×", 50);
    compare("Floor change reaches each of " + n + " (max)", server, baseline, "arrival", "max", null, 0);
    compare("Floor change reaches all " + n + " (p99 of the last)", server, baseline, "lastArrival", "p99", null, 0);
    compare("Publish to arrival, fan-out alone (p99)", server, baseline, "fanOut", "p99", null, 0);
    JsonObject burst = results.getJsonObject("pollBurst");
    row(n + " answer a poll within 1 s: frames per screen (per second)",
        fmt(burst.getDouble("framesPerScreen")) + " (" + fmt(burst.getDouble("framesPerScreenPerSecond")) + "/s)",
        "", "", "a few a second, not one per vote", burst.getDouble("framesPerScreenPerSecond") <= 10);
    Double voteP99 = burst.getJsonObject("roundTrip").getDouble("p99");
    row(n + " answer a poll within 1 s: vote round trip (p50 / p99)", voteP99 == null ? "—"
        : fmt(burst.getJsonObject("roundTrip").getDouble("p50")) + " / " + fmt(voteP99) + " ms", "", "", "", null);
  }

  private JsonObject floorChanges(World world) throws Exception {
    world.connect(64);
    world.settle(60);
    for (int i = 0; i < 10; i++) {
      world.change(0).await(30, TimeUnit.SECONDS);
      Thread.sleep(HALL_GAP_MS);
    }
    world.measure();
    for (int i = 0; i < profile.hallChanges(); i++) {
      world.change(0).await(30, TimeUnit.SECONDS);
      Thread.sleep(HALL_GAP_MS);
    }
    // Late arrivals still count; only what has not come after the drain is missing.
    Thread.sleep(profile.drainMs());
    world.measuring = false;
    Deliveries.Result r = world.deliveries.settle();
    return figures(world, r);
  }

  // 2 and 3. Many sessions under a steady load of commands; then round trips at a fixed rate.

  private void manySessions() throws Exception {
    int sessions = profile.sessions();
    int per = profile.perSession();
    int total = sessions * per;
    say(sessions + " sessions of " + per + " participants (" + total + " connections)...");
    JsonObject server = new JsonObject();
    int frameBytes;
    Path data = Files.createDirectories(work.resolve("many"));
    try (Spawned process = Spawned.server(launch.serverClassPath(), data, launch.serverJvm())) {
      process.awaitReady("/health", Duration.ofSeconds(60));
      Setup setup = new Setup(process.port());
      setup.facilitator();
      List<Setup.Session> list = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        list.add(setup.session());
      }
      long heapEmpty = process.heapAfterGcKiB();
      long rssEmpty = process.rssKiB();
      setup.join(list, per, 16);
      long heapJoined = process.heapAfterGcKiB();
      try (World world = new World.Sessions(new LoadClient("127.0.0.1", process.port(), total + sessions), list, per)) {
        world.connect(64);
        world.settle(120);
        // Let the sockets go quiet before weighing them.
        Thread.sleep(profile.drainMs());
        long heapConnected = process.heapAfterGcKiB();
        long rssConnected = process.rssKiB();
        server.put("memory", new JsonObject()
            .put("heapEmptyKiB", heapEmpty).put("heapJoinedKiB", heapJoined).put("heapConnectedKiB", heapConnected)
            .put("rssEmptyKiB", rssEmpty).put("rssConnectedKiB", rssConnected)
            .put("heapPerParticipantKiB", round((heapConnected - heapEmpty) / (double) total))
            .put("heapPerConnectionKiB", round((heapConnected - heapJoined) / (double) total))
            .put("rssPerParticipantKiB", round((rssConnected - rssEmpty) / (double) total)));
        server.put("updates", steadyLoad(world, sessions * COMMANDS_PER_SESSION_PER_SECOND, profile.updateSeconds()));
        server.getJsonObject("memory").put("heapUnderLoadKiB", process.heapAfterGcKiB())
            .put("rssUnderLoadKiB", process.rssKiB());
        server.put("roundTrip", steadyLoad(world, profile.roundTripRate(), profile.roundTripSeconds()));
        frameBytes = (int) world.sharedFrameBytes.get();
      }
    }
    say("The baseline: " + total + " sockets in " + sessions + " groups...");
    JsonObject baseline = new JsonObject();
    try (Spawned process = Spawned.baseline(launch.baselineClassPath(), frameBytes, launch.serverJvm())) {
      process.awaitLine("READY", Duration.ofSeconds(60));
      try (World world = new World.Baseline(new LoadClient("127.0.0.1", process.port(), total), sessions, per)) {
        world.connect(64);
        world.settle(120);
        baseline.put("updates", steadyLoad(world, sessions * COMMANDS_PER_SESSION_PER_SECOND, profile.updateSeconds()));
        baseline.put("roundTrip", steadyLoad(world, profile.roundTripRate(), profile.roundTripSeconds()));
      }
    }
    results.put("sessions", new JsonObject().put("sessions", sessions).put("perSession", per)
        .put("server", server).put("baseline", baseline));
    JsonObject memory = server.getJsonObject("memory");
    compare(total + " in " + sessions + " sessions, update (p50)", server.getJsonObject("updates"),
        baseline.getJsonObject("updates"), "arrival", "p50", null, 0);
    compare(total + " in " + sessions + " sessions, update (p99)", server.getJsonObject("updates"),
        baseline.getJsonObject("updates"), "arrival", "p99", "≤ 150 ms", 150);
    row("Heap after GC: connected / under load", mib(memory.getLong("heapConnectedKiB")) + " / "
        + mib(memory.getLong("heapUnderLoadKiB")) + " MiB", "", "", "≤ 1024 MiB",
        Math.max(memory.getLong("heapConnectedKiB"), memory.getLong("heapUnderLoadKiB")) <= 1024 * 1024);
    row("Server RSS: connected / under load", mib(memory.getLong("rssConnectedKiB")) + " / "
        + mib(memory.getLong("rssUnderLoadKiB")) + " MiB", "", "", "", null);
    row("Memory per idle participant (heap, joined + connected)",
        fmt(memory.getDouble("heapPerParticipantKiB")) + " KiB", "", "", "≤ 40 KiB",
        memory.getDouble("heapPerParticipantKiB") <= 40);
    compare("Command round trip at " + profile.roundTripRate() + "/s (p50)", server.getJsonObject("roundTrip"),
        baseline.getJsonObject("roundTrip"), "roundTrip", "p50", null, 0);
    compare("Command round trip at " + profile.roundTripRate() + "/s (p99)", server.getJsonObject("roundTrip"),
        baseline.getJsonObject("roundTrip"), "roundTrip", "p99", "≤ 20 ms", 20);
  }

  /**
   * Sends {@code perSecond} commands a second, spread evenly over the groups, for {@code seconds}, and
   * counts their replies and the updates they caused.
   */
  private JsonObject steadyLoad(World world, int perSecond, int seconds) throws Exception {
    world.measure();
    Random random = new Random(42);
    long tickMs = 10;
    double perTick = perSecond * tickMs / 1000.0;
    double[] owed = {0};
    int[] group = {0};
    long[] sent = {0};
    long timer = world.client.vertx().setPeriodic(tickMs, t -> {
      owed[0] += perTick;
      while (owed[0] >= 1) {
        owed[0] -= 1;
        world.command(group[0], random);
        group[0] = (group[0] + 1) % world.groups;
        sent[0]++;
      }
    });
    Thread.sleep(seconds * 1_000L);
    world.client.vertx().cancelTimer(timer);
    Thread.sleep(profile.drainMs());
    world.measuring = false;
    JsonObject f = figures(world, world.deliveries.settle());
    return f.put("commandsPerSecond", perSecond).put("seconds", seconds).put("sent", sent[0])
        .put("framesPerScreenPerSecond", round(world.sharedFrames.sum() / (double) world.size() / seconds));
  }

  private static JsonObject figures(World world, Deliveries.Result r) {
    JsonObject refused = new JsonObject();
    world.refusals.forEach((k, v) -> refused.put(k, v.sum()));
    return new JsonObject()
        .put("sockets", world.size())
        .put("changes", r.changes())
        .put("arrival", percentiles(r.latencies()))
        .put("lastArrival", percentiles(r.lastArrivals()))
        .put("fanOut", percentiles(world.fanOut))
        .put("roundTrip", percentiles(world.roundTrips))
        .put("missing", r.missing()).put("duplicates", r.duplicates()).put("outOfOrder", r.outOfOrder())
        .put("sharedFrames", world.sharedFrames.sum()).put("privateFrames", world.privateFrames.sum())
        .put("refused", refused)
        .put("clientErrors", world.client.errors.get());
  }

  /** p50, p99 and max in milliseconds; empty when nothing was measured. */
  static JsonObject percentiles(Samples micros) {
    JsonObject p = new JsonObject().put("count", micros.count());
    if (micros.count() > 0) {
      p.put("p50", ms(micros.percentile(50))).put("p99", ms(micros.percentile(99))).put("max", ms(micros.max()));
    }
    return p;
  }

  // The table.

  private void compare(String measure, JsonObject server, JsonObject baseline, String figure, String which,
      String target, double targetMs) {
    Double ours = server.getJsonObject(figure).getDouble(which);
    Double theirs = baseline.getJsonObject(figure).getDouble(which);
    String ratio = ours == null || theirs == null || theirs == 0 ? "" : fmt(ours / theirs) + "×";
    Boolean met = null;
    if (target != null && ours != null) {
      met = ours <= targetMs;
      if (target.contains("×") && theirs != null) {
        met = met && ours <= 1.25 * Math.max(theirs, 1.0);
      }
    }
    row(measure, ours == null ? "—" : fmt(ours) + " ms", theirs == null ? "—" : fmt(theirs) + " ms", ratio,
        target == null ? "" : target, met);
  }

  private void row(String measure, String ours, String baseline, String ratio, String target, Boolean met) {
    table.add(new String[] {measure, ours, baseline, ratio, target, met == null ? "" : met ? "met" : "MISSED"});
    JsonArray rows = results.getJsonArray("table", new JsonArray());
    rows.add(new JsonArray(List.of(table.get(table.size() - 1))));
    results.put("table", rows);
  }

  /** The results as a Markdown table, the way docs/performance.md shows them. */
  String table() {
    String[] head = {"measure", "Talking Piece", "baseline", "ratio", "target", ""};
    StringBuilder out = new StringBuilder();
    out.append("Profile ").append(profile.name()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
    out.append("| ").append(String.join(" | ", head)).append(" |\n");
    out.append("|---|---:|---:|---:|---|---|\n");
    for (String[] r : table) {
      out.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    return out.toString();
  }

  // Small things.

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  static double ms(long micros) {
    return round(micros / 1_000.0);
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
  }

  private static String mib(long kib) {
    return String.format(Locale.ROOT, "%.0f", kib / 1024.0);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
