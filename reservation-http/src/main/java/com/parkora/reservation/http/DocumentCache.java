package com.parkora.reservation.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps documents parsed, validated and measured against the {@link DocumentLimits}, by their text:
 * clients send the same few documents with new variables, and parsing, validation and the limit
 * checks were a third of a request's work. The verdict depends on the document and the schema only,
 * so a cached one (errors included) holds. Bounded by the characters it holds, and a document
 * longer than {@link #LARGEST_CACHED} is judged afresh each time, so distinct documents cannot grow
 * it beyond a few MiB.
 */
final class DocumentCache implements PreparsedDocumentProvider {

  /**
   * A verdict, for a document of one named operation that name (for metrics), and for a valid one
   * that {@link FlatQueries} can answer its plan.
   */
  private record Entry(
      PreparsedDocumentEntry verdict, String soleOperationName, FlatQueries.Plan flat) {}

  /** Characters of the longest document kept; real clients' documents are far shorter. */
  static final int LARGEST_CACHED = 16 * 1024;

  private final Cache<String, Entry> documents;
  private final DocumentLimits limits;
  private final Function<Document, FlatQueries.Plan> planner;

  /**
   * @param maximumCharacters the total length of the documents kept
   * @param planner the flat plan of a valid document, or null
   */
  DocumentCache(
      long maximumCharacters, DocumentLimits limits, Function<Document, FlatQueries.Plan> planner) {
    this.documents =
        Caffeine.newBuilder()
            .maximumWeight(maximumCharacters)
            .<String, Entry>weigher((query, entry) -> query.length())
            .build();
    this.limits = limits;
    this.planner = planner;
  }

  @Override
  public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
      ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
    String query = input.getQuery();
    Entry entry =
        query.length() > LARGEST_CACHED
            ? judge(parseAndValidate.apply(input))
            : documents.get(query, text -> judge(parseAndValidate.apply(input)));
    return CompletableFuture.completedFuture(entry.verdict());
  }

  /** The name of the only operation of a document seen recently; null otherwise. */
  String soleOperationName(String query) {
    Entry entry = query == null ? null : documents.getIfPresent(query);
    return entry == null ? null : entry.soleOperationName();
  }

  /** The flat plan of a valid document seen recently; null otherwise. */
  FlatQueries.Plan flatPlan(String query) {
    Entry entry = documents.getIfPresent(query);
    return entry == null ? null : entry.flat();
  }

  private Entry judge(PreparsedDocumentEntry parsed) {
    if (parsed.hasErrors()) {
      return new Entry(parsed, null, null);
    }
    Document document = parsed.getDocument();
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    String name = operations.size() == 1 ? operations.getFirst().getName() : null;
    return limits
        .check(document)
        .map(error -> new Entry(new PreparsedDocumentEntry(error), name, null))
        .orElseGet(() -> new Entry(parsed, name, planner.apply(document)));
  }
}
