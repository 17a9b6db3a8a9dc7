package org.entente.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.entente.db.embedded.LocalPostgres;

/**
 * Test-only look at the whole database as the embedded cluster's superuser, which row-level security
 * does not restrict: used to assert what was (not) stored, and to set up states such as a suspended
 * tenant. The app itself never connects like this.
 */
public final class SuperuserDatabase {

    private final String url;

    public SuperuserDatabase(LocalPostgres postgres) {
        this.url = postgres.jdbcUrl();
    }

    public List<List<Object>> query(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<List<Object>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getObject(i));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
