package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.parkora.reservation.contract.Fixtures;
import com.parkora.reservation.domain.ErrorCode;
import com.parkora.reservation.domain.ReservationException;
import com.parkora.reservation.domain.TenantId;
import com.parkora.reservation.jdbc.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A value PostgreSQL cannot store is the caller's mistake (INVALID_INPUT), never INTERNAL. */
class DataExceptionTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.perClass("data_exception");

  @Test
  void a_value_that_slipped_past_validation_and_cannot_be_stored_is_invalid_input() {
    TenantId tenant = Fixtures.newTenant();
    UUID id = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                Fixtures.record(
                    db.storage(),
                    tenant,
                    id,
                    0,
                    Fixtures.created(tenant, id, "NUL\u0000SPOT", Fixtures.T0, 1)))
        .isInstanceOfSatisfying(
            ReservationException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.code())
                    .isEqualTo(ErrorCode.INVALID_INPUT));
  }
}
