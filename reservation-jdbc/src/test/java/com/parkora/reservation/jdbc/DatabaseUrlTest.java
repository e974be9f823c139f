package com.parkora.reservation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlTest {

  @Test
  void a_python_style_url_becomes_a_jdbc_url_with_user_and_password() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://reserve:s3cret@db.internal:6543/reservations");

    assertThat(url)
        .isEqualTo(
            new DatabaseUrl(
                "jdbc:postgresql://db.internal:6543/reservations", "reserve", "s3cret"));
  }

  @ParameterizedTest
  @CsvSource({
    "postgres://u:p@localhost/db, jdbc:postgresql://localhost/db",
    "postgresql+psycopg2://u:p@localhost:5432/db, jdbc:postgresql://localhost:5432/db"
  })
  void postgres_and_driver_qualified_schemes_are_accepted(String given, String jdbcUrl) {
    assertThat(DatabaseUrl.parse(given).jdbcUrl()).isEqualTo(jdbcUrl);
  }

  @Test
  void percent_encoded_credentials_are_decoded_and_query_parameters_kept() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%3Ass+w@h:1/db?sslmode=require");

    assertThat(url.user()).isEqualTo("us@er");
    assertThat(url.password()).isEqualTo("p:ss+w");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/db?sslmode=require");
  }

  @Test
  void a_url_without_credentials_leaves_them_to_the_driver() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/db");

    assertThat(url.user()).isNull();
    assertThat(url.password()).isNull();
  }

  @Test
  void a_jdbc_url_is_taken_as_it_is() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    assertThat(url.user()).isNull();
  }

  @Test
  void another_database_on_the_same_server_keeps_host_and_parameters() {
    DatabaseUrl url =
        DatabaseUrl.parse("jdbc:postgresql://h:5432/postgres?user=x").withDatabase("test_1");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/test_1?user=x");
  }

  @Test
  void garbage_is_refused_with_the_accepted_forms_and_without_echoing_a_password() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://user:password@host:port/database")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> DatabaseUrl.parse("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@host"))
        .hasMessageContaining("no database");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@/db"))
        .hasMessageContaining("no host");
  }

  @Test
  void its_text_never_shows_the_password() {
    assertThat(DatabaseUrl.parse("postgresql://u:hunter2@h/db").toString())
        .doesNotContain("hunter2");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=hunter2").toString())
        .doesNotContain("hunter2");
  }
}
