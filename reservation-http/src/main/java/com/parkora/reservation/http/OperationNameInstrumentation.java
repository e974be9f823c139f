package com.parkora.reservation.http;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * Notes the name of the operation being executed in the request's GraphQL context, so metrics can
 * name it even when the client sent no {@code operationName}.
 */
final class OperationNameInstrumentation extends SimplePerformantInstrumentation {

  static final String KEY = "reservation.operationName";

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    String name = parameters.getExecutionContext().getOperationDefinition().getName();
    if (name != null) {
      parameters.getExecutionContext().getGraphQLContext().put(KEY, name);
    }
    return SimpleInstrumentationContext.noOp();
  }
}
