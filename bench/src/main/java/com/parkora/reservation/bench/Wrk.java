package com.parkora.reservation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop HTTP load from wrk (Debian's package) with a generated Lua script: one C thread
 * multiplexing the connections, so the load generator takes little of the CPU the service and
 * PostgreSQL share on a small machine. A request whose answer is not 200 or carries GraphQL {@code
 * errors} counts as an error; a compressed answer (a script that accepts gzip, as browsers do) is
 * checked for its status only, the same requests having been checked plain before.
 */
final class Wrk {

  record Outcome(
      long requests,
      long errors,
      double seconds,
      double p50Millis,
      double p99Millis,
      String firstError) {
    double throughput() {
      return requests / seconds;
    }
  }

  /** The Lua shared by every workload: error counting and the machine-readable summary. */
  private static final String COMMON =
      """
      local threads = {}
      function setup(thread)
        thread:set("id", #threads + 1)
        table.insert(threads, thread)
      end
      errors = 0
      first_error = ""
      function response(status, headers, body)
        local plain = headers["Content-Encoding"] == nil
        if status ~= 200
            or (plain and (body:sub(1, 8) ~= '{"data":' or body:find('"errors"', 1, true))) then
          errors = errors + 1
          if first_error == "" then first_error = status .. " " .. body:sub(1, 300) end
        end
      end
      function done(summary, latency, requests)
        local e, first = 0, ""
        for _, t in ipairs(threads) do
          e = e + t:get("errors")
          if first == "" then first = t:get("first_error") end
        end
        io.write(string.format("RESULT requests=%d errors=%d duration_us=%d p50_us=%d p99_us=%d\\n",
          summary.requests, e, summary.duration, latency:percentile(50), latency:percentile(99)))
        io.write("FIRST_ERROR " .. first .. "\\n")
      end
      """;

  private Wrk() {}

  /** Writes a workload script: {@code requestFunction} defines Lua's {@code request()}. */
  static Path script(Path dir, String name, String requestFunction) throws IOException {
    Path file = dir.resolve(name + ".lua");
    Files.writeString(file, COMMON + requestFunction);
    return file;
  }

  static Outcome run(String baseUrl, Path script, int connections, Duration duration)
      throws IOException, InterruptedException {
    String out =
        Shell.run(
            List.of(
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "30s",
                "-s",
                script.toString(),
                baseUrl + "/graphql"));
    Matcher m =
        Pattern.compile(
                "RESULT requests=(\\d+) errors=(\\d+) duration_us=(\\d+)"
                    + " p50_us=(\\d+) p99_us=(\\d+)")
            .matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk printed no result:\n" + out);
    }
    long requests = Long.parseLong(m.group(1));
    long errors = Long.parseLong(m.group(2));
    Matcher first = Pattern.compile("FIRST_ERROR (.*)").matcher(out);
    return new Outcome(
        requests - errors,
        errors,
        Long.parseLong(m.group(3)) / 1e6,
        Long.parseLong(m.group(4)) / 1000.0,
        Long.parseLong(m.group(5)) / 1000.0,
        first.find() ? first.group(1) : "");
  }

  /** A Lua string literal. */
  static String lua(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
