package com.parkora.reservation.http;

import com.parkora.reservation.port.Storage;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A store whose every operation throws what {@code failure} supplies: a bug, or an outage. It is
 * never ready, and closing it does nothing.
 */
final class FailingStorage {

  private FailingStorage() {}

  static Storage of(Supplier<RuntimeException> failure) {
    return (Storage)
        Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (store, method, args) ->
                switch (method.getName()) {
                  case "isReady" -> false;
                  case "close" -> null;
                  case "equals" -> store == args[0];
                  case "hashCode" -> System.identityHashCode(store);
                  case "toString" -> "a store that fails";
                  default -> throw failure.get();
                });
  }
}
