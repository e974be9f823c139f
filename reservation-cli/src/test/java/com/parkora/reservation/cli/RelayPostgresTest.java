package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkora.reservation.app.ReservationService;
import com.parkora.reservation.clients.rabbit.RabbitEventPublisher;
import com.parkora.reservation.clients.rabbit.RabbitSettings;
import com.parkora.reservation.clients.rabbit.testing.RabbitBroker;
import com.parkora.reservation.clients.rabbit.testing.TestQueue;
import com.parkora.reservation.clients.testing.LoopbackProxy;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.contract.Latches;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.PostgresStorage;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import com.parkora.reservation.port.CommitSignal;
import com.parkora.reservation.port.NewEvent;
import com.parkora.reservation.port.ReservationView;
import com.parkora.reservation.port.StoredEvent;
import com.parkora.reservation.relay.FeedReader;
import com.parkora.reservation.relay.FeedRelay;
import com.parkora.reservation.relay.RelaySettings;
import com.parkora.reservation.testing.Polling;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The relay from PostgreSQL to a real RabbitMQ: every committed event arrives, in order per
 * reservation, however the writers' transactions interleave and through a broker outage.
 */
class RelayPostgresTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final EventCodec CODEC = new EventCodec();

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("relay");
  private static PostgresStorage storage;
  private static ReservationService service;

  private final List<AutoCloseable> opened = new ArrayList<>();
  @RegisterExtension final RabbitBroker broker = RabbitBroker.connect();

  @BeforeAll
  static void connect() {
    storage = db.newStorage(12);
    service = ReservationService.builder(storage).build();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : opened.reversed()) {
      resource.close();
    }
  }

  @Test
  void every_event_of_8_writers_with_transactions_held_open_arrives_in_order_per_reservation()
      throws Exception {
    RabbitSettings rabbit = broker.settings();
    TestQueue queue = broker.bind(rabbit.reservationsExchange(), "#");
    TenantId tenant = new TenantId(UUID.randomUUID());
    startRelay(rabbit);

    CountDownLatch laterCommitted = new CountDownLatch(8 * 5);
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      List<Future<?>> work = new ArrayList<>();
      for (int held = 0; held < 2; held++) {
        work.add(pool.submit(() -> holdOpenWhileOthersCommit(tenant, laterCommitted)));
      }
      for (int w = 0; w < 8; w++) {
        work.add(pool.submit(() -> writeReservations(tenant, 12, laterCommitted)));
      }
      for (Future<?> done : work) {
        done.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
    }

    Map<UUID, StoredEvent> stored = storedEvents(tenant);
    assertThat(stored).hasSizeGreaterThan(8 * 12 * 3);
    List<TestQueue.Message> messages =
        queue.awaitUntil(m -> receivedIds(m, tenant).containsAll(stored.keySet()), PATIENCE);
    assertEveryMessageMatchesItsEvent(messages, tenant, stored);
    assertOrderPerReservation(messages, tenant, stored);
  }

  @Test
  void commands_keep_succeeding_while_the_broker_is_cut_and_afterwards_every_event_arrives()
      throws Exception {
    try (LoopbackProxy proxy = new LoopbackProxy(RabbitBroker.HOST, RabbitBroker.PORT)) {
      RabbitSettings rabbit = broker.settings(proxy.port());
      TestQueue queue = broker.bind(rabbit.reservationsExchange(), "#");
      TenantId tenant = new TenantId(UUID.randomUUID());
      FeedRelay relay = startRelay(rabbit);
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger commands = new AtomicInteger();
      try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
        Future<?> writer = pool.submit(() -> writeUntilStopped(tenant, writing, commands));
        queue.awaitUntil(m -> receivedIds(m, tenant).size() >= 20, PATIENCE);

        proxy.cut();
        int beforeCut = commands.get();
        long failedBeforeCut = relay.stats().failed();
        Polling.await("publishing to fail while the broker is away")
            .until(() -> relay.stats().failed() > failedBeforeCut);
        int publishingFailed = commands.get();
        Polling.await("commands to go on while publishing fails")
            .until(() -> commands.get() >= publishingFailed + 10);
        int duringCut = commands.get() - beforeCut;
        long failedDuringCut = relay.stats().failed() - failedBeforeCut;
        proxy.restore();

        writing.set(false);
        writer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(duringCut).as("commands that succeeded while the broker was away").isPositive();
        assertThat(failedDuringCut).as("publishing failed while the broker was away").isPositive();
      }

      Map<UUID, StoredEvent> stored = storedEvents(tenant);
      List<TestQueue.Message> messages =
          queue.awaitUntil(m -> receivedIds(m, tenant).containsAll(stored.keySet()), PATIENCE);
      assertEveryMessageMatchesItsEvent(messages, tenant, stored);
      assertOrderPerReservation(messages, tenant, stored);
    }
  }

  private FeedRelay startRelay(RabbitSettings rabbit) {
    String consumer = "test-relay-" + UUID.randomUUID();
    CommitSignal signal = storage.newCommitSignal();
    RabbitEventPublisher publisher = new RabbitEventPublisher(rabbit, CODEC);
    RelaySettings settings = RelaySettings.DEFAULTS;
    FeedRelay relay =
        FeedRelay.start(
            new FeedReader(storage.feed(), signal, 50, settings.pollInterval()),
            publisher,
            storage.feedLease(consumer, "test", Duration.ofSeconds(5)),
            settings,
            Clock.systemUTC());
    opened.add(signal);
    opened.add(publisher);
    opened.add(relay);
    return relay;
  }

  /** Create, confirm, cancel: three events per reservation, from one writer in order. */
  private static Void writeReservations(TenantId tenant, int count, CountDownLatch committed) {
    for (int i = 0; i < count; i++) {
      String id = create(tenant).id().toString();
      committed.countDown();
      service.confirm(tenant, id, "txn-" + id);
      service.cancel(tenant, id, "plans changed");
    }
    return null;
  }

  private static Void writeUntilStopped(
      TenantId tenant, AtomicBoolean writing, AtomicInteger commands) {
    while (writing.get()) {
      String id = create(tenant).id().toString();
      service.confirm(tenant, id, "txn-" + id);
      commands.addAndGet(2);
    }
    return null;
  }

  /**
   * Appends a reservation in a transaction that stays open until {@code laterCommitted} writers
   * committed after it, then confirms it: the feed sees the late commit after the earlier ones.
   */
  private static Void holdOpenWhileOthersCommit(TenantId tenant, CountDownLatch laterCommitted) {
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    ReservationEvent created =
        new ReservationEvent.ReservationCreated(
            id,
            tenant,
            UUID.randomUUID(),
            "held-" + id,
            now.plus(Duration.ofDays(30)),
            now.plus(Duration.ofDays(30)).plus(Duration.ofHours(1)),
            1,
            new BigDecimal("5.00"),
            now);
    storage.inTransaction(
        tenant,
        uow -> {
          uow.record(id, 0, List.of(new NewEvent(UUID.randomUUID(), created, Map.of())));
          Latches.await(laterCommitted, PATIENCE, "the other writers did not commit");
          return null;
        });
    service.confirm(tenant, id.toString(), "txn-held-" + id);
    return null;
  }

  private static ReservationView create(TenantId tenant) {
    return service.create(
        tenant,
        UUID.randomUUID().toString(),
        "spot-" + UUID.randomUUID(),
        "2031-06-01T08:00:00Z",
        2,
        12.5);
  }

  private static Map<UUID, StoredEvent> storedEvents(TenantId tenant) {
    Map<UUID, StoredEvent> events = new LinkedHashMap<>();
    storage.inTransaction(
        tenant,
        uow -> {
          uow.events().forEach(e -> events.put(e.eventId(), e));
          return null;
        });
    return events;
  }

  private static Set<UUID> receivedIds(List<TestQueue.Message> messages, TenantId tenant) {
    Set<UUID> ids = new HashSet<>();
    for (TestQueue.Message m : messages) {
      if (tenant.toString().equals(String.valueOf(m.properties().getHeaders().get("tenant_id")))) {
        ids.add(UUID.fromString(m.properties().getMessageId()));
      }
    }
    return ids;
  }

  private static void assertEveryMessageMatchesItsEvent(
      List<TestQueue.Message> messages, TenantId tenant, Map<UUID, StoredEvent> stored) {
    for (TestQueue.Message m : ofTenant(messages, tenant)) {
      StoredEvent event = stored.get(UUID.fromString(m.properties().getMessageId()));
      assertThat(event)
          .as("message %s is a stored event", m.properties().getMessageId())
          .isNotNull();
      assertThat(m.routingKey()).isEqualTo(RabbitEventPublisher.routingKey(event));
      assertThat(m.properties().getDeliveryMode()).isEqualTo(2);
      assertThat(m.properties().getContentType()).isEqualTo("application/json");
      assertThat(m.body()).isEqualTo(CODEC.messageLine(event));
    }
  }

  /** The first arrival of each reservation's events is in version order: 1, 2, 3, ... */
  private static void assertOrderPerReservation(
      List<TestQueue.Message> messages, TenantId tenant, Map<UUID, StoredEvent> stored) {
    Map<UUID, List<Long>> versions = new LinkedHashMap<>();
    Set<UUID> seen = new HashSet<>();
    for (TestQueue.Message m : ofTenant(messages, tenant)) {
      StoredEvent event = stored.get(UUID.fromString(m.properties().getMessageId()));
      if (seen.add(event.eventId())) {
        versions.computeIfAbsent(event.aggregateId(), id -> new ArrayList<>()).add(event.version());
      }
    }
    versions.forEach(
        (reservation, order) ->
            assertThat(order)
                .as("versions of %s in arrival order", reservation)
                .isSorted()
                .startsWith(1L));
  }

  private static List<TestQueue.Message> ofTenant(
      List<TestQueue.Message> messages, TenantId tenant) {
    return messages.stream()
        .filter(
            m ->
                tenant
                    .toString()
                    .equals(String.valueOf(m.properties().getHeaders().get("tenant_id"))))
        .toList();
  }
}
