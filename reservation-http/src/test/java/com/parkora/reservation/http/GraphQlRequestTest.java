package com.parkora.reservation.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables of a request are what Jackson's conversion makes of them, value for value. */
class GraphQlRequestTest {

  private static final ObjectMapper JSON = HttpApi.jsonMapper();

  @Test
  void variables_are_the_maps_the_conversion_makes() throws Exception {
    List<String> variables =
        List.of(
            "{}",
            "{\"userId\":\"u-1\",\"includeCompleted\":false}",
            "{\"a\":null,\"b\":true,\"c\":12,\"d\":\"\\u00e9\\n\"}",
            "{\"big\":12345678901}",
            "{\"huge\":123456789012345678901234567890}",
            "{\"float\":7.5,\"exp\":1e3,\"negative\":-0}",
            "{\"z\":1,\"a\":2,\"m\":\"3\"}",
            "{\"input\":{\"userId\":\"u\",\"totalCost\":5.0,\"durationHours\":2}}",
            "{\"list\":[1,\"two\",null,{\"x\":[]}]}");
    for (String json : variables) {
      Map<String, Object> expected = JSON.readValue(json, new TypeReference<>() {});
      Map<String, Object> parsed =
          GraphQlRequest.parse(
                  ("{\"query\":\"{ x }\",\"variables\":" + json + "}")
                      .getBytes(StandardCharsets.UTF_8),
                  GraphQlRequest.reader(JSON))
              .variables();
      assertThat(parsed).as(json).isEqualTo(expected);
      assertThat(new ArrayList<>(parsed.keySet()))
          .as(json)
          .isEqualTo(new ArrayList<>(expected.keySet()));
      for (String key : expected.keySet()) {
        Object value = expected.get(key);
        assertThat(parsed.get(key) == null ? null : parsed.get(key).getClass())
            .as("%s %s", json, key)
            .isEqualTo(value == null ? null : value.getClass());
      }
      assertThat(parsed.getClass()).isEqualTo(expected.getClass());
    }
  }
}
