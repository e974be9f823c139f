# syntax=docker/dockerfile:1
# The service's container image (docs/deployment.md): `docker build .`, or for both architectures
# `docker buildx build --platform linux/amd64,linux/arm64 .`. The jar is built once on the build
# machine; the Java runtime is linked with jlink from the JDK of the image's own platform; the
# ahead-of-time cache is made by a training run on the target platform during the build.
#
# e2e/deploy/image builds the same image without a Docker engine: it reads the final stage below
# (COPY, ENV, RUN, USER, WORKDIR, EXPOSE, LABEL, ENTRYPOINT, CMD), so keep one instruction per line
# and JSON arrays for RUN, ENTRYPOINT and CMD.

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-25
ARG JDK_IMAGE=eclipse-temurin:25-jdk
ARG BASE_IMAGE=gcr.io/distroless/base-debian12

# The jar: pure Java, so built on the build machine's own platform, once for every target.
FROM --platform=$BUILDPLATFORM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -pl reservation-cli -am -DskipTests package

# The Java runtime: jlink from the target platform's JDK (its native libraries), with the modules
# of deploy/image/jre-modules (JreModulesIT keeps that list complete).
FROM ${JDK_IMAGE} AS jre
COPY deploy/image/jre-modules /tmp/jre-modules
RUN jlink --add-modules "$(sed 's/#.*//' /tmp/jre-modules | xargs | tr ' ' ',')" \
      --strip-debug --no-header-files --no-man-pages --output /jre \
 && mkdir /data

# The image: glibc and little else; root owns everything but /data (the embedded store) and /tmp.
FROM ${BASE_IMAGE}
COPY deploy/image/passwd /etc/passwd
COPY deploy/image/group /etc/group
COPY --from=jre /jre /app/jre
COPY --from=jre --chown=10001:10001 /data /data
COPY bin/jvm.options /app/jvm.options
COPY --from=build /src/reservation-cli/target/reservation.jar /app/reservation.jar
ENV DATA_DIR=/data LOG_FORMAT=json MALLOC_ARENA_MAX=2
# The training run: serve on a throwaway embedded store, typical requests, a clean stop; the JVM
# writes the cache as it exits. The jar is not touched after this: the cache checks its size and
# mtime (so no rewrite-timestamp/SOURCE_DATE_EPOCH rewriting of this image's layers).
RUN --mount=type=tmpfs,target=/tmp ["/app/jre/bin/java", "@/app/jvm.options", "-XX:AOTCacheOutput=/app/reservation.aot", "-jar", "/app/reservation.jar", "train"]
USER 10001:10001
WORKDIR /data
EXPOSE 8000
ARG VERSION=dev
ARG REVISION=unknown
ARG SOURCE=https://github.com/sample-unwind/reservation-service
LABEL org.opencontainers.image.title="reservation-service" org.opencontainers.image.description="Parking reservations: GraphQL, REST, event sourcing on PostgreSQL" org.opencontainers.image.source="${SOURCE}" org.opencontainers.image.revision="${REVISION}" org.opencontainers.image.version="${VERSION}"
ENTRYPOINT ["/app/jre/bin/java", "@/app/jvm.options", "-XX:AOTCache=/app/reservation.aot", "-jar", "/app/reservation.jar"]
CMD ["serve"]
