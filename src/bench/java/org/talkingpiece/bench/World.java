package org.talkingpiece.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.talkingpiece.bench.LoadClient.Reply;
import org.talkingpiece.bench.LoadClient.Socket;
import org.talkingpiece.session.Addresses;

/**
 * Groups of connected sockets and a way to change each group's state: the sessions of a Talking Piece
 * server with their participants, or the baseline's groups. The bench drives both the same way and
 * measures them with the same accounting, so their figures can be compared.
 */
abstract class World implements AutoCloseable {
  final LoadClient client;
  final int groups;
  final int perGroup;
  final Socket[] sockets;
  final int[] groupOf;
  /** The newest state version each socket has seen on its group's shared address. */
  final AtomicLongArray latest;
  /** The newest version each group's commands have produced. */
  final AtomicLongArray produced;
  volatile Deliveries deliveries;
  volatile boolean measuring;
  /** Publish to arrival, from the frame's own {@code serverTime}: the fan-out alone. */
  final Samples fanOut = new Samples();
  final Samples roundTrips = new Samples();
  final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
  final LongAdder sharedFrames = new LongAdder();
  final LongAdder privateFrames = new LongAdder();
  final AtomicLong sharedFrameBytes = new AtomicLong();
  private final long wallOffsetMicros;

  World(LoadClient client, int groups, int perGroup) {
    this.client = client;
    this.groups = groups;
    this.perGroup = perGroup;
    int n = groups * perGroup;
    this.sockets = new Socket[n];
    this.groupOf = new int[n];
    for (int i = 0; i < n; i++) {
      groupOf[i] = i / perGroup;
    }
    this.latest = new AtomicLongArray(n);
    this.produced = new AtomicLongArray(groups);
    this.deliveries = new Deliveries(groupOf);
    this.wallOffsetMicros = System.currentTimeMillis() * 1_000 - System.nanoTime() / 1_000;
  }

  int size() {
    return sockets.length;
  }

  /** Is this the address every socket of a group shares (a session's public one, a baseline group)? */
  abstract boolean isShared(String address);

  /** Registers socket {@code i} on everything a participant's screen listens to. */
  abstract void register(int i);

  /** Makes one visible change in {@code group} (the floor, for a session) and completes with the reply. */
  abstract Future<Reply> change(int group);

  /** Sends one command of the mixed load to {@code group}: a hand, a turn, ... */
  abstract void command(int group, java.util.Random random);

  /** Connects any sockets that are not participants (a session's facilitator console). */
  void connectOthers() throws Exception {}

  /** Opens every participant socket, {@code parallel} at a time, and registers it. */
  void connect(int parallel) throws Exception {
    Semaphore slots = new Semaphore(parallel);
    AtomicInteger failed = new AtomicInteger();
    List<Future<Socket>> all = new ArrayList<>();
    for (int i = 0; i < sockets.length; i++) {
      slots.acquire();
      int index = i;
      Future<Socket> f = client.connect(i, this::delivered).onComplete(ar -> {
        slots.release();
        if (ar.succeeded()) {
          sockets[index] = ar.result();
          register(index);
        } else {
          failed.incrementAndGet();
        }
      });
      all.add(f);
    }
    Future.join(all).await(120, TimeUnit.SECONDS);
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " of " + sockets.length + " sockets did not connect: "
          + all.stream().filter(Future::failed).findFirst().map(f -> f.cause().toString()).orElse(""));
    }
    connectOthers();
  }

  private void delivered(Socket socket, String address, long version, long atNanos, byte[] frame) {
    if (address == null || socket.index() >= sockets.length) {
      return;
    }
    if (!isShared(address)) {
      privateFrames.increment();
      return;
    }
    sharedFrames.increment();
    sharedFrameBytes.set(frame.length);
    if (version < 0) {
      return;
    }
    latest.accumulateAndGet(socket.index(), version, Math::max);
    if (measuring) {
      deliveries.arrived(socket.index(), version, atNanos);
      long serverTime = BridgeFrames.serverTime(frame);
      if (serverTime > 0) {
        fanOut.add(Math.max(0, wallOffsetMicros + atNanos / 1_000 - serverTime * 1_000));
      }
    }
  }

  /**
   * Makes changes until every socket has seen its group's newest one: the registrations are then in
   * place everywhere. Fails with the number of sockets still behind after {@code seconds}.
   */
  void settle(int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        replies.add(change(g));
      }
      Future.join(replies).await(60, TimeUnit.SECONDS);
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      int behind;
      do {
        behind = behind();
        if (behind == 0) {
          return;
        }
        Thread.sleep(20);
      } while (System.nanoTime() < waitUntil);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(behind + " of " + sockets.length + " sockets never saw their group's state");
      }
    }
  }

  /** Sockets that have not yet seen their group's newest version. */
  int behind() {
    int behind = 0;
    for (int i = 0; i < sockets.length; i++) {
      if (latest.get(i) < produced.get(groupOf[i])) {
        behind++;
      }
    }
    return behind;
  }

  /** Starts counting arrivals from now on. */
  void measure() {
    deliveries.reset();
    fanOut.clear();
    roundTrips.clear();
    refusals.clear();
    sharedFrames.reset();
    privateFrames.reset();
    measuring = true;
  }

  /** Handles a reply: its round trip, and the version it produced in its group. */
  void replied(int group, Reply reply) {
    if (!reply.ok()) {
      refusals.computeIfAbsent(reply.message() == null ? "code " + reply.failureCode()
          : reply.message().split(":")[0], k -> new LongAdder()).increment();
      return;
    }
    if (measuring) {
      roundTrips.add(reply.roundTripMicros());
    }
    long v = reply.version();
    if (v >= 0 && produced.getAndAccumulate(group, v, Math::max) < v && measuring) {
      deliveries.changed(group, v, reply.sentNanos());
    }
  }

  long refusalCount() {
    return refusals.values().stream().mapToLong(LongAdder::sum).sum();
  }

  @Override
  public void close() {
    client.close();
  }

  /** Talking Piece: one session per group, a participant per socket, a facilitator console per session. */
  static final class Sessions extends World {
    private final List<Setup.Session> sessions;
    private final Socket[] consoles;
    private final int[] nextSpeaker;

    Sessions(LoadClient client, List<Setup.Session> sessions, int perGroup) {
      super(client, sessions.size(), perGroup);
      this.sessions = sessions;
      this.consoles = new Socket[sessions.size()];
      this.nextSpeaker = new int[sessions.size()];
    }

    private Setup.Participant participant(int i) {
      return sessions.get(groupOf[i]).participants().get(i % perGroup);
    }

    @Override
    boolean isShared(String address) {
      return address.endsWith(".public");
    }

    @Override
    void register(int i) {
      Setup.Session s = sessions.get(groupOf[i]);
      Setup.Participant p = participant(i);
      sockets[i].register(Addresses.publicUpdates(s.id()), p.token());
      sockets[i].register(Addresses.participant(s.id(), p.id()), p.token());
    }

    @Override
    void connectOthers() throws Exception {
      List<Future<Socket>> all = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        int group = g;
        all.add(client.connect(sockets.length + g, (socket, address, version, at, frame) -> { }).onSuccess(socket -> {
          consoles[group] = socket;
          socket.register(Addresses.facilitator(sessions.get(group).id()), sessions.get(group).consoleToken());
        }));
      }
      Future.all(all).await(120, TimeUnit.SECONDS);
      // Start every session and open the floor to a queue, as a facilitator would for a discussion.
      for (int g = 0; g < groups; g++) {
        expectOk(facilitator(g, "start", null), "start");
        expectOk(facilitator(g, "floor.switch-mode", new JsonObject().put("mode", "queue")), "switch-mode");
      }
    }

    private Future<Reply> facilitator(int group, String command, JsonObject args) {
      JsonObject body = new JsonObject().put("command", command);
      if (args != null) {
        body.put("args", args);
      }
      Setup.Session s = sessions.get(group);
      return consoles[group].request(Addresses.command(s.id()), s.consoleToken(), body)
          .onSuccess(reply -> replied(group, reply));
    }

    private static void expectOk(Future<Reply> reply, String what) throws Exception {
      Reply r = reply.await(60, TimeUnit.SECONDS);
      if (!r.ok()) {
        throw new IllegalStateException(what + " was refused: " + r.failureCode() + " " + r.message());
      }
    }

    /**
     * A poll in session 0 that everyone answers within {@code spreadMs}: how many frames each screen
     * gets while the votes pour in (they are coalesced, so far fewer than the votes), and how long a
     * vote takes to be answered.
     */
    JsonObject pollBurst(long spreadMs) throws Exception {
      expectOk(facilitator(0, "anon.open", new JsonObject().put("kind", "poll")
          .put("prompt", "How are you arriving today?")
          .put("options", new io.vertx.core.json.JsonArray().add("Ready").add("Curious").add("Tired"))), "anon.open");
      Thread.sleep(1_000);
      measure();
      Setup.Session s = sessions.get(0);
      AtomicInteger answered = new AtomicInteger();
      long started = System.nanoTime();
      for (int i = 0; i < perGroup; i++) {
        Socket socket = sockets[i];
        Setup.Participant p = participant(i);
        String choice = Integer.toString(1 + i % 3);
        JsonObject vote = new JsonObject().put("command", "anon.answer-poll")
            .put("args", new JsonObject().put("choices", new io.vertx.core.json.JsonArray().add(choice)));
        client.vertx().setTimer(1 + spreadMs * i / perGroup, t -> socket.onLoop(() ->
            socket.send(Addresses.command(s.id()), p.token(), vote, reply -> {
              replied(0, reply);
              answered.incrementAndGet();
            })));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (answered.get() < perGroup && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      double votingSeconds = (System.nanoTime() - started) / 1e9;
      // Let the last coalesced update reach every screen.
      Thread.sleep(1_000);
      measuring = false;
      double windowSeconds = votingSeconds + 1;
      JsonObject refused = new JsonObject();
      refusals.forEach((k, v) -> refused.put(k, v.sum()));
      return new JsonObject().put("votes", perGroup).put("answered", answered.get()).put("refused", refused)
          .put("spreadMs", spreadMs).put("votingSeconds", Math.round(votingSeconds * 10) / 10.0)
          .put("roundTrip", Bench.percentiles(roundTrips))
          .put("framesPerScreen", Math.round(sharedFrames.sum() * 10.0 / perGroup) / 10.0)
          .put("framesPerScreenPerSecond", Math.round(sharedFrames.sum() * 10.0 / perGroup / windowSeconds) / 10.0);
    }

    @Override
    Future<Reply> change(int group) {
      int who;
      synchronized (nextSpeaker) {
        who = nextSpeaker[group]++ % perGroup;
      }
      String speaker = sessions.get(group).participants().get(who).id();
      return facilitator(group, "floor.give-floor", new JsonObject().put("participantId", speaker));
    }

    @Override
    void command(int group, java.util.Random random) {
      Setup.Session s = sessions.get(group);
      if (random.nextInt(5) == 0) {
        // The facilitator moves the discussion on: the current turn ends, the first hand gets the floor.
        consoles[group].onLoop(() -> consoles[group].send(Addresses.command(s.id()), s.consoleToken(),
            new JsonObject().put("command", "floor.next"), reply -> replied(group, reply)));
        return;
      }
      int i = group * perGroup + random.nextInt(perGroup);
      Setup.Participant p = participant(i);
      Socket socket = sockets[i];
      String command = random.nextBoolean() ? "floor.raise-hand" : "floor.lower-hand";
      socket.onLoop(() -> socket.send(Addresses.command(s.id()), p.token(),
          new JsonObject().put("command", command), reply -> replied(group, reply)));
    }
  }

  /** The baseline: a bare bridge, one address per group, any socket may ask for a publish. */
  static final class Baseline extends World {
    private final AtomicInteger sender = new AtomicInteger();

    Baseline(LoadClient client, int groups, int perGroup) {
      super(client, groups, perGroup);
    }

    @Override
    boolean isShared(String address) {
      return address.startsWith(BaselineServer.OUT);
    }

    @Override
    void register(int i) {
      sockets[i].register(BaselineServer.out(groupOf[i]), null);
    }

    @Override
    Future<Reply> change(int group) {
      Socket socket = sockets[group * perGroup + Math.floorMod(sender.getAndIncrement(), perGroup)];
      return socket.request(BaselineServer.COMMAND, null, new JsonObject().put("group", group))
          .onSuccess(reply -> replied(group, reply));
    }

    @Override
    void command(int group, java.util.Random random) {
      Socket socket = sockets[group * perGroup + random.nextInt(perGroup)];
      socket.onLoop(() -> socket.send(BaselineServer.COMMAND, null, new JsonObject().put("group", group),
          reply -> replied(group, reply)));
    }
  }
}
