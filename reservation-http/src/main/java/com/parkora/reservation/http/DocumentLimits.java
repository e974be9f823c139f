package com.parkora.reservation.http;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Depth and complexity caps, checked once per distinct document rather than on every execution.
 * Counted as graphql-java's MaxQueryDepth/MaxQueryComplexity instrumentations count (a top-level
 * field is depth 1; complexity is the number of fields), over every operation of the document
 * with fragments expanded and every {@code @skip}/{@code @include} taken as included, so the
 * verdict holds whatever the variables. Runs after validation, which rejects fragment cycles.
 */
record DocumentLimits(int maxDepth, int maxComplexity) {

  /** The first cap a document breaks, as a caller error; empty when it keeps both. */
  Optional<GraphQLError> check(Document document) {
    Map<String, FragmentDefinition> fragments = document
        .getDefinitionsOfType(FragmentDefinition.class).stream()
        .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      Measure measure = measure(operation.getSelectionSet(), fragments, 0);
      if (measure.depth() > maxDepth) {
        return Optional.of(error("maximum query depth exceeded: " + measure.depth() + " > "
            + maxDepth));
      }
      if (measure.fields() > maxComplexity) {
        return Optional.of(error("maximum query complexity exceeded: " + measure.fields() + " > "
            + maxComplexity));
      }
    }
    return Optional.empty();
  }

  private record Measure(int depth, int fields) {}

  private static Measure measure(SelectionSet set, Map<String, FragmentDefinition> fragments,
      int depth) {
    int deepest = depth;
    int fields = 0;
    if (set == null) {
      return new Measure(depth, 0);
    }
    for (Selection<?> selection : set.getSelections()) {
      Measure inner = switch (selection) {
        case Field field -> {
          Measure below = measure(field.getSelectionSet(), fragments, depth + 1);
          yield new Measure(below.depth(), below.fields() + 1);
        }
        case FragmentSpread spread -> fragments.containsKey(spread.getName())
            ? measure(fragments.get(spread.getName()).getSelectionSet(), fragments, depth)
            : new Measure(depth, 0);
        case InlineFragment inline -> measure(inline.getSelectionSet(), fragments, depth);
        default -> new Measure(depth, 0);
      };
      deepest = Math.max(deepest, inner.depth());
      fields += inner.fields();
    }
    return new Measure(deepest, fields);
  }

  private static GraphQLError error(String message) {
    return GraphqlErrorBuilder.newError().message("%s", message).build();
  }
}
