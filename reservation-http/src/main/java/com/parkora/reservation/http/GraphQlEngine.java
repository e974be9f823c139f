package com.parkora.reservation.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The GraphQL schema of {@code schema.graphqls} wired to the fetchers, with depth and complexity
 * caps. Every error it answers carries {@code extensions.code}.
 */
final class GraphQlEngine {

  static final String SCHEMA_RESOURCE = "schema.graphqls";

  /** Characters of distinct documents kept parsed and validated (a few MiB at most). */
  static final long DOCUMENT_CACHE_CHARACTERS = 4L * 1024 * 1024;

  private final GraphQL graphQl;
  private final DocumentCache documents;
  private final FlatQueries flat;
  private final int maxResponseRows;

  /**
   * No instrumentation runs during execution (they hook every field): the depth and complexity caps
   * are checked once per distinct document by the {@link DocumentCache}; the rows of each answer
   * are counted by a {@link ResponseBudget}.
   */
  GraphQlEngine(
      RuntimeWiring wiring,
      int maxDepth,
      int maxComplexity,
      int maxResponseRows,
      JsonFactory json) {
    this.maxResponseRows = maxResponseRows;
    GraphQLSchema schema =
        new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl()), wiring);
    this.flat = new FlatQueries(schema, json);
    this.documents =
        new DocumentCache(
            DOCUMENT_CACHE_CHARACTERS,
            new DocumentLimits(maxDepth, maxComplexity, new ListSizes()),
            flat::plan);
    this.graphQl =
        GraphQL.newGraphQL(schema)
            .defaultDataFetcherExceptionHandler(errorHandler())
            .preparsedDocumentProvider(documents)
            .build();
  }

  /**
   * The result of one operation in its wire form, the name of the operation that ran (null when
   * anonymous or not executed) and the code of its first error if any. A flat answer comes as an
   * answer to write ({@code flat}, checked whole, without errors), with an empty {@code body}.
   */
  record Outcome(
      Map<String, Object> body,
      FlatQueries.Answer flat,
      String operationName,
      String firstErrorCode) {

    /** The codes of the answer's errors; none for an answer without errors. */
    Set<ErrorCode> errorCodes() {
      Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
      if (body.get("errors") instanceof List<?> errors) {
        for (Object error : errors) {
          String code = error instanceof Map<?, ?> map ? codeOf(map) : null;
          codes.add(
              java.util.Arrays.stream(ErrorCode.values())
                  .filter(known -> known.name().equals(code))
                  .findFirst()
                  .orElse(ErrorCode.INTERNAL));
        }
      }
      return codes;
    }

    /** Whether any error of the answer carries {@code code}. */
    boolean hasErrorCode(ErrorCode code) {
      return body.get("errors") instanceof List<?> errors
          && errors.stream()
              .anyMatch(e -> e instanceof Map<?, ?> map && code.name().equals(codeOf(map)));
    }
  }

  /**
   * Answers flat when {@link FlatQueries} can (a document seen before, of reservations' scalar
   * fields only, a query or a command), otherwise by graphql-java; both answers are the same JSON.
   */
  Outcome execute(GraphQlRequest request, Tenancy tenancy) {
    FlatQueries.Plan plan = documents.flatPlan(request.query());
    if (plan != null) {
      ResponseBudget budget = new ResponseBudget(maxResponseRows);
      FlatQueries.Answer answer = flat.answer(plan, request, context(tenancy, budget));
      if (answer != null && answer.settled() != null) {
        // a mutation that ran: graphql-java shapes the answer over its outcome, without running it
        return executeByGraphQlJava(
            request, tenancy, Map.of(ReservationFetchers.AnsweredResult.class, answer.settled()));
      }
      if (answer != null) {
        // a flat plan holds the one operation, and answers only a request that runs it
        return new Outcome(Map.of(), answer, plan.operation().getName(), null);
      }
      if (budget.spent()) {
        throw budget.tooLarge();
      }
    }
    return executeByGraphQlJava(request, tenancy);
  }

  /** The answer graphql-java's execution gives, flat plan or not. */
  Outcome executeByGraphQlJava(GraphQlRequest request, Tenancy tenancy) {
    return executeByGraphQlJava(request, tenancy, Map.of());
  }

  /**
   * As {@link #executeByGraphQlJava(GraphQlRequest, Tenancy)}, with more entries in the GraphQL
   * context (a keyed request's recorder, or the result a command already answered).
   */
  Outcome executeByGraphQlJava(GraphQlRequest request, Tenancy tenancy, Map<Object, Object> extra) {
    ResponseBudget budget = new ResponseBudget(maxResponseRows);
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(request.query())
            .operationName(request.operationName())
            .variables(request.variables())
            .graphQLContext(
                context -> {
                  context.of(Tenancy.class, tenancy, ResponseBudget.class, budget);
                  extra.forEach(context::of);
                })
            .build();
    ExecutionResult result = graphQl.execute(input);
    if (budget.spent()) {
      throw budget.tooLarge();
    }
    List<Map<String, Object>> errors =
        result.getErrors().stream().map(GraphQlEngine::wireError).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    if (result.isDataPresent()) {
      body.put("data", result.getData());
    }
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    String firstCode = errors.isEmpty() ? null : codeOf(errors.getFirst());
    return new Outcome(body, null, operationName(request), firstCode);
  }

  private static GraphQLContext context(Tenancy tenancy, ResponseBudget budget) {
    return GraphQLContext.newContext()
        .of(Tenancy.class, tenancy, ResponseBudget.class, budget)
        .build();
  }

  private String operationName(GraphQlRequest request) {
    return request.operationName() != null
        ? request.operationName()
        : documents.soleOperationName(request.query());
  }

  static String sdl() {
    try (InputStream in = GraphQlEngine.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataFetcherExceptionHandler errorHandler() {
    return params -> {
      Throwable cause = params.getException();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      Failure failure = ErrorMapping.classify(cause);
      Map<String, Object> extensions = new LinkedHashMap<>();
      extensions.put("code", failure.code().name());
      if (cause instanceof ReservationException.PriceMismatch mismatch) {
        extensions.put("expectedTotalCost", mismatch.expected().doubleValue());
      }
      GraphQLError error =
          GraphqlErrorBuilder.newError()
              .message("%s", failure.message())
              .path(params.getPath())
              .location(params.getSourceLocation())
              .extensions(extensions)
              .build();
      return CompletableFuture.completedFuture(
          DataFetcherExceptionHandlerResult.newResult(error).build());
    };
  }

  /** Errors graphql-java raises itself (syntax, validation, coercion, limits) are the caller's. */
  private static Map<String, Object> wireError(GraphQLError error) {
    Map<String, Object> wire = new LinkedHashMap<>(error.toSpecification());
    Map<String, Object> extensions = new LinkedHashMap<>();
    if (error.getExtensions() != null) {
      extensions.putAll(error.getExtensions());
    }
    extensions.putIfAbsent("code", ErrorCode.INVALID_INPUT.name());
    wire.put("extensions", extensions);
    return wire;
  }

  private static String codeOf(Map<?, ?> error) {
    Object extensions = error.get("extensions");
    return extensions instanceof Map<?, ?> map ? String.valueOf(map.get("code")) : null;
  }
}
