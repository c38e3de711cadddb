package nl.uitkijk.core.internal.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings a database to the current schema with Flyway; scripts live in {@value #LOCATION}. */
public final class SchemaMigrator {

    static final String LOCATION = "classpath:nl/uitkijk/core/db/migration";

    private SchemaMigrator() {
    }

    /**
     * Migrates and answers whether the schema was created now.
     *
     * @param loader the class loader that sees the migration scripts (the core bundle's)
     */
    public static boolean migrate(DataSource dataSource, ClassLoader loader) {
        MigrateResult result = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations(LOCATION)
                .table("schema_history")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        return result.initialSchemaVersion == null && result.migrationsExecuted > 0;
    }
}
