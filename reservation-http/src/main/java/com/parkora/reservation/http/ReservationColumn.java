package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.parkora.reservation.domain.ReservationStatus;
import com.parkora.reservation.domain.Times;
import com.parkora.reservation.http.GraphQlOutput.ReservationOut;
import com.parkora.reservation.port.ReservationView;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * One selected scalar field of a {@code Reservation} in a {@link FlatQueries} answer, written as
 * graphql-java serializes it: {@code String} as text, {@code Int} and {@code Float} as numbers,
 * null only where the schema allows it. Its key is encoded once, for every row. A row is checked
 * whole ({@code writable}) before any of it is written.
 */
record ReservationColumn(SerializableString key, Value value, boolean nonNull) {

  /** The fields of {@link ReservationOut} and {@code __typename}, by their schema name. */
  enum Value {
    ID("id"),
    TENANT_ID("tenantId"),
    USER_ID("userId"),
    PARKING_SPOT_ID("parkingSpotId"),
    START_TIME("startTime"),
    END_TIME("endTime"),
    DURATION_HOURS("durationHours"),
    TOTAL_COST("totalCost"),
    STATUS("status"),
    TRANSACTION_ID("transactionId"),
    CREATED_AT("createdAt"),
    UPDATED_AT("updatedAt"),
    TYPENAME(Introspection.TypeNameMetaFieldDef.getName());

    private final String fieldName;

    Value(String fieldName) {
      this.fieldName = fieldName;
    }

    static Value named(String name) {
      for (Value value : values()) {
        if (value.fieldName.equals(name)) {
          return value;
        }
      }
      return null;
    }
  }

  /**
   * The column of a field selected on {@code Reservation}, or null when it is not one of the
   * scalars above.
   */
  static ReservationColumn of(Field field, GraphQLObjectType type) {
    SerializedString key =
        new SerializedString(field.getAlias() != null ? field.getAlias() : field.getName());
    Value value = Value.named(field.getName());
    if (value == Value.TYPENAME) {
      return new ReservationColumn(key, value, true);
    }
    GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
    if (definition == null
        || value == null
        || !(GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLScalarType)) {
      return null;
    }
    return new ReservationColumn(key, value, definition.getType() instanceof GraphQLNonNull);
  }

  /** False when the row holds nothing graphql-java could serialize without an error. */
  boolean writable(ReservationOut row) {
    return switch (value) {
      case DURATION_HOURS, TYPENAME -> true;
      case TOTAL_COST -> Double.isFinite(row.totalCost());
      default -> !nonNull || text(row) != null;
    };
  }

  /** Writes the field of a row that is {@link #writable(ReservationOut)}. */
  void write(JsonGenerator generator, ReservationOut row) throws IOException {
    generator.writeFieldName(key);
    switch (value) {
      case DURATION_HOURS -> generator.writeNumber(row.durationHours());
      case TOTAL_COST -> generator.writeNumber(row.totalCost());
      case TYPENAME -> generator.writeString(TYPENAME_TEXT);
      default -> {
        String text = text(row);
        if (text == null) {
          generator.writeNull();
        } else {
          generator.writeString(text);
        }
      }
    }
  }

  /**
   * As {@link #writable(ReservationOut)} for the row {@link ReservationOut#of} makes of this view
   * (one of {@link GraphQlOutput.ReservationRows}, whose ids, cost and status are present).
   */
  boolean writable(ReservationView row) {
    return switch (value) {
      case ID, TENANT_ID, USER_ID, STATUS, DURATION_HOURS, TYPENAME -> true;
      case TOTAL_COST -> Double.isFinite(row.totalCost().doubleValue());
      case PARKING_SPOT_ID -> !nonNull || row.parkingSpotId() != null;
      case TRANSACTION_ID -> !nonNull || row.transactionId() != null;
      case START_TIME -> !nonNull || row.startTime() != null;
      case END_TIME -> !nonNull || row.endTime() != null;
      case CREATED_AT -> !nonNull || row.createdAt() != null;
      case UPDATED_AT -> !nonNull || row.updatedAt() != null;
    };
  }

  /**
   * Writes the field of a {@link #writable(ReservationView)} view: the bytes {@link
   * #write(JsonGenerator, ReservationOut)} writes for {@code ReservationOut.of(row)}, ids and
   * timestamps through {@code scratch} (at least {@link RowText#MAX_LENGTH} characters).
   */
  void write(JsonGenerator generator, ReservationView row, char[] scratch) throws IOException {
    generator.writeFieldName(key);
    switch (value) {
      case ID -> generator.writeString(scratch, 0, RowText.uuid(row.id(), scratch));
      case TENANT_ID ->
          generator.writeString(scratch, 0, RowText.uuid(row.tenantId().value(), scratch));
      case USER_ID -> generator.writeString(scratch, 0, RowText.uuid(row.userId(), scratch));
      case PARKING_SPOT_ID -> text(generator, row.parkingSpotId());
      case START_TIME -> instant(generator, row.startTime(), scratch);
      case END_TIME -> instant(generator, row.endTime(), scratch);
      case DURATION_HOURS -> generator.writeNumber(row.durationHours());
      case TOTAL_COST -> generator.writeNumber(row.totalCost().doubleValue());
      case STATUS -> generator.writeString(STATUS_TEXT[row.status().ordinal()]);
      case TRANSACTION_ID -> text(generator, row.transactionId());
      case CREATED_AT -> instant(generator, row.createdAt(), scratch);
      case UPDATED_AT -> instant(generator, row.updatedAt(), scratch);
      case TYPENAME -> generator.writeString(TYPENAME_TEXT);
    }
  }

  private static final SerializableString TYPENAME_TEXT =
      new SerializedString(FlatQueries.RESERVATION);

  /** Each status's name, encoded once, by its ordinal. */
  private static final SerializableString[] STATUS_TEXT =
      Arrays.stream(ReservationStatus.values())
          .map(status -> new SerializedString(status.name()))
          .toArray(SerializableString[]::new);

  /** The text of a text column of the row, or null. */
  private String text(ReservationOut row) {
    return switch (value) {
      case ID -> row.id();
      case TENANT_ID -> row.tenantId();
      case USER_ID -> row.userId();
      case PARKING_SPOT_ID -> row.parkingSpotId();
      case START_TIME -> row.startTime();
      case END_TIME -> row.endTime();
      case STATUS -> row.status();
      case TRANSACTION_ID -> row.transactionId();
      case CREATED_AT -> row.createdAt();
      case UPDATED_AT -> row.updatedAt();
      case TYPENAME -> FlatQueries.RESERVATION;
      case DURATION_HOURS, TOTAL_COST -> throw new IllegalStateException(value + " is a number");
    };
  }

  private static void text(JsonGenerator generator, String text) throws IOException {
    if (text == null) {
      generator.writeNull();
    } else {
      generator.writeString(text);
    }
  }

  private static void instant(JsonGenerator generator, Instant instant, char[] scratch)
      throws IOException {
    if (instant == null) {
      generator.writeNull();
      return;
    }
    int length = RowText.instant(instant, scratch);
    if (length < 0) {
      generator.writeString(Times.format(instant));
    } else {
      generator.writeString(scratch, 0, length);
    }
  }
}
