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
    assertThat(verdict("{ a { b { c { d } } } }")).hasValueSatisfying(m ->
        assertThat(m).contains("depth").contains("4 > 3"));
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
}
