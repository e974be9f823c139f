package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.parkora.reservation.http.GraphQlOutput.ReservationOut;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;

/**
 * One selected scalar field of a {@code Reservation} in a {@link FlatQueries} answer, written as
 * graphql-java serializes it: {@code String} as text, {@code Int} and {@code Float} as numbers,
 * null only where the schema allows it. Its key is encoded once, for every row.
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
  boolean write(JsonGenerator generator, ReservationOut row) throws IOException {
    generator.writeFieldName(key);
    return switch (value) {
      case ID -> text(generator, row.id());
      case TENANT_ID -> text(generator, row.tenantId());
      case USER_ID -> text(generator, row.userId());
      case PARKING_SPOT_ID -> text(generator, row.parkingSpotId());
      case START_TIME -> text(generator, row.startTime());
      case END_TIME -> text(generator, row.endTime());
      case DURATION_HOURS -> {
        generator.writeNumber(row.durationHours());
        yield true;
      }
      case TOTAL_COST -> {
        generator.writeNumber(row.totalCost());
        yield Double.isFinite(row.totalCost());
      }
      case STATUS -> text(generator, row.status());
      case TRANSACTION_ID -> text(generator, row.transactionId());
      case CREATED_AT -> text(generator, row.createdAt());
      case UPDATED_AT -> text(generator, row.updatedAt());
      case TYPENAME -> text(generator, FlatQueries.RESERVATION);
    };
  }

  private boolean text(JsonGenerator generator, String text) throws IOException {
    if (text == null) {
      generator.writeNull();
      return !nonNull;
    }
    generator.writeString(text);
    return true;
  }
}
