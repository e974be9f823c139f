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
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Depth and complexity caps, checked once per distinct document rather than on every execution. A
 * top-level field is depth 1. A field costs 1 plus, for a list, the most items it can return times
 * the cost of its selection (1 for other fields), so a document's cost bounds the rows and values
 * it can answer: 499 aliases of {@code reservations(limit: 500) { id }} cost 249,999. Counted over
 * every operation of the document with fragments expanded and every {@code @skip}/{@code @include}
 * taken as included, so the verdict holds whatever the variables. Each fragment is measured once (a
 * document spreading fragments into each other cannot make the walk exponential) and counts
 * saturate. Runs after validation, which rejects fragment cycles.
 */
record DocumentLimits(int maxDepth, int maxComplexity, ToIntFunction<Field> listSizes) {

  /** Caps for a schema without lists: complexity is the number of fields. */
  DocumentLimits(int maxDepth, int maxComplexity) {
    this(maxDepth, maxComplexity, field -> 1);
  }

  /** The first cap a document breaks, as a caller error; empty when it keeps both. */
  Optional<GraphQLError> check(Document document) {
    Map<String, FragmentDefinition> fragments =
        document.getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(
                Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
    Walk walk = new Walk(fragments, listSizes);
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      Measure measure = walk.measure(operation.getSelectionSet());
      if (measure.depth() > maxDepth) {
        return Optional.of(
            error("maximum query depth exceeded: " + measure.depth() + " > " + maxDepth));
      }
      if (measure.cost() > maxComplexity) {
        return Optional.of(
            error(
                "maximum query complexity exceeded: "
                    + measure.cost()
                    + " > "
                    + maxComplexity
                    + " (a list counts its selection once per item it can return: ask for fewer"
                    + " items or fields)"));
      }
    }
    return Optional.empty();
  }

  /** Depth below a selection set (its own fields at 1) and what it costs. */
  private record Measure(int depth, int cost) {
    static final Measure NONE = new Measure(0, 0);

    Measure plus(Measure other) {
      return new Measure(Math.max(depth, other.depth), saturated((long) cost + other.cost));
    }

    static int saturated(long value) {
      return (int) Math.min(Integer.MAX_VALUE, value);
    }
  }

  private static final class Walk {
    private final Map<String, FragmentDefinition> fragments;
    private final ToIntFunction<Field> listSizes;
    private final Map<String, Measure> measuredFragments = new HashMap<>();

    Walk(Map<String, FragmentDefinition> fragments, ToIntFunction<Field> listSizes) {
      this.fragments = fragments;
      this.listSizes = listSizes;
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
                  case Field field -> field(field);
                  case FragmentSpread spread -> fragment(spread.getName());
                  case InlineFragment inline -> measure(inline.getSelectionSet());
                  default -> Measure.NONE;
                });
      }
      return total;
    }

    private Measure field(Field field) {
      Measure below = measure(field.getSelectionSet());
      long items = Math.max(0, listSizes.applyAsInt(field));
      long cost = below.cost() == 0 ? 1 : 1 + items * below.cost();
      return new Measure(below.depth() + 1, Measure.saturated(cost));
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
