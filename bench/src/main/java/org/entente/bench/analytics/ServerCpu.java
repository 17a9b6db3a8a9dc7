package org.entente.bench.analytics;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent by the PostgreSQL server (postmaster and its backends) and by this JVM (DuckDB's native threads
 * included), read from /proc: on a 2-core machine where both compete, this says which side a copy is bound by.
 * PostgreSQL's part counts backends that already ended too (the postmaster's cutime/cstime hold the children it
 * reaped). Linux only; elsewhere every reading is 0.
 */
final class ServerCpu {

    private static final double TICK_NANOS = 1e9 / 100;   // USER_HZ is 100 on Linux

    private final long postmaster;

    private ServerCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** For the server {@code superuser} is connected to (its data directory's postmaster.pid names the postmaster). */
    static ServerCpu of(Connection superuser) throws SQLException {
        String dataDirectory;
        try (Statement sql = superuser.createStatement(); ResultSet row = sql.executeQuery("SHOW data_directory")) {
            row.next();
            dataDirectory = row.getString(1);
        }
        long pid = -1;
        try {
            pid = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).getFirst().strip());
        } catch (IOException | RuntimeException e) {
            // not readable here (another host, another OS): PostgreSQL's CPU is reported as 0
        }
        return new ServerCpu(pid);
    }

    /** A reading: nanoseconds of CPU so far, of PostgreSQL and of this JVM. */
    record Reading(double postgres, double jvm) {

        Reading minus(Reading earlier) {
            return new Reading(postgres - earlier.postgres, jvm - earlier.jvm);
        }
    }

    /**
     * Waits (at most a second) until the postmaster has at most {@code children} children again: a backend that just
     * ended counts in the postmaster's cutime only once it has been reaped, and would be missed if read before.
     */
    void settle(int children) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (children() > children && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** The postmaster's live children (backends and background workers). */
    int children() {
        if (postmaster < 0) {
            return 0;
        }
        int count = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                List<Long> child = ticks(Long.parseLong(process.getFileName().toString()));
                if (!child.isEmpty() && child.get(4) == postmaster) {
                    count++;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return count;
    }

    Reading now() {
        double jvm = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
        return new Reading(postgresNanos(), jvm);
    }

    private double postgresNanos() {
        if (postmaster < 0) {
            return 0;
        }
        List<Long> own = ticks(postmaster);
        if (own.isEmpty()) {
            return 0;
        }
        long total = own.get(0) + own.get(1) + own.get(2) + own.get(3);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                List<Long> child = ticks(pid);
                if (!child.isEmpty() && child.get(4) == postmaster) {
                    total += child.get(0) + child.get(1);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total * TICK_NANOS;
    }

    /** utime, stime, cutime, cstime, ppid of a process from /proc/PID/stat; empty if it is gone. */
    private static List<Long> ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state ppid ... utime is field 14 overall, i.e. index 11 here
            return List.of(Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14]), Long.parseLong(fields[1]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
