package com.parkora.reservation.clients.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.parkora.reservation.clients.rabbit.testing.RabbitBroker;
import com.parkora.reservation.clients.rabbit.testing.TestQueue;
import com.parkora.reservation.codec.EventCodec;
import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.ReservationEvent;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.port.StoredEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The messages on the wire are those of docs/notifications.md, confirmed by a real RabbitMQ. */
class RabbitEventPublisherTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Instant AT = Instant.parse("2031-05-01T08:00:00Z");

  private final EventCodec codec = new EventCodec();
  private final ObjectMapper json = new ObjectMapper();
  @RegisterExtension final RabbitBroker broker = RabbitBroker.connect();

  @Test
  void each_event_goes_out_persistent_as_json_with_its_id_tenant_and_routing_key()
      throws Exception {
    RabbitSettings settings = broker.settings();
    TestQueue queue = broker.bind(settings.reservationsExchange(), "#");
    TenantId tenant = Fixtures.newTenant();
    UUID id = UUID.randomUUID();
    StoredEvent created = stored(tenant, 1, created(tenant, id));
    StoredEvent paid =
        stored(tenant, 2, new ReservationEvent.PaymentProcessed(id, "txn-1", AT.plusSeconds(5)));

    try (RabbitEventPublisher publisher = new RabbitEventPublisher(settings, codec)) {
      publisher.publishAll(List.of(created, paid));
    }

    List<TestQueue.Message> messages = queue.awaitUntil(m -> m.size() == 2, PATIENCE);
    assertThat(messages)
        .extracting(TestQueue.Message::routingKey)
        .containsExactly("reservation.reservation.created", "reservation.payment.processed");
    for (int i = 0; i < 2; i++) {
      StoredEvent sent = List.of(created, paid).get(i);
      TestQueue.Message message = messages.get(i);
      assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
      assertThat(message.properties().getContentType()).isEqualTo("application/json");
      assertThat(message.properties().getMessageId()).isEqualTo(sent.eventId().toString());
      assertThat(message.properties().getHeaders().get("tenant_id")).hasToString(tenant.toString());
      assertThat(message.body()).isEqualTo(codec.messageLine(sent));
    }
    assertThat(json.readTree(messages.get(1).body()).get("event_type").asText())
        .isEqualTo("PAYMENT_PROCESSED");
  }

  /**
   * The body's fields, in order, are those docs/notifications.md lists; nothing more, nothing less.
   */
  @Test
  void the_body_has_exactly_the_fields_docs_notifications_md_gives() throws Exception {
    RabbitSettings settings = broker.settings();
    TestQueue queue = broker.bind(settings.reservationsExchange(), "#");
    TenantId tenant = Fixtures.newTenant();
    StoredEvent created = stored(tenant, 1, created(tenant, UUID.randomUUID()));

    try (RabbitEventPublisher publisher = new RabbitEventPublisher(settings, codec)) {
      publisher.publish(created);
    }

    JsonNode body = json.readTree(queue.awaitUntil(m -> m.size() == 1, PATIENCE).getFirst().body());
    List<String> sent = new ArrayList<>();
    body.fieldNames().forEachRemaining(sent::add);
    assertThat(sent).isEqualTo(documentedBodyFields());
    assertThat(body.get("metadata").get("request_id").asText()).isEqualTo("r-1");
  }

  /** The fields of the line {@code - body `{"event_id",...}`} of docs/notifications.md. */
  private static List<String> documentedBodyFields() throws IOException {
    Path doc = Path.of(System.getProperty("user.dir")).resolveSibling("docs/notifications.md");
    assertThat(doc).as("docs/notifications.md next to the module").exists();
    Matcher line =
        Pattern.compile("^- body `\\{([^}]*)\\}`", Pattern.MULTILINE)
            .matcher(Files.readString(doc));
    assertThat(line.find()).as("a line '- body `{...}`' in " + doc).isTrue();
    return Arrays.stream(line.group(1).split(","))
        .map(field -> field.trim().replace("\"", ""))
        .toList();
  }

  @Test
  void an_unreachable_broker_fails_the_page_with_a_clear_message() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RabbitSettings settings = broker.settings(closedPort);
    TenantId tenant = Fixtures.newTenant();
    try (RabbitEventPublisher publisher = new RabbitEventPublisher(settings, codec)) {
      assertThatThrownBy(
              () -> publisher.publish(stored(tenant, 1, created(tenant, UUID.randomUUID()))))
          .isInstanceOf(PublishFailedException.class)
          .hasMessageStartingWith("RabbitMQ did not confirm: ");
    }
  }

  private static ReservationEvent created(TenantId tenant, UUID id) {
    return Fixtures.created(tenant, id, UUID.randomUUID(), "A-12", AT.plusSeconds(3600), 1, AT);
  }

  private static StoredEvent stored(TenantId tenant, long version, ReservationEvent event) {
    return new StoredEvent(
        UUID.randomUUID(),
        event.reservationId(),
        tenant,
        version,
        version,
        event,
        Map.of("request_id", "r-" + version),
        event.occurredAt());
  }
}
