package com.parkora.reservation.app;

import java.util.List;
import java.util.UUID;

/** Whether an interval of a spot is free; {@code conflicts} is null when it is. */
public record Availability(boolean available, List<UUID> conflicts) {}
