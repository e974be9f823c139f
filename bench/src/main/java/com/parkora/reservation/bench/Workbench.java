package com.parkora.reservation.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the goals of one bench run share: the service jar and its production command, the size of
 * the run, the PostgreSQL tools and the report each goal adds its rows to.
 *
 * @param serveScript the production command ({@code bin/serve})
 * @param quick small data sets and short loads: a smoke run
 * @param seconds measured seconds per load
 * @param podJvms the pod goal's alternative JVMs: {@code JDK_JAVA_OPTIONS} values
 */
record Workbench(
    Path jar,
    Path serveScript,
    boolean quick,
    int seconds,
    List<String> podJvms,
    Shell shell,
    Report report) {

  /** Where the run's scripts, logs and caches go. */
  Path scratch() {
    return shell.scratch();
  }

  /**
   * The production command as it is, in a pod of the deployment's memory without a CPU quota: it
   * loads the cache of the training run when there is one and never trains.
   */
  ServiceProcess startProduction(String db, int port, String log) throws Exception {
    return startProduction(db, port, log, Jvm.deploymentPod("serve-" + port));
  }

  /** The production command inside {@code pod}. */
  ServiceProcess startProduction(String db, int port, String log, Pod pod) throws Exception {
    return startProduction(db, port, log, pod, productionCache());
  }

  /** The production command inside {@code pod} with {@code cache} (which may not exist). */
  ServiceProcess startProduction(String db, int port, String log, Pod pod, Path cache)
      throws Exception {
    return ServiceProcess.production(
        serveScript, jar, cache, false, url(db), port, scratch().resolve(log), pod);
  }

  /** The production command's training run ({@code AOT_TRAIN=1}), outside any pod. */
  ServiceProcess startTraining(String db, int port, String log) throws Exception {
    return ServiceProcess.production(
        serveScript, jar, productionCache(), true, url(db), port, scratch().resolve(log), null);
  }

  Path productionCache() {
    return scratch().resolve(Jvm.cacheFileName());
  }

  /** createReservation from 16 connections, 8 tenants, a new spot every request. */
  Wrk.Outcome commandLoad(ServiceProcess service, String phase, Duration duration)
      throws Exception {
    return Wrk.run(service.baseUrl(), CommandGoals.script(scratch(), phase), 16, duration);
  }

  String freshDatabase(String name) throws Exception {
    dropDatabase(name);
    shell.psql("postgres", "CREATE DATABASE " + name);
    ServiceProcess.runCommand(
        jar, "256m", url(name), scratch().resolve("migrate-" + name + ".log"), "migrate");
    return name;
  }

  /**
   * A fresh database whose read model holds {@code perTenant} reservations of each of the 8 tenants
   * (generate-reservations.sql).
   */
  String freshDatabaseWithReservations(String name, int perTenant) throws Exception {
    String db = freshDatabase(name);
    shell.psqlFile(
        db,
        shell.resource("generate-reservations.sql"),
        Map.of("per_tenant", String.valueOf(perTenant)));
    return db;
  }

  /**
   * Forces a checkpoint now, before a timed load that writes. PostgreSQL starts one whenever {@code
   * max_wal_size} of WAL has been written (every minute or two under the command load), and the
   * pages first written after it go to the WAL whole: a load that met one wrote more than a load
   * that did not. After this, each timed load starts just past a checkpoint, the service's as the
   * baseline's.
   */
  void checkpoint() throws Exception {
    shell.psql("postgres", "CHECKPOINT");
  }

  void dropDatabase(String name) throws Exception {
    shell.psql("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  String url(String database) {
    return "postgresql://"
        + shell.user()
        + "@"
        + shell.host()
        + ":"
        + shell.port()
        + "/"
        + database;
  }
}
