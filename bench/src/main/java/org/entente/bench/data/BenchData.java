package org.entente.bench.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.bench.BenchDatabase;
import org.entente.bench.Scale;

/** Generates the benchmark's data at a scale and loads it by COPY. */
public final class BenchData {

    private BenchData() {
    }

    public static Dataset generate(BenchDatabase database, Scale scale, long seed) throws SQLException {
        try (Connection connection = database.superuser()) {
            return new Dataset(scale, seed, tenants(connection), rowCounts(connection), Duration.ZERO, Duration.ZERO);
        }
    }

    static List<Dataset.Tenant> tenants(Connection connection) throws SQLException {
        List<Dataset.Tenant> tenants = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select id, alias, name, kind from tenant order by id")) {
            while (row.next()) {
                tenants.add(new Dataset.Tenant(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getString(4), members(connection, row.getObject(1, UUID.class))));
            }
        }
        return tenants;
    }

    private static List<Dataset.Member> members(Connection connection, UUID tenant) throws SQLException {
        List<Dataset.Member> members = new ArrayList<>();
        try (var sql = connection.prepareStatement(
                "select id, username, display_name from member where tenant_id = ? order by id")) {
            sql.setObject(1, tenant);
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    members.add(new Dataset.Member(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
                }
            }
        }
        return members;
    }

    static Map<String, Long> rowCounts(Connection connection) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(
                     "select tablename from pg_tables where schemaname = 'public' and tablename not like 'flyway%' order by 1")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        for (String table : tables) {
            try (Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("select count(*) from " + table)) {
                row.next();
                rows.put(table, row.getLong(1));
            }
        }
        return rows;
    }
}
