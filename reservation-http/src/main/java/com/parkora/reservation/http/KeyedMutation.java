package com.parkora.reservation.http;

import com.parkora.reservation.domain.ReservationException;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;
import java.util.Optional;

/**
 * The mutation a GraphQL request runs, for {@code Idempotency-Key}: queries ignore the header, and
 * a keyed mutation names one root field (one command, one answer to keep). A document that does not
 * parse or names no operation runs as usual and answers its own error.
 */
final class KeyedMutation {

  private KeyedMutation() {}

  /** The request's document when the operation it runs is a mutation; empty otherwise. */
  static Optional<Document> of(GraphQlRequest request) {
    Document document;
    try {
      document = Parser.parse(request.query());
    } catch (InvalidSyntaxException e) {
      return Optional.empty();
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    Optional<OperationDefinition> chosen =
        request.operationName() == null
            ? operations.size() == 1 ? Optional.of(operations.getFirst()) : Optional.empty()
            : operations.stream()
                .filter(op -> request.operationName().equals(op.getName()))
                .findFirst();
    if (chosen.isEmpty() || chosen.get().getOperation() != OperationDefinition.Operation.MUTATION) {
      return Optional.empty();
    }
    var selections = chosen.get().getSelectionSet().getSelections();
    if (selections.size() != 1 || !(selections.getFirst() instanceof Field)) {
      throw new ReservationException.InvalidInput(
          KeyedRequests.HEADER,
          "A request with an Idempotency-Key runs exactly one mutation field");
    }
    return Optional.of(document);
  }
}
