package db.demo;

import org.entente.db.demo.DemoHistory;
import org.entente.db.demo.DemoHistoryWriter;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The generated demo history (see {@link DemoHistory}), as a repeatable Java migration found in the demo-data
 * location classpath:db/demo next to the SQL scripts. Flyway orders repeatable migrations by description:
 * "demo data" (the tenants it needs) runs first, then "demo history", then "demo workstreams".
 *
 * <p>The checksum is the generator's version, so a changed generator runs again; the writer skips what is
 * already there.
 */
public class R__demo_history extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        return DemoHistory.VERSION;
    }

    @Override
    public void migrate(Context context) throws Exception {
        DemoHistoryWriter.write(context.getConnection());
    }
}
