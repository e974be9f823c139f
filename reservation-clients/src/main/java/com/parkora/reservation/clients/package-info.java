/** Adapters of the core's outside-call ports: payments (gRPC), parking spots (HTTP), RabbitMQ. */
package com.parkora.reservation.clients;
