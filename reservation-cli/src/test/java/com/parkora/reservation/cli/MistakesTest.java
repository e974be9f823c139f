package com.parkora.reservation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator mistakes end with one clear line on stderr and a non-zero exit, no stack trace. */
class MistakesTest {

  static final String UNREACHABLE = "postgresql://postgres:s3cret@127.0.0.1:1/nowhere";

  @TempDir Path work;

  @Test
  void an_unknown_flag_is_one_line_and_exit_code_two() throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of(), "serve", "--bogus");

    assertThat(result.exitCode()).isEqualTo(Main.USAGE);
    assertThat(result.errLines())
        .containsExactly("error: Unknown option: '--bogus' (see 'reservation serve --help')");
  }

  @Test
  void a_tenant_that_is_not_a_uuid_is_one_line_and_exit_code_two() throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of(), "rebuild", "--tenant", "acme");

    assertThat(result.exitCode()).isEqualTo(Main.USAGE);
    assertThat(result.errLines())
        .containsExactly(
            "error: Invalid value for option '--tenant': "
                + "'acme' is not a UUID (see 'reservation rebuild --help')");
  }

  @Test
  void an_unreachable_database_is_one_line_without_the_password() throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of("DATABASE_URL", UNREACHABLE), "migrate");

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains("postgresql://postgres:****@127.0.0.1:1/nowhere")
        .doesNotContain("s3cret");
  }

  @Test
  void serve_against_an_unreachable_database_ends_with_one_error_line_and_no_stack_trace()
      throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of("DATABASE_URL", UNREACHABLE), "serve");

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.errLines().getLast()).startsWith("error: ").contains("127.0.0.1:1");
    assertThat(result.err()).doesNotContain("\tat ").doesNotContain("s3cret");
  }

  @Test
  void a_missing_import_file_is_one_line() throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of(), "events", "import", "missing.jsonl");

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.errLines()).containsExactly("error: no such file: missing.jsonl");
  }

  @Test
  void a_malformed_environment_variable_is_named_in_one_line() throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of("PORT", "eighty"), "serve");

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.errLines())
        .containsExactly("error: PORT must be a whole number, got 'eighty'");
  }

  @Test
  void verbose_adds_the_stack_trace() throws Exception {
    CliProcess.Result result =
        CliProcess.run(work, Map.of("DATABASE_URL", UNREACHABLE), "migrate", "--verbose");

    assertThat(result.exitCode()).isEqualTo(Main.FAILURE);
    assertThat(result.errLines().getFirst()).startsWith("error: ");
    assertThat(result.err()).contains("\tat ");
  }

  @Test
  void no_command_is_a_usage_mistake() throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of());

    assertThat(result.exitCode()).isEqualTo(Main.USAGE);
    assertThat(result.errLines()).singleElement().asString().startsWith("error: missing command");
  }

  @Test
  void version_prints_the_build_version() throws Exception {
    CliProcess.Result result = CliProcess.run(work, Map.of(), "version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("reservation 1.0.0").contains("Java ");
    assertThat(result.err()).isEmpty();
  }
}
