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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Depth and complexity caps, checked once per distinct document rather than on every execution.
 * Counted as graphql-java's MaxQueryDepth/MaxQueryComplexity instrumentations count (a top-level
 * field is depth 1; complexity is the number of fields), over every operation of the document with
 * fragments expanded and every {@code @skip}/{@code @include} taken as included, so the verdict
 * holds whatever the variables. Each fragment is measured once (a document spreading fragments into
 * each other cannot make the walk exponential) and counts saturate. Runs after validation, which
 * rejects fragment cycles.
 */
record DocumentLimits(int maxDepth, int maxComplexity) {

  /** The first cap a document breaks, as a caller error; empty when it keeps both. */
  Optional<GraphQLError> check(Document document) {
    Map<String, FragmentDefinition> fragments =
        document.getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(
                Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
    Walk walk = new Walk(fragments);
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      Measure measure = walk.measure(operation.getSelectionSet());
      if (measure.depth() > maxDepth) {
        return Optional.of(
            error("maximum query depth exceeded: " + measure.depth() + " > " + maxDepth));
      }
      if (measure.fields() > maxComplexity) {
        return Optional.of(
            error(
                "maximum query complexity exceeded: " + measure.fields() + " > " + maxComplexity));
      }
    }
    return Optional.empty();
  }

  /** Depth below a selection set (its own fields at 1) and the fields it expands to. */
  private record Measure(int depth, int fields) {
    static final Measure NONE = new Measure(0, 0);

    Measure plus(Measure other) {
      return new Measure(
          Math.max(depth, other.depth),
          (int) Math.min(Integer.MAX_VALUE, (long) fields + other.fields));
    }
  }

  private static final class Walk {
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Measure> measuredFragments = new HashMap<>();

    Walk(Map<String, FragmentDefinition> fragments) {
      this.fragments = fragments;
    }

    Measure measure(SelectionSet set) {
      Measure total = Measure.NONE;
      if (set == null) {
        return total;
      }
      for (Selection<?> selection : set.getSelections()) {
        total =
            total.plus(
                switch (selection) {
                  case Field field -> {
                    Measure below = measure(field.getSelectionSet());
                    yield new Measure(
                        below.depth() + 1, (int) Math.min(Integer.MAX_VALUE, below.fields() + 1L));
                  }
                  case FragmentSpread spread -> fragment(spread.getName());
                  case InlineFragment inline -> measure(inline.getSelectionSet());
                  default -> Measure.NONE;
                });
      }
      return total;
    }

    private Measure fragment(String name) {
      Measure known = measuredFragments.get(name);
      if (known != null) {
        return known;
      }
      FragmentDefinition definition = fragments.get(name);
      Measure measured = definition == null ? Measure.NONE : measure(definition.getSelectionSet());
      measuredFragments.put(name, measured);
      return measured;
    }
  }

  private static GraphQLError error(String message) {
    return GraphqlErrorBuilder.newError().message("%s", message).build();
  }
}
