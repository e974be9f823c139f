package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.parkora.reservation.http.GraphQlOutput.ReservationOut;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * One selected scalar field of a {@code Reservation} in a {@link FlatQueries} answer, written as
 * graphql-java serializes it: {@code String} as text, {@code Int} and {@code Float} as numbers,
 * null only where the schema allows it.
 */
record ReservationColumn(String key, String name, boolean nonNull, Value value) {

  /** How a field's value is read from a row and written. */
  @FunctionalInterface
  interface Value {
    /** False when the row holds nothing graphql-java could serialize without an error. */
    boolean write(JsonGenerator generator, ReservationOut row, boolean nonNull) throws IOException;
  }

  private static final Map<String, Value> VALUES =
      Map.ofEntries(
          text("id", ReservationOut::id),
          text("tenantId", ReservationOut::tenantId),
          text("userId", ReservationOut::userId),
          text("parkingSpotId", ReservationOut::parkingSpotId),
          text("startTime", ReservationOut::startTime),
          text("endTime", ReservationOut::endTime),
          Map.entry(
              "durationHours",
              (generator, row, nonNull) -> {
                generator.writeNumber(row.durationHours());
                return true;
              }),
          Map.entry(
              "totalCost",
              (generator, row, nonNull) -> {
                if (!Double.isFinite(row.totalCost())) {
                  return false;
                }
                generator.writeNumber(row.totalCost());
                return true;
              }),
          text("status", ReservationOut::status),
          text("transactionId", ReservationOut::transactionId),
          text("createdAt", ReservationOut::createdAt),
          text("updatedAt", ReservationOut::updatedAt));

  /** The column of a selected field, or null when it is not one of the scalars above. */
  static ReservationColumn of(Field field, GraphQLObjectType type) {
    String key = field.getAlias() != null ? field.getAlias() : field.getName();
    if (field.getName().equals(Introspection.TypeNameMetaFieldDef.getName())) {
      String typeName = type.getName();
      return new ReservationColumn(
          key,
          field.getName(),
          true,
          (generator, row, nonNull) -> {
            generator.writeString(typeName);
            return true;
          });
    }
    GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
    Value value = VALUES.get(field.getName());
    if (definition == null
        || value == null
        || !(GraphQLTypeUtil.unwrapNonNull(definition.getType()) instanceof GraphQLScalarType)) {
      return null;
    }
    return new ReservationColumn(
        key, field.getName(), definition.getType() instanceof GraphQLNonNull, value);
  }

  boolean write(JsonGenerator generator, ReservationOut row) throws IOException {
    return value.write(generator, row, nonNull);
  }

  private static Map.Entry<String, Value> text(String name, Function<ReservationOut, String> read) {
    return Map.entry(
        name,
        (generator, row, nonNull) -> {
          String text = read.apply(row);
          if (text == null) {
            generator.writeNull();
            return !nonNull;
          }
          generator.writeString(text);
          return true;
        });
  }
}
