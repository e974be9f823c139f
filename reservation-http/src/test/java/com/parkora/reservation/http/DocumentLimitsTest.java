package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class DocumentLimitsTest {

  private static final DocumentLimits LIMITS = new DocumentLimits(3, 6);

  private static java.util.Optional<String> verdict(String document) {
    return LIMITS.check(Parser.parse(document)).map(graphql.GraphQLError::getMessage);
  }

  @Test
  void a_document_within_both_caps_passes() {
    assertThat(verdict("{ a { b { c } } }")).isEmpty();
  }

  @Test
  void depth_counts_fields_from_one_at_the_top() {
    assertThat(verdict("{ a { b { c { d } } } }"))
        .hasValueSatisfying(m -> assertThat(m).contains("depth").contains("4 > 3"));
  }

  @Test
  void fragments_and_inline_fragments_count_where_they_are_spread() {
    assertThat(verdict("query { a { ...F } } fragment F on T { b { ... on U { c { d } } } }"))
        .hasValueSatisfying(m -> assertThat(m).contains("depth"));
  }

  @Test
  void skipped_fields_still_count_so_variables_cannot_change_the_verdict() {
    assertThat(verdict("query($s: Boolean!) { a { b @skip(if: $s) { c { d } } } }"))
        .hasValueSatisfying(m -> assertThat(m).contains("depth"));
  }

  @Test
  void complexity_is_the_number_of_fields_in_any_operation() {
    assertThat(verdict("query A { x } query B { a b c d e f g }"))
        .hasValueSatisfying(m -> assertThat(m).contains("complexity").contains("7 > 6"));
  }

  /**
   * Walked naively this document is 2^40 fields; the timeout only turns such a hang into a failure.
   */
  @Test
  @org.junit.jupiter.api.Timeout(60)
  void fragments_spread_into_each_other_are_measured_once_not_exponentially() {
    StringBuilder document = new StringBuilder("{ ...F0 }");
    for (int i = 0; i < 40; i++) {
      document
          .append(" fragment F")
          .append(i)
          .append(" on T { a { ...F")
          .append(i + 1)
          .append(" } b { ...F")
          .append(i + 1)
          .append(" } }");
    }
    document.append(" fragment F40 on T { leaf }");
    assertThat(verdict(document.toString()))
        .hasValueSatisfying(m -> assertThat(m).contains("maximum query depth exceeded: 41 > 3"));
  }

  @Test
  void a_list_costs_its_selection_once_per_item_it_can_return() {
    DocumentLimits limits = new DocumentLimits(15, 10_000, new ListSizes());
    java.util.function.Function<String, java.util.Optional<String>> verdict =
        document -> limits.check(Parser.parse(document)).map(graphql.GraphQLError::getMessage);
    String twelve =
        "{ id tenantId userId parkingSpotId startTime endTime durationHours totalCost status"
            + " transactionId createdAt updatedAt }";

    assertThat(verdict.apply("{ reservations(limit: 500) " + twelve + " }")).isEmpty();
    assertThat(verdict.apply("{ reservations(limit: 20000) { id } }"))
        .hasValueSatisfying(m -> assertThat(m).contains("20001 > 10000"));
    assertThat(
            verdict.apply(
                "query($n: Int!) { a: reservations(limit: $n) "
                    + twelve
                    + " b: reservations(limit: $n) "
                    + twelve
                    + " }"))
        .hasValueSatisfying(m -> assertThat(m).contains("12002 > 10000"));
    assertThat(verdict.apply("{ reservations " + twelve + " }")).isEmpty();
    assertThat(
            verdict.apply(
                "{ reservations(limit: 500) { ...F } } fragment F on Reservation"
                    + " { a b c d e f g h i j k l m n o p q r s t u }"))
        .hasValueSatisfying(m -> assertThat(m).contains("10501 > 10000"));
    StringBuilder unpaged = new StringBuilder("{");
    for (int i = 0; i < 50; i++) {
      unpaged.append(" u").append(i).append(": reservationsByUser(userId: \"u\") { id status }");
    }
    assertThat(verdict.apply(unpaged.append(" }").toString()))
        .hasValueSatisfying(m -> assertThat(m).contains("10050 > 10000"));
  }
}
