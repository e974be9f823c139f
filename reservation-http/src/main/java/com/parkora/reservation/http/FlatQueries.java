package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.parkora.reservation.http.GraphQlOutput.ReservationOut;
import com.parkora.reservation.http.GraphQlOutput.ReservationRows;
import com.parkora.reservation.http.ReservationFetchers.AnsweredResult;
import com.parkora.reservation.port.ReservationView;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers a query whose root fields all return reservations and select only their scalar fields
 * (the clients' lists and look-ups), and a mutation of one such field (the commands), without
 * graphql-java's field-by-field execution, the idea behind graphql-jit: the plan of a validated
 * document is made once, the arguments are coerced by graphql-java's own {@link ValuesResolver}
 * (marked {@code @Internal}: it may change in any release, so {@code FlatQueriesTest}, which
 * compares this answer with graphql-java's on the clients' documents and random selections, is what
 * an upgrade must pass), the same data fetchers run, and the rows are written straight to JSON
 * (into the response's stream, from the rows as the store gave them), key for key and byte for byte
 * what graphql-java's answer serializes to. Anything else (fragments, directives, another type, an
 * error of any kind) is left to graphql-java, which then answers as always. A mutation is never run
 * twice: once its command has run, graphql-java shapes what the flat writer does not (its error)
 * over the command's outcome, which the fetcher gives back instead of running again ({@link
 * AnsweredResult}).
 */
final class FlatQueries {

  /** The one object type answered flat. */
  static final String RESERVATION = "Reservation";

  private final GraphQLSchema schema;
  private final JsonFactory json;

  FlatQueries(GraphQLSchema schema, JsonFactory json) {
    this.schema = schema;
    this.json = json;
  }

  /** The plan of one validated document, made once. */
  record Plan(OperationDefinition operation, List<Root> roots) {

    boolean mutation() {
      return operation.getOperation() == OperationDefinition.Operation.MUTATION;
    }
  }

  /**
   * A root field: its response key, its shape ({@code [Reservation!]!}, {@code Reservation!} or
   * {@code Reservation}), and the columns of each reservation it returns.
   */
  record Root(
      String key,
      Field field,
      GraphQLFieldDefinition definition,
      DataFetcher<?> fetcher,
      boolean list,
      boolean required,
      List<ReservationColumn> columns) {}

  /**
   * The plan of a document that passed validation, or null when graphql-java must run it: a query,
   * or a mutation of one root field (graphql-java runs several one after the other, and an error in
   * one nulls the whole answer).
   */
  Plan plan(Document document) {
    if (document.getDefinitions().size() != 1
        || !(document.getDefinitions().getFirst() instanceof OperationDefinition operation)
        || !operation.getDirectives().isEmpty()) {
      return null;
    }
    GraphQLObjectType type =
        switch (operation.getOperation()) {
          case QUERY -> schema.getQueryType();
          case MUTATION -> schema.getMutationType();
          default -> null;
        };
    List<Selection> selections = operation.getSelectionSet().getSelections();
    if (type == null
        || (operation.getOperation() == OperationDefinition.Operation.MUTATION
            && selections.size() != 1)) {
      return null;
    }
    Map<String, Root> roots = new LinkedHashMap<>();
    for (Selection<?> selection : selections) {
      if (!(selection instanceof Field field) || !field.getDirectives().isEmpty()) {
        return null;
      }
      GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
      Root root = definition == null ? null : root(type, field, definition);
      if (root == null || roots.putIfAbsent(root.key(), root) != null) {
        return null;
      }
    }
    return new Plan(operation, List.copyOf(roots.values()));
  }

  /**
   * A root field of type {@code [Reservation!]!}, {@code Reservation!} or {@code Reservation}: the
   * shapes whose nulls and errors {@link #writeValue} answers as graphql-java would.
   */
  private Root root(GraphQLObjectType parent, Field field, GraphQLFieldDefinition definition) {
    GraphQLType type = definition.getType();
    boolean list =
        type instanceof GraphQLNonNull nonNull
            && nonNull.getWrappedType() instanceof GraphQLList items
            && items.getWrappedType() instanceof GraphQLNonNull;
    boolean required =
        type instanceof GraphQLNonNull nonNull
            && nonNull.getWrappedType() instanceof GraphQLObjectType;
    GraphQLType element = list || required ? GraphQLTypeUtil.unwrapAll(type) : type;
    if (!(element instanceof GraphQLObjectType object) || !object.getName().equals(RESERVATION)) {
      return null;
    }
    List<ReservationColumn> columns = columns(field.getSelectionSet(), object);
    if (columns == null) {
      return null;
    }
    DataFetcher<?> fetcher =
        schema
            .getCodeRegistry()
            .getDataFetcher(FieldCoordinates.coordinates(parent, definition), definition);
    if (parent == schema.getMutationType() && !(fetcher instanceof ReservationFetchers.Command)) {
      return null; // only a command's fetcher gives its outcome back instead of running again
    }
    String key = field.getAlias() != null ? field.getAlias() : field.getName();
    return new Root(key, field, definition, fetcher, list, required, columns);
  }

  /** Scalar fields only, in graphql-java's order: a response key's first place, once. */
  private static List<ReservationColumn> columns(SelectionSet selections, GraphQLObjectType type) {
    Map<String, ReservationColumn> columns = new LinkedHashMap<>();
    for (Selection<?> selection : selections.getSelections()) {
      if (!(selection instanceof Field field)
          || !field.getDirectives().isEmpty()
          || !field.getArguments().isEmpty()
          || field.getSelectionSet() != null) {
        return null;
      }
      ReservationColumn column = ReservationColumn.of(field, type);
      if (column == null) {
        return null;
      }
      columns.putIfAbsent(column.key().getValue(), column);
    }
    return List.copyOf(columns.values());
  }

  /**
   * The answer, or null when graphql-java must answer: another operation is named, the variables do
   * not coerce, a query's fetcher fails (its error is graphql-java's to shape), or a row holds what
   * graphql-java would answer with an error. Every row is checked here, so the answer, once its
   * writing starts, is written whole. A mutation whose command ran and failed, or gave what is not
   * written here, is answered with its outcome {@linkplain Answer#settled settled} instead.
   */
  Answer answer(Plan plan, GraphQlRequest request, GraphQLContext context) {
    if (request.operationName() != null
        && !request.operationName().equals(plan.operation().getName())) {
      return null;
    }
    List<DataFetchingEnvironment> environments = new ArrayList<>(plan.roots().size());
    try {
      CoercedVariables variables =
          ValuesResolver.coerceVariableValues(
              schema,
              plan.operation().getVariableDefinitions(),
              RawVariables.of(request.variables()),
              context,
              Locale.getDefault());
      for (Root root : plan.roots()) {
        Map<String, Object> arguments =
            ValuesResolver.getArgumentValues(
                schema.getCodeRegistry(),
                root.definition().getArguments(),
                root.field().getArguments(),
                variables,
                context,
                Locale.getDefault());
        environments.add(
            DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
                .arguments(arguments)
                .graphQLContext(context)
                .fieldDefinition(root.definition())
                .build());
      }
    } catch (Exception e) {
      return null; // nothing ran: graphql-java answers with its coercion error
    }
    List<Object> values = new ArrayList<>(plan.roots().size());
    for (int i = 0; i < environments.size(); i++) {
      try {
        values.add(plan.roots().get(i).fetcher().get(environments.get(i)));
      } catch (Exception e) {
        return plan.mutation() ? new Answer(plan, List.of(), AnsweredResult.failed(e)) : null;
      }
    }
    for (int i = 0; i < values.size(); i++) {
      if (!writable(plan.roots().get(i), values.get(i))) {
        return plan.mutation()
            ? new Answer(plan, List.of(), new AnsweredResult(values.get(i)))
            : null;
      }
    }
    return new Answer(plan, values, null);
  }

  /**
   * A flat answer whose every row was checked: {@link #writeTo} writes its JSON, {@code
   * {"data":{...}}}, into a stream (the response's own, in the service: no copy of it is made); or
   * a mutation's {@link #settled} outcome, for graphql-java to answer.
   */
  final class Answer {

    private final Plan plan;
    private final List<Object> values;
    private final AnsweredResult settled;

    private Answer(Plan plan, List<Object> values, AnsweredResult settled) {
      this.plan = plan;
      this.values = values;
      this.settled = settled;
    }

    /**
     * For a mutation whose command ran but whose answer graphql-java must shape (an error, or a
     * value not written here): the command's outcome, which graphql-java renders without running it
     * again; null for an answer to write.
     */
    AnsweredResult settled() {
      return settled;
    }

    /**
     * Writes the JSON to {@code out}, which it neither flushes nor closes (so a response that fits
     * the server's buffer is still sent whole, with its length).
     */
    void writeTo(OutputStream out) throws IOException {
      char[] scratch = new char[RowText.MAX_LENGTH];
      try (JsonGenerator generator = json.createGenerator(out)) {
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        generator.writeStartObject();
        generator.writeFieldName(DATA);
        generator.writeStartObject();
        for (int i = 0; i < values.size(); i++) {
          Root root = plan.roots().get(i);
          generator.writeFieldName(root.key());
          writeValue(generator, root, values.get(i), scratch);
        }
        generator.writeEndObject();
        generator.writeEndObject();
      }
    }

    /** The JSON as bytes (for tests). */
    byte[] bytes() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }
  }

  private static final SerializableString DATA = new SerializedString("data");

  /** False when the value is not what the plan expects (graphql-java would shape an error). */
  private static boolean writable(Root root, Object value) {
    if (!root.list()) {
      return value == null
          ? !root.required()
          : value instanceof ReservationOut row && writable(root.columns(), row);
    }
    if (value instanceof ReservationRows rows) {
      for (ReservationView view : rows.views()) {
        for (ReservationColumn column : root.columns()) {
          if (!column.writable(view)) {
            return false;
          }
        }
      }
      return true;
    }
    if (!(value instanceof List<?> rows)) {
      return false;
    }
    for (Object row : rows) {
      if (!(row instanceof ReservationOut reservation) || !writable(root.columns(), reservation)) {
        return false;
      }
    }
    return true;
  }

  private static boolean writable(List<ReservationColumn> columns, ReservationOut row) {
    for (ReservationColumn column : columns) {
      if (!column.writable(row)) {
        return false;
      }
    }
    return true;
  }

  /** Writes a value that is {@link #writable}. */
  private static void writeValue(JsonGenerator generator, Root root, Object value, char[] scratch)
      throws IOException {
    if (!root.list()) {
      if (value == null) {
        generator.writeNull();
      } else {
        writeRow(generator, root.columns(), (ReservationOut) value);
      }
      return;
    }
    generator.writeStartArray();
    if (value instanceof ReservationRows rows) {
      for (ReservationView view : rows.views()) {
        generator.writeStartObject();
        for (ReservationColumn column : root.columns()) {
          column.write(generator, view, scratch);
        }
        generator.writeEndObject();
      }
    } else {
      for (Object row : (List<?>) value) {
        writeRow(generator, root.columns(), (ReservationOut) row);
      }
    }
    generator.writeEndArray();
  }

  private static void writeRow(
      JsonGenerator generator, List<ReservationColumn> columns, ReservationOut row)
      throws IOException {
    generator.writeStartObject();
    for (ReservationColumn column : columns) {
      column.write(generator, row);
    }
    generator.writeEndObject();
  }
}
