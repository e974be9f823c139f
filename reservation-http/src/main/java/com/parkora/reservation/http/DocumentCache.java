package com.parkora.reservation.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
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

  /** A verdict and, for a document of one named operation, that name (for metrics). */
  private record Entry(PreparsedDocumentEntry verdict, String soleOperationName) {}

  /** Characters of the longest document kept; real clients' documents are far shorter. */
  static final int LARGEST_CACHED = 16 * 1024;

  private final Cache<String, Entry> documents;
  private final DocumentLimits limits;

  /**
   * @param maximumCharacters the total length of the documents kept
   */
  DocumentCache(long maximumCharacters, DocumentLimits limits) {
    this.documents =
        Caffeine.newBuilder()
            .maximumWeight(maximumCharacters)
            .<String, Entry>weigher((query, entry) -> query.length())
            .build();
    this.limits = limits;
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

  private Entry judge(PreparsedDocumentEntry parsed) {
    if (parsed.hasErrors()) {
      return new Entry(parsed, null);
    }
    List<OperationDefinition> operations =
        parsed.getDocument().getDefinitionsOfType(OperationDefinition.class);
    String name = operations.size() == 1 ? operations.getFirst().getName() : null;
    return new Entry(
        limits.check(parsed.getDocument()).map(PreparsedDocumentEntry::new).orElse(parsed), name);
  }
}
