package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.AstPrinter;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema served over HTTP, read by introspection, against docs/graphql.md (a verbatim copy in
 * the test resources): every type, field, argument, nullability and default value. The only
 * difference allowed is the two additive Query fields.
 */
class ServedSchemaTest {

  private static final String TYPE_REF =
      "kind name ofType { kind name ofType { kind name ofType { kind name } } }";
  private static final String INTROSPECTION =
      """
      { __schema { queryType { name } mutationType { name } types { name kind
          fields { name type { %1$s } args { name defaultValue type { %1$s } } }
          inputFields { name defaultValue type { %1$s } } } } }
      """
          .formatted(TYPE_REF);
  private static final List<String> ADDITIVE_QUERY_FIELDS =
      List.of(
          "reservationAt(asOf: String!, id: String!): Reservation",
          "reservationHistory(id: String!): [Reservation!]!");

  private static RunningApi api;
  private static JsonNode schema;

  @BeforeAll
  static void introspect() {
    api = RunningApi.inMemory();
    RunningApi.Answer answer = api.graphQl(INTROSPECTION, Map.of(), Map.of());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().has("errors")).as(answer.body()).isFalse();
    schema = answer.json().path("data").path("__schema");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void introspection_needs_no_tenant_and_names_the_root_types() {
    assertThat(schema.path("queryType").path("name").asText()).isEqualTo("Query");
    assertThat(schema.path("mutationType").path("name").asText()).isEqualTo("Mutation");
  }

  @Test
  void the_served_types_are_exactly_those_of_the_contract() {
    assertThat(served().keySet()).isEqualTo(contract().keySet());
  }

  @Test
  void every_contract_field_argument_nullability_and_default_is_served_as_written() {
    Map<String, List<String>> served = served();
    contract()
        .forEach(
            (type, fields) -> {
              List<String> actual =
                  type.equals("Query")
                      ? served.get(type).stream()
                          .filter(f -> !ADDITIVE_QUERY_FIELDS.contains(f))
                          .toList()
                      : served.get(type);
              assertThat(actual).as(type).containsExactlyInAnyOrderElementsOf(fields);
            });
  }

  @Test
  void the_only_additions_are_reservation_at_and_reservation_history() {
    assertThat(served().get("Query"))
        .containsAll(ADDITIVE_QUERY_FIELDS)
        .hasSize(contract().get("Query").size() + ADDITIVE_QUERY_FIELDS.size());
  }

  @Test
  void ids_are_strings_not_the_id_scalar() {
    assertThat(served().values().stream().flatMap(List::stream)).noneMatch(f -> f.contains("ID"));
  }

  /** Object and input types of the served schema (introspection types left out), as signatures. */
  private static Map<String, List<String>> served() {
    Map<String, List<String>> types = new TreeMap<>();
    for (JsonNode type : schema.path("types")) {
      String name = type.path("name").asText();
      String kind = type.path("kind").asText();
      if (name.startsWith("__") || !(kind.equals("OBJECT") || kind.equals("INPUT_OBJECT"))) {
        continue;
      }
      JsonNode fields = kind.equals("OBJECT") ? type.path("fields") : type.path("inputFields");
      types.put(name, signatures(fields));
    }
    return types;
  }

  private static List<String> signatures(JsonNode fields) {
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode field : fields) {
      List<String> args = new java.util.ArrayList<>();
      for (JsonNode arg : field.path("args")) {
        args.add(
            arg.path("name").asText()
                + ": "
                + typeRef(arg.path("type"))
                + defaultOf(arg.path("defaultValue")));
      }
      args.sort(String::compareTo);
      out.add(
          field.path("name").asText()
              + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")")
              + ": "
              + typeRef(field.path("type"))
              + defaultOf(field.path("defaultValue")));
    }
    return out;
  }

  private static String defaultOf(JsonNode value) {
    return value.isMissingNode() || value.isNull() ? "" : " = " + value.asText();
  }

  private static String typeRef(JsonNode type) {
    return switch (type.path("kind").asText()) {
      case "NON_NULL" -> typeRef(type.path("ofType")) + "!";
      case "LIST" -> "[" + typeRef(type.path("ofType")) + "]";
      default -> type.path("name").asText();
    };
  }

  /** The contract's object and input types, as the same signatures. */
  private static Map<String, List<String>> contract() {
    TypeDefinitionRegistry registry =
        new SchemaParser()
            .parse(WebPages.resource(ServedSchemaTest.class, "/contract-schema.graphqls"));
    Map<String, List<String>> types = new TreeMap<>();
    for (TypeDefinition<?> type : registry.types().values()) {
      if (type instanceof ObjectTypeDefinition object) {
        types.put(
            object.getName(),
            object.getFieldDefinitions().stream().map(ServedSchemaTest::signature).toList());
      } else if (type instanceof InputObjectTypeDefinition input) {
        types.put(
            input.getName(),
            input.getInputValueDefinitions().stream().map(ServedSchemaTest::signature).toList());
      }
    }
    return types;
  }

  private static String signature(FieldDefinition field) {
    List<String> args =
        field.getInputValueDefinitions().stream()
            .map(ServedSchemaTest::signature)
            .sorted()
            .toList();
    return field.getName()
        + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")")
        + ": "
        + AstPrinter.printAst(field.getType());
  }

  private static String signature(InputValueDefinition value) {
    return value.getName()
        + ": "
        + AstPrinter.printAst(value.getType())
        + (value.getDefaultValue() == null
            ? ""
            : " = " + AstPrinter.printAst(value.getDefaultValue()));
  }
}
